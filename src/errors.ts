// Expected failures as typed values with stable codes (contract: delete-job.md, "Errors").
// Domain code throws these; src/schema/error-mapping.ts turns them into GraphQL errors in one
// place. Anything else is unexpected and gets masked.

export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS' | 'PAYLOAD_TOO_LARGE';

export abstract class MlError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly type: string;
  abstract readonly status: number;
  /** Extra extensions for the client (e.g. a retry hint). */
  readonly details: Record<string, unknown> = {};
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
  constructor(retryAfterSeconds: number) {
    super(`rate limit exceeded, retry in ${retryAfterSeconds}s`);
    this.details.retryAfterSeconds = retryAfterSeconds;
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
