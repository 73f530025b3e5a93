// The one yoga factory. Plugin order matters and is written down:
//   1. observation (logs, metrics): first, so it sees every request and operation, including the
//      ones refused by the plugins after it;
//   2. CSRF prevention: on the raw request, before its body is read; then the body size limit
//      (src/limits/body-size.ts: by Content-Length before anything is read, else while reading);
//   2b. persisted documents (src/http/persisted-documents.ts): a `documentId` becomes its stored
//      text as the parameters are read, so the limits below see the real document; on execute,
//      PERSISTED_DOCUMENTS_ONLY refuses other documents to keys without MANAGE/ALL before the
//      rate limit counts them; @defer/@stream (yoga's plugin) add their directives and rules;
//   3. request limits: tokens while parsing, directives/aliases/cost/depth as validation starts;
//   4. storable text: on execute, every input string must be text PostgreSQL can store;
//   5. write rate limit: on execute, once the caller is known, before any resolver runs (after
//      the input checks, so a refused call costs no budget);
//   5b. list-read limit: on execute, after the other checks, so that only a read about to run
//      takes a slot;
//   6. uniform errors (src/http/uniform-errors.ts): code, type and status on the errors yoga and
//      graphql-js make themselves, as the answer is written; which root mutation fields ran;
//   7. (yoga built-ins) validation, execution; errors masked by maskError below.
// CORS is yoga's own option (headers for allowed origins only); batching stays off.
import { randomUUID } from 'node:crypto';
import { getOperationAST, GraphQLError, type ExecutionArgs } from 'graphql';
import { createYoga, isAsyncIterable, maskError as yogaMaskError, type Plugin, type YogaInitialContext } from 'graphql-yoga';
import type { IncomingMessage } from 'node:http';
import { authenticate, secretFromHeader } from './auth/api-keys.ts';
import type { Principal } from './auth/principal.ts';
import type { Context } from './context.ts';
import { useCsrfPrevention } from './http/csrf.ts';
import { useCancellationWhenAbandoned } from './http/execution-cancellation.ts';
import { graphiqlOptions, renderOfflineGraphiQL } from './http/graphiql.ts';
import { corsFor } from './http/origins.ts';
import { currentRequestId } from './request-scope.ts';
import { useBodySizeLimit } from './limits/body-size.ts';
import { useStorableText } from './limits/input-text.ts';
import { useRequestLimits, withInputErrorCode } from './limits/request-limits.ts';
import type { Logger } from './log.ts';
import { instrumentResolvers, type Metrics } from './metrics.ts';
import { useWriteRateLimit, type RateLimiter } from './rate-limit/write-rate-limit.ts';
import { schema } from './schema/index.ts';
import { loadPersistedDocuments, usePersistedDocuments, usePersistedDocumentsOnly } from './http/persisted-documents.ts';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { useUniformErrors } from './http/uniform-errors.ts';
import { domainErrorOf, toGraphQLError } from './schema/error-mapping.ts';
import type { Services } from './services.ts';
import { dbErrorKind, describeError, unavailableErrorOf } from './db/pg-errors.ts';
import type { HealthState } from './health-state.ts';
import { useListReadLimit, type ExpensiveReadLimit } from './limits/load-shedding.ts';

/** What graphql-ws passes as the initial context (see websocket.ts): no fetch Request on a socket. */
export interface SocketInitialContext {
  connectionParams?: Record<string, unknown>;
}

export interface YogaDeps {
  metrics: Metrics;
  rateLimiter: RateLimiter | undefined;
  /** Expensive list reads: slots (MAX_CONCURRENT_LIST_READS) and the event loop's load (MAX_EVENT_LOOP_UTILIZATION). */
  listReads: ExpensiveReadLimit;
}

/**
 * The caller's key, read as soon as the request's headers are in (authenticateEarly, before
 * yoga reads the body, parses and validates): the read overlaps that work instead of following
 * it, and still starts after the request arrived (fresh-reads.ts), so a key invalidated before
 * then fails the request.
 */
