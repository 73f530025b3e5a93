// Expected failures as typed values with stable codes (contract: delete-job.md, "Errors"), every
// one of them in this module. Domain code throws these; src/schema/error-mapping.ts turns them
// into GraphQL errors in one place. Anything else is unexpected and gets masked.

export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS' | 'PAYLOAD_TOO_LARGE' | 'SERVICE_UNAVAILABLE';

/** The HTTP answer an error asks for (yoga's `extensions.http`; a WebSocket has no status). Never sent to clients as an extension. */
export interface HttpHint {
  status: number;
  /** 400 only for clients that accept application/graphql-response+json (GraphQL over HTTP), 200 for plain JSON ones. */
  spec?: boolean;
  headers?: Record<string, string>;
}

export abstract class MlError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly type: string;
  abstract readonly status: number;
  /** Extra extensions for the client (e.g. a retry hint). */
  readonly details: Record<string, unknown> = {};
  /** The HTTP status (and headers) of the response that carries this error, when it is not 200. */
  http: HttpHint | undefined;

  /** Says when to try again: to the client (`retryAfterSeconds`) and over HTTP (this status, Retry-After). */
  protected retryAfter(seconds: number): void {
    this.details.retryAfterSeconds = seconds;
    this.http = { status: this.status, headers: { 'Retry-After': String(seconds) } };
  }
}

export class BadInputError extends MlError {
  readonly code = 'BAD_USER_INPUT';
  readonly type = 'illegal_argument_exception';
  readonly status = 400;
}

export class UnauthenticatedError extends MlError {
  readonly code = 'UNAUTHENTICATED';
  readonly type = 'security_exception';
  readonly status = 401;
  constructor() {
    super('missing authentication credentials for request');
  }
}

export class ForbiddenError extends MlError {
  readonly code = 'FORBIDDEN';
  readonly type = 'security_exception';
  readonly status = 403;
  constructor(action: string, keyName: string) {
    super(`action [${action}] is unauthorized for API key [${keyName}]`);
  }
}

export class NotFoundError extends MlError {
  readonly code = 'NOT_FOUND';
  readonly type = 'resource_not_found_exception';
  readonly status = 404;
}

export class ConflictError extends MlError {
  readonly code = 'CONFLICT';
  readonly type = 'status_exception';
  readonly status = 409;
}

export class TooManyRequestsError extends MlError {
  readonly code = 'TOO_MANY_REQUESTS';
  readonly type = 'status_exception';
  readonly status = 429;
  constructor(retryAfterSeconds: number, message = `rate limit exceeded, retry in ${retryAfterSeconds}s`) {
    super(message);
    this.retryAfter(retryAfterSeconds);
  }
}

/** Operations in flight on one WebSocket over WS_MAX_SUBSCRIPTIONS_PER_CONNECTION. */
export class TooManyOperationsError extends MlError {
  readonly code = 'TOO_MANY_REQUESTS';
  readonly type = 'status_exception';
  readonly status = 429;
  constructor(max: number) {
    super(`too many operations in flight on this connection: at most ${max}`);
  }
}

/**
 * The service cannot do this now but will soon: the database is unreachable or restarting, the
 * instance is saturated or draining, the disk is full. HTTP 503 with Retry-After; the work was
 * not done (a write either committed whole or not at all).
 */
export class ServiceUnavailableError extends MlError {
  readonly code = 'SERVICE_UNAVAILABLE';
  readonly type = 'status_exception';
  readonly status = 503;
  constructor(
    message: string,
    readonly retryAfterSeconds = 2,
  ) {
    super(message);
    this.retryAfter(retryAfterSeconds);
  }
}

/** A browser-sendable request without Authorization or x-graphql-csrf (src/http/csrf.ts). */
export class CsrfError extends MlError {
  readonly code = 'FORBIDDEN';
  readonly type = 'security_exception';
  readonly status = 403;
  constructor() {
    super('a request a browser could send cross-site needs an Authorization or x-graphql-csrf header');
    this.http = { status: 403 };
  }
}

/** A document over one of the configured limits (src/limits/request-limits.ts). */
export class RequestLimitError extends BadInputError {
  constructor(message: string) {
    super(message);
    // Like yoga's own validation errors (GraphQL over HTTP).
    this.http = { status: 400, spec: true };
  }
}

export class PayloadTooLargeError extends MlError {
  readonly code = 'PAYLOAD_TOO_LARGE';
  readonly type = 'status_exception';
  readonly status = 413;
  constructor(maxBytes: number) {
    super(`request body is larger than ${maxBytes} bytes`);
    this.http = { status: 413 };
  }
}

/** PERSISTED_DOCUMENTS_ONLY: a key without MANAGE or ALL may run only the documents of the service's own clients. */
export class PersistedDocumentsOnlyError extends MlError {
  readonly code = 'FORBIDDEN';
  readonly type = 'security_exception';
  readonly status = 403;
  constructor(keyName: string) {
    super(`API key [${keyName}] may only run the persisted documents of this service's clients (send their documentId)`);
  }
}

// Elasticsearch's messages, word for word, so people and tools that know them recognise them.
export const jobNotFound = (id: string) => new NotFoundError(`No known job with id '${id}'`);
export const datafeedNotFound = (id: string) => new NotFoundError(`No datafeed with id [${id}] exists`);
export const jobIsDeleting = (id: string, verb: string) => new ConflictError(`Cannot ${verb} job [${id}] because it is executing [delete]`);

/** A synchronous deleteJob whose task FAILED answers with that task's error type and reason. */
export class DeletionFailedError extends MlError {
  readonly code = 'CONFLICT';
  readonly status = 409;
  constructor(
    readonly type: string,
    reason: string,
  ) {
    super(reason);
  }
}
