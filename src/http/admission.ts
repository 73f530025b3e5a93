// Who gets in at /graphql, before yoga reads a byte: nobody while the instance is starting
// (the database is not there yet) or draining (SIGTERM), and at most MAX_CONCURRENT_REQUESTS
// requests at once (subscriptions over SSE are long-lived and not counted). Refusals are quick
// HTTP 503s with Retry-After and a GraphQL body shaped like every other error
// (SERVICE_UNAVAILABLE / status_exception / 503), never a hang. It also counts what is in flight,
// so that a drain can wait for it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ServiceUnavailableError } from '../errors.ts';
import type { HealthState } from '../health-state.ts';

export interface Admission {
  /** True: serve it (its end is counted); false: already answered 503. */
  admit(req: IncomingMessage, res: ServerResponse): boolean;
  readonly inFlight: number;
  /** Resolves once no counted request is in flight. */
  idle(): Promise<void>;
  saturated(): boolean;
}

export function refuse(res: ServerResponse, error: ServiceUnavailableError): void {
  const body = { errors: [{ message: error.message, extensions: { code: error.code, type: error.type, status: error.status, ...error.details } }] };
  res
    .writeHead(error.status, {
      'content-type': 'application/json; charset=utf-8',
      'retry-after': String(error.retryAfterSeconds),
      connection: 'close',
    })
    .end(JSON.stringify(body));
}

export function createAdmission(state: HealthState, maxConcurrent: number): Admission {
  let inFlight = 0;
  const waiters: (() => void)[] = [];
  const done = () => {
    inFlight--;
    if (inFlight === 0) for (const w of waiters.splice(0)) w();
  };
  return {
    admit(req, res) {
      if (state.phase === 'starting') {
        refuse(res, new ServiceUnavailableError(`the service is starting: waiting for the ${state.waitingFor ?? 'database'}`, 2));
        return false;
      }
      if (state.phase === 'draining') {
        refuse(res, new ServiceUnavailableError('this instance is shutting down, retry on another', 1));
        return false;
      }
      if (req.headers.accept?.includes('text/event-stream') || req.headers.upgrade) return true;
      if (maxConcurrent > 0 && inFlight >= maxConcurrent) {
        refuse(res, new ServiceUnavailableError(`this instance is at its limit of ${maxConcurrent} requests at once, retry shortly`, 1));
        return false;
      }
      inFlight++;
      res.once('close', done);
      return true;
    },
    get inFlight() {
      return inFlight;
    },
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((r) => waiters.push(r))),
    saturated: () => maxConcurrent > 0 && inFlight >= maxConcurrent,
  };
}
