// The request id: the caller's `x-request-id` when it is a sane token, otherwise a fresh UUID.
// It is held in an AsyncLocalStorage for the life of the request, so every log line written
// meanwhile carries it (log.ts mixes it in) and a masked error names the same id the logs do.
// A request whose client goes away before its answer is written is abandoned: its statements
// are cancelled and no new one starts (db/held-connections.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { withAbandonment } from '../db/held-connections.ts';

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

/** Serves an HTTP request in its scope; the response names the id in `x-request-id`. */
export function serveInRequestScope(req: IncomingMessage, res: ServerResponse, serve: () => unknown): void {
  const requestId = requestIdFrom(req.headers['x-request-id']);
  res.setHeader('x-request-id', requestId);
  const abandoned = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) abandoned.abort();
  });
  inRequestScope(requestId, () => withAbandonment(abandoned.signal, serve));
}

/** The id of the request being served, if any (undefined outside a request). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
