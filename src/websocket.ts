// graphql-ws on the shared HTTP server. Yoga does the work (getEnveloped), so plugins, context,
// limits and error masking are the same as over HTTP. Bad credentials close the socket with 4403
// in connection_init (clients may refresh a token and retry) instead of throwing (4500 is fatal).
// Guards, in the order a connection meets them:
//   - upgrade: a browser Origin outside CORS_ORIGINS (and not this server) is refused (403);
//     messages are capped at MAX_BODY_BYTES (larger ones close the socket with 1009);
//   - no connection_init within WS_CONNECTION_INIT_TIMEOUT_MS: closed with 4408;
//   - connection_init: 4403 without a valid key, 1013 past WS_MAX_CONNECTIONS_PER_KEY;
//   - each operation: authenticated again (an invalidated key fails at once), and refused with
//     TOO_MANY_REQUESTS past WS_MAX_SUBSCRIPTIONS_PER_CONNECTION operations in flight;
//   - keep-alive: a ping every WS_KEEPALIVE_MS; a socket silent until the next one is dropped.
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, type DocumentNode, type ExecutionArgs } from 'graphql';
import { isAsyncIterable } from 'graphql-yoga';
import { authenticate, secretFromHeader } from './auth/api-keys.ts';
import type { Context } from './context.ts';
import { unavailableErrorOf } from './db/pg-errors.ts';
import { TooManyOperationsError, UnauthenticatedError } from './errors.ts';
import { isOriginAllowed } from './http/origins.ts';
import { completeError } from './http/uniform-errors.ts';
import { inRequestScope } from './request-scope.ts';
import type { Metrics } from './metrics.ts';
import type { Services } from './services.ts';
import { createErrorMasker, type YogaApp } from './yoga.ts';

/**
 * Close codes this server sends beyond graphql-ws's own (CloseCode: 4400 … 4500). A key over its
 * connection cap gets 1013 Try Again Later (RFC 6455's registry): graphql-ws clients retry it,
 * whereas 4429 is graphql-ws's TooManyInitialisationRequests, which its client treats as fatal.
 */
export const CLOSE_TRY_AGAIN_LATER = 1013;
const CLOSE_TOO_MANY_CONNECTIONS = CLOSE_TRY_AGAIN_LATER;

interface EnvelopedRoot {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

const requestIdOf = (args: ExecutionArgs) => (args.contextValue as Context).requestId;

/**
 * Each step of a subscription runs in its operation's request scope (log lines, masked errors),
 * and every result loses its errors' HTTP hints.
 */
function scoped(result: unknown, requestId: string): unknown {
  if (!isAsyncIterable(result)) return socketResult(result);
  const iterator = result[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () =>
      inRequestScope(requestId, async () => {
        const step = await iterator.next();
        return step.done ? step : { ...step, value: socketResult(step.value) };
      }),
    return: (value?: unknown) =>
      inRequestScope(requestId, () => iterator.return?.(value) ?? Promise.resolve({ done: true as const, value: undefined })),
    throw: (error?: unknown) => inRequestScope(requestId, () => iterator.throw?.(error) ?? Promise.reject(error)),
  };
}

/**
 * Errors carry an HTTP hint (`extensions.http`: status, Retry-After) that yoga turns into the
 * response's status and strips; a socket has no HTTP status, so this is the one place that strips
 * it for socket clients, after giving yoga's and graphql-js's own errors their `type` and `status`
 * as HTTP answers do (src/http/uniform-errors.ts).
 */
function forSocket(error: GraphQLError): GraphQLError {
  completeError(error);
  if (!error.extensions?.http) return error;
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions });
}

/**
 * A document that does not parse: GRAPHQL_PARSE_FAILED, as yoga names it over HTTP (its plugin
 * that does so skips requests without a fetch Request, i.e. sockets). Our own refusals raised
 * while parsing (the token limit) are not GraphQLErrors and keep their code.
 */
