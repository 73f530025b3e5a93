// The request id: the caller's `x-request-id` when it is a sane token, otherwise a fresh UUID.
// It is held in an AsyncLocalStorage for the life of the request, so every log line written
// meanwhile carries it (log.ts mixes it in) and a masked error names the same id the logs do.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestScope {
  requestId: string;
  /** Runs a wait outside the instance's request limit (http/admission.ts); absent: as it is. */
  waiting?: <T>(wait: Promise<T>) => Promise<T>;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Printable ASCII without spaces or quotes: the id lands in logs and headers as it is. */
const SAFE_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export function requestIdFrom(header: string | string[] | null | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}

export function inRequestScope<T>(requestId: string, run: () => T, waiting?: RequestScope['waiting']): T {
  return storage.run({ requestId, waiting }, run);
}

/**
 * `wait` as the request being served only waits meanwhile (a waitForCompletion deleteJob
 * following its task): it then does not count towards MAX_CONCURRENT_REQUESTS.
 */
export function onlyWaiting<T>(wait: Promise<T>): Promise<T> {
  const waiting = storage.getStore()?.waiting;
  return waiting ? waiting(wait) : wait;
}

/** The id of the request being served, if any (undefined outside a request). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
