// graphql-ws on the shared HTTP server. Yoga does the work (getEnveloped), so plugins, context,
// limits and error masking are the same as over HTTP. Bad credentials close the socket with 4403
// in connection_init (clients may refresh a token and retry) instead of throwing (4500 is fatal).
// Guards, in the order a connection meets them:
//   - upgrade: a browser Origin outside CORS_ORIGINS (and not this server) is refused (403);
//     messages are capped at MAX_BODY_BYTES (larger ones close the socket with 1009);
//   - no connection_init within WS_CONNECTION_INIT_TIMEOUT_MS: closed with 4408;
//   - connection_init: 4403 without a valid key, 4429 past WS_MAX_CONNECTIONS_PER_KEY;
//   - each operation: authenticated again (an invalidated key fails at once), and refused with
//     TOO_MANY_REQUESTS past WS_MAX_SUBSCRIPTIONS_PER_CONNECTION operations in flight;
//   - keep-alive: a ping every WS_KEEPALIVE_MS; a socket silent until the next one is dropped.
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { isAsyncIterable } from 'graphql-yoga';
import { authenticate, secretFromHeader } from './auth/api-keys.ts';
import type { Context } from './context.ts';
import { MlError, UnauthenticatedError } from './errors.ts';
import { isOriginAllowed } from './http/origins.ts';
import { inRequestScope } from './http/request-scope.ts';
import type { Metrics } from './metrics.ts';
import type { Services } from './services.ts';
import { createErrorMasker, type YogaApp } from './yoga.ts';

/** Close code for a key over its connection cap (4xxx: application-defined, like 4403/4408). */
export const CLOSE_TOO_MANY_CONNECTIONS = 4429;

export class TooManyOperationsError extends MlError {
  readonly code = 'TOO_MANY_REQUESTS';
  readonly type = 'status_exception';
  readonly status = 429;
  constructor(max: number) {
    super(`too many operations in flight on this connection: at most ${max}`);
  }
}

interface EnvelopedRoot {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

const requestIdOf = (args: ExecutionArgs) => (args.contextValue as Context).requestId;

/** Each step of a subscription runs in its operation's request scope (log lines, masked errors). */
function scoped(result: unknown, requestId: string): unknown {
  if (!isAsyncIterable(result)) return result;
  const iterator = result[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => inRequestScope(requestId, () => iterator.next()),
    return: (value?: unknown) =>
      inRequestScope(requestId, () => iterator.return?.(value) ?? Promise.resolve({ done: true as const, value: undefined })),
    throw: (error?: unknown) => inRequestScope(requestId, () => iterator.throw?.(error) ?? Promise.reject(error)),
  };
}

/** Yoga strips its `http` extension from HTTP responses; a socket has no HTTP status either. */
function forSocket(error: GraphQLError): GraphQLError {
  if (!error.extensions?.http) return error;
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions });
}

export function attachGraphqlWs(server: Server, yoga: YogaApp, services: Services, metrics: Metrics) {
  const { config, log } = services;
  const { maskError, codeOf } = createErrorMasker(log, config);
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
      execute: (args) => inRequestScope(requestIdOf(args), () => (args.rootValue as EnvelopedRoot).execute(args)) as never,
      subscribe: (args) =>
        inRequestScope(requestIdOf(args), async () => scoped(await (args.rootValue as EnvelopedRoot).subscribe(args), requestIdOf(args))) as never,
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        const principal = typeof header === 'string' ? await authenticate(services.db, secretFromHeader(header)) : undefined;
        const socket = ctx.extra.socket;
        if (!principal) {
          socket.close(4403, new UnauthenticatedError().message);
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
            const document = parse(params.query);
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
