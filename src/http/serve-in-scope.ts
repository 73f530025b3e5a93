// Serves each HTTP request in its request scope (request-scope.ts: the id every log line of the
// request carries). A request whose client goes away before its answer is written is abandoned:
// its statements are cancelled and no new one starts (db/held-connections.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { withAbandonment } from '../db/held-connections.ts';
import { inRequestScope, requestIdFrom } from '../request-scope.ts';
import type { Admitted } from './admission.ts';

/** Serves an HTTP request in its scope; the response names the id in `x-request-id`. */
export function serveInRequestScope(req: IncomingMessage, res: ServerResponse, admitted: Admitted, serve: () => unknown): void {
  const requestId = requestIdFrom(req.headers['x-request-id']);
  res.setHeader('x-request-id', requestId);
  const abandoned = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) abandoned.abort();
  });
  inRequestScope(
    requestId,
    () => withAbandonment(abandoned.signal, serve),
    (wait) => admitted.waiting(wait),
  );
}