const earlyPrincipals = new WeakMap<IncomingMessage, Promise<Principal | undefined>>();

export function authenticateEarly(services: Services, req: IncomingMessage): void {
  const principal = authenticate(services.db, secretFromHeader(req.headers.authorization), services.verifiedKeys);
  // A request refused before its context is built never awaits it: its failure is the context's to report.
  principal.catch(() => {});
  earlyPrincipals.set(req, principal);
}

function principalOf(services: Services, initial: Partial<YogaInitialContext> & SocketInitialContext & { req?: IncomingMessage }) {
  return (initial.req && earlyPrincipals.get(initial.req)) ?? authenticate(services.db, credentialOf(initial), services.verifiedKeys);
}

function credentialOf(initial: Partial<YogaInitialContext> & SocketInitialContext): string | undefined {
  const fromSocket = initial.connectionParams?.authorization ?? initial.connectionParams?.Authorization;
  if (typeof fromSocket === 'string') return secretFromHeader(fromSocket);
  return secretFromHeader(initial.request?.headers?.get('authorization'));
}

/**
 * What a client sees for any error: ours with code, type and status; the request's own GraphQL
 * errors (syntax, validation) as they are, bad variables as BAD_USER_INPUT; anything else masked
 * as `Unexpected error.` with the request id, and logged with its stack under the same id.
 * `codeOf` tells the code a client sees (or will see, once masked) without masking or logging.
 */
export function createErrorMasker(log: Logger, health?: HealthState) {
  const unavailable = (error: unknown) => {
    const answer = unavailableErrorOf(error);
    if (answer) {
      const kind = dbErrorKind(error);
      health?.sawDbError(kind);
      log.warn(
        { kind, reason: describeError((error as GraphQLError).originalError ?? error), requestId: currentRequestId() },
        'request met a database fault',
      );
    }
    return answer;
  };
  const isRequestError = (error: unknown) => yogaMaskError(error, '', false) === error;
  const maskError = (error: unknown, message = 'Unexpected error.'): Error => {
    // A database fault that passes by itself is the service's state, not a bug: 503 + Retry-After.
    const domain = domainErrorOf(error) ?? unavailable(error);
    if (domain) return toGraphQLError(error instanceof GraphQLError ? error : undefined, domain);
    if (isRequestError(error)) return error instanceof GraphQLError ? withInputErrorCode(error) : (error as Error);
    const requestId = currentRequestId() ?? randomUUID();
    log.error({ err: (error as GraphQLError).originalError ?? error, requestId }, 'unexpected error');
    return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR', status: 500, requestId } });
  };
  const codeOf = (error: GraphQLError): string => {
    const domain = domainErrorOf(error) ?? unavailableErrorOf(error);
    if (domain) return domain.code;
    if (!isRequestError(error)) return 'INTERNAL_SERVER_ERROR';
    return (withInputErrorCode(error).extensions?.code as string | undefined) ?? 'GRAPHQL_ERROR';
  };
  return { maskError, codeOf };
}

export type ErrorMasker = ReturnType<typeof createErrorMasker>;

/**
 * One info line per operation (request id, operation, key name, duration, outcome and codes),
 * one per HTTP request refused before any operation ran, and the matching metrics.
 */
