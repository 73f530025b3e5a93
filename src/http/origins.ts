// Which browser origins may call us: CORS for HTTP and the Origin check at WebSocket upgrade
// share one rule. CORS_ORIGINS lists them (`*` for any); by default none, so only pages served
// from this server itself (same origin) can use the API from a browser. A request without an
// Origin header is not from a browser page and is not concerned (API keys protect it).
import type { Config } from '../config.ts';

const normalize = (origin: string) => origin.trim().replace(/\/+$/, '').toLowerCase();

export function isOriginAllowed(origin: string, host: string | undefined, allowed: readonly string[]): boolean {
  const wanted = normalize(origin);
  if (allowed.some((entry) => entry === '*' || normalize(entry) === wanted)) return true;
  try {
    return host !== undefined && new URL(wanted).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/** yoga's `cors` option: headers only for allowed cross-origin callers; none otherwise. */
export function corsFor(config: Pick<Config, 'corsOrigins'>) {
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !isOriginAllowed(origin, undefined, config.corsOrigins)) return false as const;
    return {
      origin: [origin],
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'accept', 'x-graphql-csrf', 'x-request-id'],
      exposedHeaders: ['x-request-id', 'retry-after'],
      // API keys travel in a header, never in cookies: nothing to gain from credentialed CORS.
      credentials: false,
      maxAge: 600,
    };
  };
}
