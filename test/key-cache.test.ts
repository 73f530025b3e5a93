// API keys verified lately are kept by each instance (API_KEY_CACHE_SECONDS, auth/verified-keys.ts)
// and invalidation still works at once on every instance: it answers only once every instance
// has forgotten the key, or, when that cannot be confirmed (Redis away), once the cache's
// lifetime has passed. Whether a request read its key is seen by holding api_keys locked: a
// request that reads it waits behind the lock.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultToolsMissing, startRedis, type RedisServer } from './support/faults.ts';
import { createKey } from './support/keys.ts';
import { postgresServer, unmet } from './support/requirements.ts';
import { gql, ok, startServer, type TestServer } from './support/server.ts';
import { until } from './support/wait.ts';
import { HardeningInvalidateApiKeyMutation, HardeningJobsQuery } from './operations/hardening.ts';

/** A read that needs a key (and reads no key itself). */
const read = (s: TestServer, secret: string) => gql(s, HardeningJobsQuery, { ids: '_all' }, secret);

const BLOCKED = 'blocked: the request read its key';

/** What `work` answers while api_keys is held under an exclusive lock, or BLOCKED if it waited behind it. */
async function withKeysLocked<T>(s: TestServer, work: () => Promise<T>): Promise<T | typeof BLOCKED> {
  const client = new pg.Client({ connectionString: s.config.databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE api_keys IN ACCESS EXCLUSIVE MODE');
  try {
    return await Promise.race([work(), new Promise<typeof BLOCKED>((resolve) => setTimeout(() => resolve(BLOCKED), 3_000))]);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

const unauthenticated = [
  expect.objectContaining({
    message: 'missing authentication credentials for request',
    extensions: { code: 'UNAUTHENTICATED', type: 'security_exception', status: 401 },
  }),
];

describe.skipIf(unmet('the API key cache', postgresServer()))('the API key cache, one instance', () => {
  let server: TestServer;
  let uncached: TestServer;
  beforeAll(async () => {
    [server, uncached] = await Promise.all([startServer(), startServer({ apiKeyCacheSeconds: 0 })]);
  });
  afterAll(async () => {
    await Promise.all([server?.stop(), uncached?.stop()]);
  });

  it('a key in use is not read again for each request; with API_KEY_CACHE_SECONDS=0 it is', async () => {
    const key = await createKey(server, ['MANAGE_ML']);
    for (const s of [server, uncached]) expect((await read(s, key.secret)).errors).toBeUndefined();
    const answered = await withKeysLocked(server, () => read(server, key.secret));
    expect(answered).not.toBe(BLOCKED);
    expect((answered as Awaited<ReturnType<typeof read>>).errors).toBeUndefined();
    expect(await withKeysLocked(uncached, () => read(uncached, key.secret))).toBe(BLOCKED);
  });

  it('invalidation clears it first: the next request is UNAUTHENTICATED', async () => {
    const key = await createKey(server, ['MANAGE_ML']);
    expect((await read(server, key.secret)).errors).toBeUndefined();
    await ok(server, HardeningInvalidateApiKeyMutation, { id: key.id });
    expect((await read(server, key.secret)).errors).toEqual(unauthenticated);
  });
});

const why = faultToolsMissing();
describe.skipIf(unmet('the API key cache across instances', postgresServer(), { missing: why || undefined, how: 'apt-get install redis-server' }))(
  'the API key cache, two instances on one Redis of their own',
  () => {
    let redis: RedisServer;
    let a: TestServer;
    let b: TestServer;
    beforeAll(async () => {
      redis = await startRedis();
      // One second: the wait of an invalidation that not every instance confirmed.
      [a, b] = await Promise.all([
        startServer({ redisUrl: redis.url, apiKeyCacheSeconds: 1 }),
        startServer({ redisUrl: redis.url, apiKeyCacheSeconds: 1 }),
      ]);
      await until('both instances to reach Redis', () => a.app.services.pubsub.state() === 'ok' && b.app.services.pubsub.state() === 'ok');
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await redis?.stop();
    });

    it('a key invalidated on one instance fails at once on the other, which had it cached', async () => {
      const key = await createKey(a, ['MANAGE_ML']);
      expect((await read(b, key.secret)).errors).toBeUndefined();
      expect(await withKeysLocked(b, () => read(b, key.secret))).not.toBe(BLOCKED);
      await ok(a, HardeningInvalidateApiKeyMutation, { id: key.id });
      expect((await read(b, key.secret)).errors).toEqual(unauthenticated);
    });

    it('with Redis away the cache is not used, and an invalidation waits out its lifetime before it answers', async () => {
      const key = await createKey(a, ['MANAGE_ML']);
      expect((await read(b, key.secret)).errors).toBeUndefined();
      await redis.stop();
      try {
        await until('the instances to see Redis gone', () => a.app.services.pubsub.state() === 'down' && b.app.services.pubsub.state() === 'down');
        expect(await withKeysLocked(b, () => read(b, key.secret))).toBe(BLOCKED);
        const started = Date.now();
        await ok(a, HardeningInvalidateApiKeyMutation, { id: key.id });
        expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
        expect((await read(b, key.secret)).errors).toEqual(unauthenticated);
      } finally {
        await redis.start();
      }
      // Back: the cache is used again.
      await until('the instances to reach Redis again', () => a.app.services.pubsub.state() === 'ok' && b.app.services.pubsub.state() === 'ok');
      const fresh = await createKey(a, ['MANAGE_ML']);
      expect((await read(b, fresh.secret)).errors).toBeUndefined();
      expect(await withKeysLocked(b, () => read(b, fresh.secret))).not.toBe(BLOCKED);
    });
  },
);
