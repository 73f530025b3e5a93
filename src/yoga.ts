// The one yoga factory. Plugin order matters and is written down:
//   1. request ids + logging: outermost, so it sees every request, including refused ones;
//   2. (yoga built-ins) parsing, validation, execution; errors masked by maskError below.
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { createYoga, maskError as yogaMaskError, type Plugin, type YogaInitialContext } from 'graphql-yoga';
import { authenticate, secretFromHeader } from './auth/api-keys.ts';
import type { Context } from './context.ts';
import { schema } from './schema/index.ts';
import { domainErrorOf, toGraphQLError } from './schema/error-mapping.ts';
import type { Services } from './services.ts';

/** What graphql-ws passes as the initial context (see app.ts): no fetch Request on a socket. */
export interface SocketInitialContext {
  connectionParams?: Record<string, unknown>;
}

function credentialOf(initial: Partial<YogaInitialContext> & SocketInitialContext): string | undefined {
  const fromSocket = initial.connectionParams?.authorization ?? initial.connectionParams?.Authorization;
  if (typeof fromSocket === 'string') return secretFromHeader(fromSocket);
  return secretFromHeader(initial.request?.headers?.get('authorization'));
}

export function createYogaApp(services: Services) {
  const { log } = services;

  const requestLogging: Plugin = {
    onExecute({ args }) {
      const started = performance.now();
      const ctx = args.contextValue as unknown as Context;
      return {
        onExecuteDone({ result }) {
          if (!('errors' in result)) return;
          const codes = result.errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
          log.debug({ requestId: ctx.requestId, key: ctx.principal?.name, operation: args.operationName, ms: Math.round(performance.now() - started), codes }, 'operation');
        },
      };
    },
  };

  return createYoga<SocketInitialContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    batching: false,
    logging: false,
    context: async (initial) => ({
      services,
      principal: await authenticate(services.db, credentialOf(initial as Partial<YogaInitialContext> & SocketInitialContext)),
      requestId: initial.request?.headers?.get('x-request-id')?.slice(0, 64) || randomUUID(),
    }),
    maskedErrors: {
      maskError(error, message, isDev) {
        const domain = domainErrorOf(error);
        if (domain) return toGraphQLError(error instanceof GraphQLError ? error : undefined, domain);
        const masked = yogaMaskError(error, message, isDev);
        if (masked === error) return error as Error; // a GraphQL error of the request itself (syntax, validation)
        const requestId = randomUUID();
        log.error({ err: (error as GraphQLError).originalError ?? error, requestId }, 'unexpected error');
        return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR', status: 500, requestId } });
      },
    },
    plugins: [requestLogging],
  });
}

export type YogaApp = ReturnType<typeof createYogaApp>;
