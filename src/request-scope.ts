// The request id: the caller's `x-request-id` when it is a sane token, otherwise a fresh UUID.
// It is held in an AsyncLocalStorage for the life of the request, so every log line written
// meanwhile carries it (log.ts mixes it in) and a masked error names the same id the logs do.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestScope {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Printable ASCII without spaces or quotes: the id lands in logs and headers as it is. */
const SAFE_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export function requestIdFrom(header: string | string[] | null | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}

export function inRequestScope<T>(requestId: string, run: () => T): T {
  return storage.run({ requestId }, run);
}

/** The id of the request being served, if any (undefined outside a request). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