function parseFailed(error: unknown): unknown {
  if (!(error instanceof GraphQLError) || error.extensions.code) return error;
  return new GraphQLError(error.message, { source: error.source, positions: error.positions, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
}

function socketResult(result: unknown): unknown {
  const errors = (result as { errors?: readonly GraphQLError[] } | undefined)?.errors;
  if (!errors?.length) return result;
  return { ...(result as object), errors: errors.map(forSocket) };
}

export function attachGraphqlWs(server: Server, yoga: YogaApp, services: Services, metrics: Metrics) {
  const { config, log } = services;
  const { maskError, codeOf } = createErrorMasker(log, services.health);
  const wss = new WebSocketServer({
    server,
    path: yoga.graphqlEndpoint,
    maxPayload: config.maxBodyBytes,
    verifyClient: ({ origin, req }, done) => {
      if (!origin || isOriginAllowed(origin, req.headers.host, config.corsOrigins)) return done(true);
      log.info({ origin }, 'websocket refused: origin not allowed');
      done(false, 403, 'origin not allowed');
    },
  });
  wss.on('connection', (socket) => {
    metrics.websockets.inc();
    socket.once('close', () => metrics.websockets.dec());
  });

  const connectionsPerKey = new Map<string, number>();
  const countConnection = (socket: WebSocket, keyId: string) => {
    connectionsPerKey.set(keyId, (connectionsPerKey.get(keyId) ?? 0) + 1);
    socket.once('close', () => {
      const left = (connectionsPerKey.get(keyId) ?? 1) - 1;
      if (left > 0) connectionsPerKey.set(keyId, left);
      else connectionsPerKey.delete(keyId);
    });
  };

  /** An operation refused before it ran (limits, syntax, validation): logged, counted, answered. */
  const refuse = (operation: string | null | undefined, errors: readonly GraphQLError[]) => {
    const answer = errors.map(forSocket);
    const codes = answer.map(codeOf);
    for (const code of codes) metrics.errors.inc({ code });
    log.info({ operation: operation ?? null, outcome: 'refused', codes }, 'operation refused');
    return answer;
  };

  const handle = useServer(
    {
      // No internal detail in close reasons, whatever NODE_ENV says.
      isProd: true,
      connectionInitWaitTimeout: config.wsConnectionInitTimeoutMs,
      execute: (args) => inRequestScope(requestIdOf(args), async () => socketResult(await (args.rootValue as EnvelopedRoot).execute(args))) as never,
      subscribe: (args) =>
        inRequestScope(requestIdOf(args), async () => scoped(await (args.rootValue as EnvelopedRoot).subscribe(args), requestIdOf(args))) as never,
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        // Starting, draining, or the database away: 1013 Try Again Later, which clients retry
        // (a thrown error would close with 4500, which graphql-ws clients treat as fatal).
        if (services.health.phase !== 'serving') {
          socket.close(CLOSE_TRY_AGAIN_LATER, services.health.phase === 'starting' ? 'the service is starting' : 'this instance is shutting down');
          return false;
        }
        const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        let principal: Awaited<ReturnType<typeof authenticate>>;
        try {
          principal = typeof header === 'string' ? await authenticate(services.db, secretFromHeader(header), services.verifiedKeys) : undefined;
        } catch (err) {
          const unavailable = unavailableErrorOf(err);
          if (!unavailable) throw err;
          socket.close(CLOSE_TRY_AGAIN_LATER, unavailable.message.slice(0, 120));
          return false;
        }
        if (!principal) {
          socket.close(CloseCode.Forbidden, new UnauthenticatedError().message);
          return false;
        }
        if ((connectionsPerKey.get(principal.keyId) ?? 0) >= config.wsMaxConnectionsPerKey) {
          log.info({ key: principal.name, max: config.wsMaxConnectionsPerKey }, 'websocket refused: too many connections for the key');
          socket.close(CLOSE_TOO_MANY_CONNECTIONS, `too many connections for this API key: at most ${config.wsMaxConnectionsPerKey}`);
          return false;
        }
        countConnection(socket, principal.keyId);
        return true;
      },
      onSubscribe: (ctx, _id, params) =>
        inRequestScope(randomUUID(), async () => {
          try {
            // The operation being subscribed is already listed in ctx.subscriptions.
            if (Object.keys(ctx.subscriptions).length > config.wsMaxSubscriptionsPerConnection) {
              throw new TooManyOperationsError(config.wsMaxSubscriptionsPerConnection);
            }
            const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
              ...ctx,
              req: ctx.extra.request,
              socket: ctx.extra.socket,
              params,
              connectionParams: ctx.connectionParams,
            });
            let document: DocumentNode;
            try {
              document = parse(params.query);
            } catch (error) {
              throw parseFailed(error);
            }
            const errors = validate(schema, document);
            if (errors.length) return refuse(params.operationName, errors);
            return {
              schema,
              operationName: params.operationName,
              document,
              variableValues: params.variables,
              contextValue: await contextFactory(),
              rootValue: { execute, subscribe },
            };
          } catch (error) {
            // A refusal answers this operation only; the socket stays open.
            return refuse(params.operationName, [maskError(error) as GraphQLError]);
          }
        }),
    },
    wss,
    config.wsKeepAliveMs,
  );
  // ws reports a client's protocol errors (a frame over maxPayload, a bad frame) as socket
  // errors, after starting the close itself (1009, 1002): graphql-ws would print them to stderr
  // as internal errors. They are the client's fault: a log line is enough. Registered after
  // useServer's own listener, so it can replace it.
  wss.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', (err) => log.info({ reason: err.message }, 'websocket closed on a protocol error'));
  });
  return {
    wss,
    /** Closes every socket (1001 Going Away) and the WebSocket server. */
    dispose: () => handle.dispose(),
  };
}
