// Limits on the request itself, checked before anything runs: body size (body-size.ts, by
// Content-Length before the body is read), then the document's tokens
// (while parsing), directives, aliases and depth (graphql-armor, at the start of validation, so
// an alias bomb is refused before the expensive validation rules walk it), and the cost with
// list sizes counted (query-cost.ts, as validation starts too).
// The document's refusals are BAD_USER_INPUT like any other bad input (the body's: body-size.ts).
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { BadInputError, RequestLimitError } from '../errors.ts';
import { toGraphQLError } from '../schema/error-mapping.ts';
import { useQueryCost } from './query-cost.ts';

/** graphql-armor prefixes its messages as if they were syntax errors; they are not. */
const reject = (_ctx: unknown, error: GraphQLError) => {
  throw new RequestLimitError(error.message.replace(/^Syntax Error: /, ''));
};

const onRejection = { propagateOnRejection: false, onReject: [reject] };

/** `persisted`: the texts of the service's own persisted documents (exempt from the cost limit). */
export function useRequestLimits(config: Config, persisted: ReadonlySet<string>): Plugin[] {
  return [armor(config), useQueryCost(config.maxCost, persisted)];
}

function armor(config: Config): Plugin {
  return EnvelopArmorPlugin({
    // Suggestions name nothing introspection does not already show: keep messages whole.
    blockFieldSuggestion: { enabled: false },
    maxTokens: { n: config.maxTokens, ...onRejection },
    maxDirectives: { n: config.maxDirectives, ...onRejection },
    // __typename counts too: otherwise `{ a1: __typename a2: __typename … }` would be free.
    maxAliases: { n: config.maxAliases, allowList: [], ...onRejection },
    // Our own (query-cost.ts): graphql-armor's counts no list size but a literal `first`.
    costLimit: { enabled: false },
    // Fragments are not levels: Relay and fragment-colocating clients spread one per component.
    maxDepth: { n: config.maxDepth, flattenFragments: true, ...onRejection },
  }) as Plugin;
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