function useObservation(log: Logger, metrics: Metrics, { codeOf }: ErrorMasker): Plugin {
  const started = new WeakMap<Request, number>();
  const executed = new WeakSet<Request>();
  const refusedCodes = new WeakMap<Request, string[]>();

  const finish = (args: ExecutionArgs, since: number, errors: readonly GraphQLError[]) => {
    const ctx = args.contextValue as Context;
    const operation = getOperationAST(args.document, args.operationName);
    const type = operation?.operation ?? 'unknown';
    const codes = errors.map(codeOf);
    const outcome = codes.length ? 'error' : 'ok';
    const ms = performance.now() - since;
    metrics.operations.observe({ type, outcome }, ms / 1000);
    for (const code of codes) metrics.errors.inc({ code });
    log.info(
      {
        requestId: ctx.requestId,
        operation: operation?.name?.value ?? args.operationName ?? null,
        type,
        key: ctx.principal?.name ?? null,
        ms: Math.round(ms),
        outcome,
        ...(codes.length && { codes }),
      },
      'operation',
    );
  };
  const markExecuted = (args: ExecutionArgs) => {
    const request = (args.contextValue as { request?: Request }).request;
    if (request) executed.add(request);
  };

  return {
    onRequest({ request }) {
      started.set(request, performance.now());
    },
    onExecute({ args }) {
      const since = performance.now();
      markExecuted(args);
      return {
        onExecuteDone({ result }) {
          if (!isAsyncIterable(result)) finish(args, since, result.errors ?? []);
        },
      };
    },
    onSubscribe({ args }) {
      const since = performance.now();
      markExecuted(args);
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) return finish(args, since, result.errors ?? []);
          metrics.subscriptions.inc();
          const errors: GraphQLError[] = [];
          return {
            onNext({ result: event }) {
              errors.push(...(event.errors ?? []));
            },
            onEnd() {
              metrics.subscriptions.dec();
              finish(args, since, errors);
            },
          };
        },
        onSubscribeError({ error }) {
          finish(args, since, [error instanceof GraphQLError ? error : new GraphQLError(String(error), { originalError: error as Error })]);
        },
      };
    },
    onResultProcess({ request, result }) {
      if (executed.has(request) || Array.isArray(result) || isAsyncIterable(result)) return;
      refusedCodes.set(
        request,
        (result.errors ?? []).map((e) => codeOf(e as GraphQLError)),
      );
    },
    onResponse({ request, response }) {
      const since = started.get(request);
      if (since !== undefined)
        metrics.httpRequests.observe({ method: request.method, status: String(response.status) }, (performance.now() - since) / 1000);
      const codes = refusedCodes.get(request);
      if (!codes) return;
      for (const code of codes) metrics.errors.inc({ code });
      log.info(
        {
          requestId: currentRequestId(),
          method: request.method,
          status: response.status,
          ms: since === undefined ? null : Math.round(performance.now() - since),
          outcome: 'refused',
          codes,
        },
        'request refused',
      );
    },
  };
}

export function createYogaApp(services: Services, deps: YogaDeps) {
  const { log, config } = services;
  instrumentResolvers(schema);
  const errors = createErrorMasker(log, services.health);
  const persisted = loadPersistedDocuments();
  return createYoga<SocketInitialContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: graphiqlOptions,
    renderGraphiQL: renderOfflineGraphiQL,
    batching: false,
    extraParamNames: ['documentId'],
    logging: false,
    cors: corsFor(config),
    // Ours instead (useBodySizeLimit below): yoga's counts every body's bytes through a stream.
    maxRequestBodySize: false,
    context: async (initial) => ({
      services,
      principal: await principalOf(services, initial),
      requestId: currentRequestId() ?? randomUUID(),
    }),
    maskedErrors: { maskError: errors.maskError },
    plugins: [
      useObservation(log, deps.metrics, errors),
      // A request whose client went away resolves no further field (its statements are cancelled: db/held-connections.ts).
      useCancellationWhenAbandoned(),
      useCsrfPrevention(),
      useBodySizeLimit(config.maxBodyBytes),
      usePersistedDocuments(persisted),
      usePersistedDocumentsOnly(config.persistedDocumentsOnly, persisted),
      useDeferStream(),
      ...useRequestLimits(config, new Set(persisted.values())),
      useStorableText(),
      useWriteRateLimit(deps.rateLimiter),
      useListReadLimit(deps.listReads),
      useUniformErrors(),
    ],
  });
}

export type YogaApp = ReturnType<typeof createYogaApp>;
