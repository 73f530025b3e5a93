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
  /** Serve it (its end is counted), or undefined: already answered 503. */
  admit(req: IncomingMessage, res: ServerResponse): Admitted | undefined;
  /** Requests admitted and not yet answered, waiting ones included (what a drain waits for). */
  readonly inFlight: number;
  /** Of those, the ones not only waiting: what MAX_CONCURRENT_REQUESTS bounds. */
  readonly busy: number;
  /** Resolves once no counted request is in flight. */
  idle(): Promise<void>;
  saturated(): boolean;
}

/** An admitted request. */
export interface Admitted {
  /**
   * Steps the request out of the limit while it only waits for `wait` (a waitForCompletion
   * deleteJob following its task: no CPU, no connection held), back in after. Eight callers
   * waiting for big deletions must not refuse everybody else; the drain still waits for them.
   */
  waiting<T>(wait: Promise<T>): Promise<T>;
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

const UNCOUNTED: Admitted = { waiting: (wait) => wait };

export function createAdmission(state: HealthState, maxConcurrent: number): Admission {
  let inFlight = 0;
  let busy = 0;
  const waiters: (() => void)[] = [];
  return {
    admit(req, res) {
      if (state.phase === 'starting') {
        refuse(res, new ServiceUnavailableError(`the service is starting: waiting for the ${state.waitingFor ?? 'database'}`, 2));
        return undefined;
      }
      if (state.phase === 'draining') {
        refuse(res, new ServiceUnavailableError('this instance is shutting down, retry on another', 1));
        return undefined;
      }
      if (req.headers.accept?.includes('text/event-stream') || req.headers.upgrade) return UNCOUNTED;
      if (maxConcurrent > 0 && busy >= maxConcurrent) {
        refuse(res, new ServiceUnavailableError(`this instance is at its limit of ${maxConcurrent} requests at once, retry shortly`, 1));
        return undefined;
      }
      inFlight++;
      busy++;
      let waits = 0;
      let closed = false;
      res.once('close', () => {
        closed = true;
        inFlight--;
        if (waits === 0) busy--;
        if (inFlight === 0) for (const w of waiters.splice(0)) w();
      });
      return {
        async waiting(wait) {
          if (waits++ === 0) busy--;
          try {
            return await wait;
          } finally {
            // A request answered (or abandoned) meanwhile is no longer counted at all.
            if (--waits === 0 && !closed) busy++;
          }
        },
      };
    },
    get inFlight() {
      return inFlight;
    },
    get busy() {
      return busy;
    },
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((r) => waiters.push(r))),
    saturated: () => maxConcurrent > 0 && busy >= maxConcurrent,
  };
}
