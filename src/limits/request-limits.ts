// Limits on the request itself, checked before anything runs: body size (yoga's
// maxRequestBodySize, by Content-Length before the body is read), then the document's tokens
// (while parsing), directives, aliases, cost and depth (graphql-armor, at the start of
// validation, so an alias bomb is refused before the expensive validation rules walk it).
// Refusals are BAD_USER_INPUT like any other bad input; requestErrorOf() is the one place that
// turns the refusals of the libraries underneath into our errors.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { BadInputError, MlError } from '../errors.ts';
import { toGraphQLError } from '../schema/error-mapping.ts';

/** A document over one of the configured limits. */
export class RequestLimitError extends BadInputError {
  constructor(message: string) {
    super(message);
    // HTTP 400 for clients that accept application/graphql-response+json, 200 for plain JSON
    // ones, like yoga's own validation errors (GraphQL over HTTP); never sent to clients.
    this.details.http = { status: 400, spec: true };
  }
}

export class PayloadTooLargeError extends MlError {
  readonly code = 'PAYLOAD_TOO_LARGE';
  readonly type = 'status_exception';
  readonly status = 413;
  constructor(maxBytes: number) {
    super(`request body is larger than ${maxBytes} bytes`);
    this.details.http = { status: 413 };
  }
}

/** graphql-armor prefixes its messages as if they were syntax errors; they are not. */
const reject = (_ctx: unknown, error: GraphQLError) => {
  throw new RequestLimitError(error.message.replace(/^Syntax Error: /, ''));
};

const onRejection = { propagateOnRejection: false, onReject: [reject] };

export function useRequestLimits(config: Config): Plugin {
  return EnvelopArmorPlugin({
    // Suggestions name nothing introspection does not already show: keep messages whole.
    blockFieldSuggestion: { enabled: false },
    maxTokens: { n: config.maxTokens, ...onRejection },
    maxDirectives: { n: config.maxDirectives, ...onRejection },
    // __typename counts too: otherwise `{ a1: __typename a2: __typename … }` would be free.
    maxAliases: { n: config.maxAliases, allowList: [], ...onRejection },
    costLimit: { maxCost: config.maxCost, ...onRejection },
    // Fragments are not levels: Relay and fragment-colocating clients spread one per component.
    maxDepth: { n: config.maxDepth, flattenFragments: true, ...onRejection },
  }) as Plugin;
}

/**
 * Our error for a refusal raised by a library before execution (yoga's body size check), or
 * undefined when `error` is not one.
 */
export function requestErrorOf(error: unknown, config: Pick<Config, 'maxBodyBytes'>): MlError | undefined {
  const code = (error as GraphQLError | undefined)?.extensions?.code;
  if (code === 'REQUEST_ENTITY_TOO_LARGE') return new PayloadTooLargeError(config.maxBodyBytes);
  return undefined;
}

/**
 * graphql-js reports bad variables (wrong type, null for a non-null, out-of-range Int, a scalar's
 * refusal) and an unknown operation name without a code: they are the caller's input, so they
 * become BAD_USER_INPUT with type and status like ours. Errors that have a code (yoga's
 * GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, …) or a path (raised by a field) stay as they are.
 */
export function withInputErrorCode(error: GraphQLError): GraphQLError {
  if (error.extensions?.code || error.path) return error;
  return toGraphQLError(error, new BadInputError(error.message));
}
