// Issue #6, writes, keys, errors and observability: the write rate limit (in-process, and shared
// through Redis), reserved key names and immediate invalidation, masked errors with the request's
// id, one log line per operation, /health, /ready, /metrics; and no secret in any log line or in
// clear in any table. The server is built here with a logger writing to a stream the test reads.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { loadConfig, type Config } from '../src/config.ts';
import { createRateLimiter } from '../src/rate-limit/write-rate-limit.ts';
import { postgresServer, redis, unmet } from './support/requirements.ts';
import { gql, ok, startServer, uniqueId, wsClient, wsSubscribe, type TestServer } from './support/server.ts';
import { jobWithData } from './support/jobs.ts';
import { createKey } from './support/keys.ts';
import type { ClusterPrivilege } from './generated/graphql.ts';
import { stillServes } from './support/still-serves.ts';
import { faultToolsMissing, startRedis } from './support/faults.ts';
import { eventually } from './support/wait.ts';
import { DeleteJobMutation } from './operations/documents.ts';
import {
  HardeningCreateApiKeyMutation,
  HardeningInvalidateApiKeyMutation,
  HardeningJobCountsQuery,
  HardeningJobsQuery,
  HardeningPutJobMutation,
  HardeningTaskProgressSubscription,
} from './operations/hardening.ts';

const redisUrl = inject('redisUrl');

/** Every line any server of this file logged, at debug level: the secrets scan reads them all. */
const logLines: string[] = [];
/** Every secret this file used: the admin keys, created keys, and wrong ones sent on purpose. */
const secrets = new Set<string>();

async function start(overrides: Partial<Config> = {}): Promise<TestServer> {
  const server = await startServer(overrides, { logTo: (line) => logLines.push(line) });
  secrets.add(server.adminKey);
  return server;
}

let server: TestServer;
/** Five writes per key per minute. */
let limited: TestServer;

beforeAll(async () => {
  [server, limited] = await Promise.all([start({ taskLeaseSeconds: 3600 }), start({ rateLimitWritesPerMinute: 5 })]);
});
afterAll(async () => {
  await limited?.stop();
  await server?.stop();
});

async function newKey(s: TestServer, privileges: ClusterPrivilege[] = ['MANAGE_ML']) {
  const key = await createKey(s, privileges);
  secrets.add(key.secret);
  return key;
}

const putJob = (s: TestServer, jobId: string, key: string) =>
  gql(s, HardeningPutJobMutation, { input: { jobId, analysisConfig: { detectors: [] } } }, key);
