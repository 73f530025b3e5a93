// CSRF prevention for browsers (yoga's plugin). A browser sends a "simple" request (GET, or a
// POST of a form or text/plain) without a CORS preflight, so such a request must carry a header
// that no simple request can: `Authorization` (every client of the contract sends
// `Authorization: ApiKey …`) or `x-graphql-csrf` for a caller that has no key yet. JSON POSTs
// are preflighted by browsers and pass as they are.
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';
import { CsrfError } from '../errors.ts';

export function useCsrfPrevention(): Plugin {
  const plugin = useCSRFPrevention({ requestHeaders: ['authorization', 'x-graphql-csrf', 'x-graphql-yoga-csrf'] });
  return {
    onRequestParse(payload) {
      try {
        return plugin.onRequestParse?.(payload);
      } catch {
        throw new CsrfError();
      }
    },
  };
}
