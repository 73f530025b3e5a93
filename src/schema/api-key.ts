import { createApiKey, invalidateApiKey, listApiKeys, type ApiKeyView } from '../auth/api-keys.ts';
import { UnauthenticatedError } from '../errors.ts';
import { Acknowledged } from './acknowledged.ts';
import { builder } from './builder.ts';
import { guarded } from './guard.ts';
import { loadersOf } from './loaders.ts';
import { Node, nodeIdOf } from './node.ts';

const ClusterPrivilege = builder.enumType('ClusterPrivilege', {
  values: ['ALL', 'MANAGE', 'MANAGE_ML', 'MONITOR', 'MONITOR_ML', 'MANAGE_SECURITY'] as const,
});

const ApiKey = builder.objectRef<ApiKeyView>('ApiKey').implement({
  description: 'An API key: a name and cluster privileges. Its secret is never shown again after creation.',
  interfaces: [Node],
  fields: (t) => ({
    nodeId: t.id(nodeIdOf('ApiKey')),
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    privileges: t.field({ type: [ClusterPrivilege], resolve: (key) => key.privileges }),
    createdAt: t.field({ type: 'DateTime', resolve: (key) => key.createdAt }),
    invalidated: t.exposeBoolean('invalidated', { description: 'An invalidated key authenticates nothing, immediately, on every instance.' }),
  }),
});

const CreatedApiKey = builder.objectRef<{ apiKey: ApiKeyView; secret: string }>('CreatedApiKey').implement({
  fields: (t) => ({
    apiKey: t.field({ type: ApiKey, resolve: (created) => created.apiKey }),
    secret: t.exposeString('secret', { description: 'The secret, shown once. Send as `Authorization: ApiKey <secret>`.' }),
  }),
});

builder.queryField('currentApiKey', (t) =>
  t.field({
    type: ApiKey,
    description: 'The API key this request authenticated with: its name and privileges. Any valid key may read it.',
    resolve: guarded('currentApiKey', async (_args, ctx, principal) => {
      const key = await loadersOf(ctx).apiKey.load(principal.keyId);
      // Invalidated since this request authenticated: the request still answers for the key it had.
      if (!key) throw new UnauthenticatedError();
      return key;
    }),
  }),
);

builder.queryField('apiKeys', (t) =>
  t.field({
    type: [ApiKey],
    description: 'Needs MANAGE_SECURITY or ALL. Secrets are never returned.',
    resolve: guarded('apiKeys', (_args, ctx) => listApiKeys(ctx.services.db)),
  }),
);

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreatedApiKey,
    args: { name: t.arg.string({ required: true }), privileges: t.arg({ type: [ClusterPrivilege], required: true }) },
    resolve: guarded('createApiKey', ({ name, privileges }, ctx) => createApiKey(ctx.services.db, name, privileges)),
  }),
  invalidateApiKey: t.field({
    type: Acknowledged,
    args: { id: t.arg.id({ required: true }) },
    resolve: guarded('invalidateApiKey', async ({ id }, ctx) => {
      await invalidateApiKey(ctx.services.db, id, ctx.services.verifiedKeys);
      return { acknowledged: true };
    }),
  }),
}));