const jobExists = async (s: TestServer, jobId: string) => (await s.app.db.pool.query('SELECT 1 FROM jobs WHERE id = $1', [jobId])).rowCount === 1;
const logged = () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('write rate limit (RATE_LIMIT_WRITES_PER_MINUTE)', () => {
  it('refuses the writes past the budget with TOO_MANY_REQUESTS and retryAfterSeconds, writing nothing; reads go on', async () => {
    const writer = await newKey(limited);
    for (let i = 0; i < 5; i++) expect((await putJob(limited, uniqueId('rl'), writer.secret)).errors).toBeUndefined();
    const jobId = uniqueId('rl-refused');
    const res = await fetch(limited.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `ApiKey ${writer.secret}` },
      body: JSON.stringify({ query: `mutation { putJob(input: { jobId: "${jobId}", analysisConfig: {} }) { id } }` }),
    });
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await res.json()).toEqual({
      errors: [
        {
          message: `rate limit exceeded, retry in ${retryAfter}s`,
          extensions: { code: 'TOO_MANY_REQUESTS', type: 'status_exception', status: 429, retryAfterSeconds: retryAfter },
        },
      ],
    });
    expect(await jobExists(limited, jobId)).toBe(false);
    // Over WebSocket too; reads are not limited; another key has its own budget.
    const client = wsClient(limited, writer.secret);
    const [overWs] = await wsSubscribe(client, HardeningPutJobMutation, { input: { jobId, analysisConfig: {} } }).done;
    await client.dispose();
    expect(overWs.errors?.[0].extensions).toEqual({
      code: 'TOO_MANY_REQUESTS',
      type: 'status_exception',
      status: 429,
      retryAfterSeconds: expect.any(Number),
    });
    expect(await jobExists(limited, jobId)).toBe(false);
    await stillServes(limited);
    expect((await ok(limited, HardeningJobsQuery, { ids: '_all' }, writer.secret)).jobs.length).toBeGreaterThanOrEqual(5);
    const other = await newKey(limited);
    expect((await putJob(limited, jobId, other.secret)).errors).toBeUndefined();
  });

  it('counts each mutation field: one operation with 6 aliased writes is refused whole', async () => {
    const writer = await newKey(limited);
    const ids = Array.from({ length: 6 }, () => uniqueId('rl-alias'));
    const query = `mutation { ${ids.map((id, i) => `w${i}: putJob(input: { jobId: "${id}", analysisConfig: {} }) { id }`).join(' ')} }`;
    const res = await fetch(limited.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `ApiKey ${writer.secret}` },
      body: JSON.stringify({ query }),
    });
    expect((await res.json()).errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    for (const id of ids) expect(await jobExists(limited, id)).toBe(false);
    await stillServes(limited);
  });

  it('defaults to 600 writes a minute; 0 turns it off', async () => {
    expect(loadConfig({}).rateLimitWritesPerMinute).toBe(6000);
    expect(loadConfig({ RATE_LIMIT_WRITES_PER_MINUTE: '0' }).rateLimitWritesPerMinute).toBe(0);
    expect(await createRateLimiter({ limit: 0, redisUrl, log: server.app.services.log })).toBeUndefined();
  });

  it.skipIf(unmet('the shared rate limit across instances', postgresServer(), redis()))(
    'is shared by every instance through Redis (REDIS_URL)',
    async () => {
      const [a, b] = await Promise.all([
        start({ rateLimitWritesPerMinute: 4, redisUrl, adminApiKey: limited.adminKey }),
        start({ rateLimitWritesPerMinute: 4, redisUrl, adminApiKey: limited.adminKey }),
      ]);
      try {
        const writer = await newKey(a);
        for (const target of [a, b, a, b]) expect((await putJob(target, uniqueId('rl-shared'), writer.secret)).errors).toBeUndefined();
        for (const target of [a, b])
          expect((await putJob(target, uniqueId('rl-shared'), writer.secret)).errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
        await stillServes(b);
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
    },
  );

  it.skipIf(unmet('the rate limit without a Redis round trip', { missing: faultToolsMissing() || undefined, how: 'apt-get install redis-server' }))(
    'with Redis, a write waits for its count only from half the budget on',
    async () => {
      const own = await startRedis();
      const limiter = createRateLimiter({ limit: 100, redisUrl: own.url, log: server.app.services.log })!;
      const pauser = new Redis(own.url);
      try {
        const [far, near] = [uniqueId('rl-far'), uniqueId('rl-near')];
        // Until Redis has answered once, a write passes uncounted (retryAfterSeconds 0).
        await eventually(async () => expect((await limiter.consume(far, 1)).retryAfterSeconds).toBeGreaterThan(0));
        await eventually(async () => expect((await limiter.consume(near, 60)).retryAfterSeconds).toBeGreaterThan(0));
        // A write that does not wait is counted all the same: Redis's count gets every one.
        const counted = async () => Number(await pauser.get(`ml:rate:writes:${far}`));
        const before = await counted();
        for (let i = 0; i < 5; i++) expect((await limiter.consume(far, 1)).allowed).toBe(true);
        await eventually(async () => expect(await counted()).toBe(before + 5));
        // Redis stops answering for 3 s: a write that waits for it gives up at its 1 s command
        // timeout and passes uncounted (fail-open: retryAfterSeconds 0); one that does not wait
        // answers from Redis's last count (its window's time left).
        await pauser.call('CLIENT', 'PAUSE', '3000', 'ALL');
        const [fast, slow] = await Promise.all([limiter.consume(far, 1), limiter.consume(near, 1)]);
        expect(fast.allowed).toBe(true);
        expect(fast.retryAfterSeconds).toBeGreaterThan(0);
        expect(slow).toEqual({ allowed: true, retryAfterSeconds: 0 });
      } finally {
        pauser.disconnect();
        await limiter.close();
        await own.stop();
      }
    },
  );
});

describe('API keys', () => {
  it('reserves the name _xpack, the system author of annotations', async () => {
    for (const name of ['_xpack', ' _XPACK ']) {
      const result = await gql(server, HardeningCreateApiKeyMutation, { name, privileges: ['MANAGE_ML'] });
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: 'api key name [_xpack] is reserved',
          extensions: { code: 'BAD_USER_INPUT', type: 'illegal_argument_exception', status: 400 },
        }),
      ]);
    }
    expect((await server.app.db.pool.query(`SELECT 1 FROM api_keys WHERE lower(trim(name)) = '_xpack'`)).rowCount).toBe(0);
    await stillServes(server);
  });

  it('invalidation is immediate over HTTP (the instance drops the key it had verified first)', async () => {
    const key = await newKey(server);
    expect((await gql(server, HardeningJobsQuery, { ids: '_all' }, key.secret)).errors).toBeUndefined();
    await ok(server, HardeningInvalidateApiKeyMutation, { id: key.id });
    const after = await gql(server, HardeningJobsQuery, { ids: '_all' }, key.secret);
    expect(after.errors).toEqual([
      expect.objectContaining({
        message: 'missing authentication credentials for request',
        extensions: { code: 'UNAUTHENTICATED', type: 'security_exception', status: 401 },
      }),
    ]);
    await stillServes(server);
  });
});

