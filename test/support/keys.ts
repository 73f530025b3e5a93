// API keys made through the public API, the way an administrator makes them.
import type { ClusterPrivilege } from '../generated/graphql.ts';
import { CreateApiKeyMutation } from '../operations/documents.ts';
import { ok, uniqueId, type TestServer } from './server.ts';

/** A new key with these privileges (made with the server's admin key): its secret, shown once, its id and name. */
export async function createKey(server: Pick<TestServer, 'graphqlUrl' | 'adminKey'>, privileges: ClusterPrivilege[], name = uniqueId('key')) {
  const { createApiKey } = await ok(server, CreateApiKeyMutation, { name, privileges });
  return { secret: createApiKey.secret, id: createApiKey.apiKey.id, name: createApiKey.apiKey.name };
}
