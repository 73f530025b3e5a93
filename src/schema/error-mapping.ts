// The one place where domain errors become GraphQL errors (code, type and status in
// extensions, as delete-job.md's table says). Everything else is masked by yoga's default and
// logged with the request id that the client sees.
import { GraphQLError } from 'graphql';
import { MlError } from '../errors.ts';

export function domainErrorOf(error: unknown): MlError | undefined {
  let current = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof MlError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

export function toGraphQLError(source: GraphQLError | undefined, err: MlError): GraphQLError {
  return new GraphQLError(err.message, {
    nodes: source?.nodes,
    source: source?.source,
    positions: source?.positions,
    path: source?.path,
    extensions: { code: err.code, type: err.type, status: err.status, ...err.details, ...(err.http && { http: err.http }) },
  });
}