describe('errors and logs', () => {
  it('masks an unexpected error as `Unexpected error.` with the request id, and logs its stack under the same id', async () => {
    const requestId = `req-${randomBytes(6).toString('hex')}`;
    const spy = vi
      .spyOn(server.app.db.pool, 'query')
      .mockImplementationOnce((() => Promise.reject(new Error('simulated database failure'))) as never);
    try {
      const res = await fetch(server.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `ApiKey ${server.adminKey}`, 'x-request-id': requestId },
        body: JSON.stringify({ query: '{ jobs { id } }' }),
      });
      expect(res.headers.get('x-request-id')).toBe(requestId);
      const body = await res.json();
      expect(body.errors).toEqual([
        expect.objectContaining({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR', status: 500, requestId } }),
      ]);
    } finally {
      spy.mockRestore();
    }
    const line = logged().find((l) => l.msg === 'unexpected error' && l.requestId === requestId) as
      { level: number; err: { stack: string } } | undefined;
    expect(line?.level).toBe(50);
    expect(line?.err.stack).toMatch(/simulated database failure/);
    await stillServes(server);
  });

  it('a request without x-request-id (or with an unusable one) gets a generated id, in its response and its logs', async () => {
    for (const header of [undefined, 'bad id with spaces', 'x'.repeat(200)]) {
      const res = await fetch(server.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `ApiKey ${server.adminKey}`, ...(header && { 'x-request-id': header }) },
        body: JSON.stringify({ query: 'query GeneratedId { jobs { id } }' }),
      });
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(logged().some((l) => l.msg === 'operation' && l.requestId === id && l.operation === 'GeneratedId')).toBe(true);
    }
  });

  it('logs one info line per operation: request id, operation, key name, duration, outcome and codes', async () => {
    const key = await newKey(server, ['MONITOR_ML']);
    const requestId = `req-${randomBytes(6).toString('hex')}`;
    const send = (query: string, secret: string | null) =>
      fetch(server.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...(secret && { authorization: `ApiKey ${secret}` }) },
        body: JSON.stringify({ query }),
      });
    await send('query ListJobs { jobs { id } }', key.secret);
    await send(`mutation TryWrite { putJob(input: { jobId: "${uniqueId('forbidden')}", analysisConfig: {} }) { id } }`, key.secret);
    await send(`query TooDeep { ${'__typename '.repeat(1001)} }`, key.secret);
    const mine = logged().filter((l) => l.requestId === requestId);
    expect(mine).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'operation',
        operation: 'ListJobs',
        type: 'query',
        key: key.name,
        outcome: 'ok',
        ms: expect.any(Number),
      }),
      expect.objectContaining({
        level: 30,
        msg: 'operation',
        operation: 'TryWrite',
        type: 'mutation',
        key: key.name,
        outcome: 'error',
        codes: ['FORBIDDEN'],
      }),
      expect.objectContaining({ level: 30, msg: 'request refused', method: 'POST', status: 200, outcome: 'refused', codes: ['BAD_USER_INPUT'] }),
    ]);
  });

  it('no secret in any log line, nor in clear in any column of any table', async () => {
    // Wrong and malformed credentials are secrets too: they must not be echoed anywhere.
    const wrong = randomBytes(32).toString('base64url');
    secrets.add(wrong);
    await gql(server, HardeningJobsQuery, { ids: '_all' }, wrong);
    const client = wsClient(server, wrong);
    await expect(wsSubscribe(client, HardeningJobsQuery, { ids: '_all' }).done).rejects.toMatchObject({ code: 4403 });
    await client.dispose();
    await newKey(server, ['ALL']);

    expect(logLines.length).toBeGreaterThan(20);
    const everything = logLines.join('\n');
    for (const secret of secrets) expect(everything.includes(secret), 'a secret in the logs').toBe(false);

    for (const s of [server, limited]) {
      const { rows: columns } = await s.app.db.pool.query<{ table_name: string; column_name: string }>(`
        SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'USER-DEFINED')`);
      expect(columns.length).toBeGreaterThan(10);
      for (const { table_name, column_name } of columns) {
        for (const secret of secrets) {
          const { rowCount } = await s.app.db.pool.query(`SELECT 1 FROM "${table_name}" WHERE "${column_name}"::text LIKE '%' || $1 || '%' LIMIT 1`, [
            secret,
          ]);
          expect(rowCount, `a secret in ${table_name}.${column_name}`).toBe(0);
        }
      }
    }
  });
});

