// graphql-ws on the shared HTTP server. Yoga does the work (getEnveloped), so plugins, context
// and error masking are the same as over HTTP. Bad credentials close the socket with 4403 in
// connection_init (clients may refresh a token and retry) instead of throwing (4500 is fatal).
import type { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { ExecutionArgs } from 'graphql';
import { authenticate, secretFromHeader } from './auth/api-keys.ts';
import { UnauthenticatedError } from './errors.ts';
import type { Services } from './services.ts';
import type { YogaApp } from './yoga.ts';

interface EnvelopedRoot {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

export function attachGraphqlWs(wss: WebSocketServer, yoga: YogaApp, services: Services) {
  return useServer(
    {
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args) as never,
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args) as never,
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        const principal = typeof header === 'string' ? await authenticate(services.db, secretFromHeader(header)) : undefined;
        if (principal) return true;
        ctx.extra.socket.close(4403, new UnauthenticatedError().message);
        return false;
      },
      onSubscribe: async (ctx, _id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          connectionParams: ctx.connectionParams,
        });
        const args = {
          schema,
          operationName: params.operationName,
          document: parse(params.query),
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
        return args;
      },
    },
    wss,
  );
}