describe('health, readiness and metrics', () => {
  it('/health answers; /ready checks the database and the task queue', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, database: 'ok', taskQueue: 'ok', pubsub: server.config.redisUrl ? 'ok' : 'in-process' });
    const spy = vi.spyOn(server.app.db.probe, 'query').mockImplementation((() => Promise.reject(new Error('database down'))) as never);
    try {
      const down = await fetch(`${server.url}/ready`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ ready: false, database: 'unreachable', taskQueue: 'unreachable', reason: 'database unreachable' });
    } finally {
      spy.mockRestore();
    }
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
  });

  it('/metrics: request and resolver timings, errors by code, open WebSockets, active subscriptions, tasks, rows deleted', async () => {
    await gql(server, HardeningJobsQuery, { ids: '_all' });
    await gql(server, HardeningJobsQuery, { ids: '_all' }, null);
    const taskId = `${server.app.services.nodeId}:${800_000_000 + Math.floor(Math.random() * 99_999_999)}`;
    await server.app.db.prisma.task.create({
      data: {
        id: taskId,
        nodeId: server.app.services.nodeId,
        action: 'cluster:admin/xpack/ml/job/delete',
        description: 'delete-job-metrics',
        jobId: uniqueId('metrics'),
      },
    });
    const client = wsClient(server);
    const metric = async (pattern: RegExp) => Number(pattern.exec(await (await fetch(`${server.url}/metrics`)).text())?.[1]);
    try {
      let stop = () => {};
      await new Promise<void>((resolve, reject) => {
        const sub = wsSubscribe(client, HardeningTaskProgressSubscription, { id: taskId }, () => resolve());
        stop = sub.stop;
        sub.done.catch(reject);
      });
      expect(await metric(/^ml_graphql_active_subscriptions (\d+)/m)).toBe(1);
      expect(await metric(/^ml_websocket_connections (\d+)/m)).toBeGreaterThanOrEqual(1);
      expect(await metric(/^ml_tasks\{state="QUEUED"\} (\d+)/m)).toBeGreaterThanOrEqual(1);
      stop();
      await eventually(async () => expect(await metric(/^ml_graphql_active_subscriptions (\d+)/m)).toBe(0));
    } finally {
      await client.dispose();
      await server.app.db.prisma.task.deleteMany({ where: { id: taskId } });
    }
    // A deletion of 11 rows (jobWithData's 12 less the user annotation) adds exactly 11.
    const deletedBefore = await metric(/^ml_rows_deleted_total (\d+)/m);
    const jobId = uniqueId('metrics-deleted');
    await jobWithData(server, jobId);
    expect((await ok(server, DeleteJobMutation, { jobId })).deleteJob).toEqual({ __typename: 'Acknowledged', acknowledged: true });
    expect((await metric(/^ml_rows_deleted_total (\d+)/m)) - deletedBefore).toBe(11);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/^ml_http_request_duration_seconds_count\{method="POST",status="200"\} \d+/m);
    expect(text).toMatch(/^ml_graphql_operation_duration_seconds_count\{type="query",outcome="ok"\} \d+/m);
    expect(text).toMatch(/^ml_graphql_resolver_duration_seconds_count\{field="Query.jobs"\} \d+/m);
    // A list's items wait on one batched read: a page of jobs adds one sample of Job.counts, not one per job.
    const countsSamples = () => metric(/^ml_graphql_resolver_duration_seconds_count\{field="Job.counts"\} (\d+)/m).then((n) => n || 0);
    await Promise.all([putJob(server, uniqueId('metrics-a'), server.adminKey), putJob(server, uniqueId('metrics-b'), server.adminKey)]);
    const samplesBefore = await countsSamples();
    const page = (await ok(server, HardeningJobCountsQuery, { ids: '_all' })).jobs;
    expect(page.length).toBeGreaterThanOrEqual(2);
    expect((await countsSamples()) - samplesBefore).toBe(1);
    expect(text).toMatch(/^ml_graphql_errors_total\{code="UNAUTHENTICATED"\} \d+/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });
});
