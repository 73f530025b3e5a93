// Dependencies failing under real server processes: an own PostgreSQL cluster and an own
// redis-server (each on a free port, named after this process), stopped and started by the
// test, never the machine's shared ones. Skipped, with the reason, where pg_createcluster or redis-server are missing (not in CI).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.ts';
import { DeleteJobMutation, JobQuery, PutJobMutation, TaskProgressSubscription, TaskQuery } from './operations/documents.ts';
import pg from 'pg';
import type { Database } from '../src/db/client.ts';
import { totalOwned } from './support/data.ts';
import { createPgCluster, faultToolsMissing, startRedis, type PgCluster, type RedisServer } from './support/faults.ts';
import { until } from './support/wait.ts';
import { analysisConfig } from './support/jobs.ts';
import { spawnServer, type ServerProcess } from './support/process.ts';
import { gql, ok, uniqueId, wsClient, wsSubscribe } from './support/server.ts';

const TaskAttemptsQuery = graphql(`
  query TaskAttempts($id: ID!) { task(id: $id) { id state attempts lastError } }
`);

const why = faultToolsMissing();
if (why) console.log(`[tests] skipping fault suite: ${why}`);

const run = promisify(execFile);

describe.skipIf(!!why)('faults of PostgreSQL and Redis', () => {
  const adminKey = randomBytes(24).toString('base64url');
  let cluster: PgCluster;
  let redis: RedisServer;
  let a: ServerProcess;
  let b: ServerProcess;
  const env = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: cluster.url,
    REDIS_URL: redis.url,
    ML_ADMIN_API_KEY: adminKey,
    TASK_LEASE_SECONDS: '10',
    LOG_LEVEL: 'info',
    ...extra,
  });

  beforeAll(async () => {
    [cluster, redis] = await Promise.all([createPgCluster('mljobs_faults'), startRedis()]);
    a = await spawnServer(env({ DELETE_BATCH_PAUSE_MS: '700' }));
    b = await spawnServer(env({ DELETE_BATCH_PAUSE_MS: '700' }));
  }, 120_000);
  afterAll(async () => {
    for (const p of [a, b]) p?.proc.kill('SIGKILL');
    await Promise.allSettled([cluster?.drop(), redis?.stop()]);
  }, 60_000);

  const alive = (p: ServerProcess) => p.proc.exitCode === null && p.proc.signalCode === null;
  const seed = (jobId: string, rows: number) =>
    run(
      process.execPath,
      ['--experimental-wasm-modules', '--no-warnings', '--import', 'tsx', 'src/cli/seed.ts', '--job', jobId, '--results', String(rows)],
      {
        env: { ...process.env, DATABASE_URL: cluster.url },
      },
    );
  const asyncDelete = async (target: ServerProcess, jobId: string) => {
    const data = await ok(target, DeleteJobMutation, { jobId, waitForCompletion: false });
    if (data.deleteJob.__typename !== 'DeletionTask') throw new Error('expected a task');
    return data.deleteJob.task;
  };
  const ownedRows = async (jobId: string) => {
    const pool = new pg.Pool({ connectionString: cluster.url, max: 1 });
    try {
      return await totalOwned({ pool } as Pick<Database, 'pool'> as Database, jobId);
    } finally {
      await pool.end();
    }
  };
  const readyStatus = async (p: ServerProcess) => (await fetch(`${p.url}/ready`)).status;
  const started = async (p: ServerProcess, taskId: string) => {
    await until('the deletion to start deleting', async () => ((await ok(p, TaskQuery, { id: taskId })).task?.progress.deleted ?? 0) > 0);
  };

  it('PostgreSQL restarted mid-deletion: both instances live, /ready 503 then 200, the task COMPLETED with no row left', async () => {
    const jobId = uniqueId('pgrestart');
    await seed(jobId, 20_000);
    const taskId = await asyncDelete(a, jobId);
    const client = wsClient(b);
    const watching = wsSubscribe(client, TaskProgressSubscription, { id: taskId });
    await started(b, taskId);

    await cluster.stop();
    await until('/ready 503 while PostgreSQL is down', async () => (await readyStatus(a)) === 503 && (await readyStatus(b)) === 503);
    const down = await gql(a, JobQuery, { id: jobId });
    expect(down.status).toBe(503);
    expect(down.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', type: 'status_exception', status: 503 });
    // A span of outage, not an event to wait for: neither instance may exit while PostgreSQL stays away.
    await new Promise((r) => setTimeout(r, 2_000));
    expect([alive(a), alive(b)]).toEqual([true, true]);

    await cluster.start();
    const back = Date.now();
    await until('/ready 200 after PostgreSQL is back', async () => (await readyStatus(a)) === 200 && (await readyStatus(b)) === 200);
    console.log(`[measure] /ready 200 on both instances ${Date.now() - back} ms after PostgreSQL accepted connections again`);

    const events = (await watching.done).map((e) => e.data!.taskProgress);
    await client.dispose();
    expect(events.at(-1)).toMatchObject({ id: taskId, state: 'COMPLETED', progress: { percent: 100 } });
    const task = (await ok(a, TaskAttemptsQuery, { id: taskId })).task!;
    expect(task.attempts).toBeGreaterThan(1);
    expect(task.lastError).toBeTruthy();
    expect(await ownedRows(jobId)).toBe(0);
    expect((await ok(a, JobQuery, { id: jobId })).job).toBeNull();
    expect([alive(a), alive(b)]).toEqual([true, true]);
  });

  it('Redis down 10 s during a deletion followed from another instance: nobody exits, an instance starts meanwhile, writes work, subscribers get COMPLETED', async () => {
    const jobId = uniqueId('redisdown');
    await seed(jobId, 20_000);
    const taskId = await asyncDelete(a, jobId);
    const remote = wsClient(b);
    const local = wsClient(a);
    const fromB = wsSubscribe(remote, TaskProgressSubscription, { id: taskId });
    await started(b, taskId);

    await redis.stop();
    // During the outage: a subscription taken on either instance, and writes on both.
    const fromA = wsSubscribe(local, TaskProgressSubscription, { id: taskId });
    const lateB = wsSubscribe(remote, TaskProgressSubscription, { id: taskId });
    for (const target of [a, b]) {
      const put = await gql(target, PutJobMutation, { input: { jobId: uniqueId('during-outage'), analysisConfig } });
      expect(put.errors).toBeUndefined();
    }
    // An instance started while Redis is down serves too (it does not wait for Redis).
    const third = await spawnServer(env());
    try {
      expect((await ok(third, JobQuery, { id: 'none-such' })).job).toBeNull();
      // The rest of the scenario's 10 s without Redis (a span, not an event): no instance may exit meanwhile.
      await new Promise((r) => setTimeout(r, 8_000));
      expect([alive(a), alive(b), alive(third)]).toEqual([true, true, true]);
    } finally {
      third.proc.kill('SIGKILL');
    }
    await redis.start();

    for (const watching of [fromB, fromA, lateB]) {
      const events = (await watching.done).map((e) => e.data!.taskProgress);
      expect(events.at(-1)).toMatchObject({ id: taskId, state: 'COMPLETED', progress: { percent: 100 } });
    }
    await Promise.all([remote.dispose(), local.dispose()]);
    expect(await ownedRows(jobId)).toBe(0);
    expect([alive(a), alive(b)]).toEqual([true, true]);
    // One warning per outage and dependency, not one per failed call.
    const warnings = a
      .output()
      .split('\n')
      .filter((l) => l.includes('"dependency":"redis"') && l.includes('failing'));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.length).toBeLessThan(6);
  });

  it('start with PostgreSQL down for 10 s: /health 200, /ready and GraphQL 503 meanwhile, one log line per attempt, then serves', async () => {
    await cluster.stop();
    const late = await spawnServer(env(), { serving: false });
    try {
      expect((await fetch(`${late.url}/health`)).status).toBe(200);
      const ready = await fetch(`${late.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ready: false, reason: 'starting' });
      const refused = await gql(late, JobQuery, { id: 'any' });
      expect(refused.status).toBe(503);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
      // The scenario's 10 s without PostgreSQL (a span, not an event): the instance retries and stays up.
      await new Promise((r) => setTimeout(r, 10_000));
      expect(alive(late)).toBe(true);
      const attempts = late
        .output()
        .split('\n')
        .filter((l) => l.includes('start: database not ready, retrying'))
        .map((l) => JSON.parse(l) as { attempt: number; dependency: string });
      expect(attempts.length).toBeGreaterThan(2);
      expect(attempts.map((l) => l.attempt)).toEqual(attempts.map((_, i) => i + 1));

      await cluster.start();
      const back = Date.now();
      await until('the late instance to serve', async () => (await readyStatus(late)) === 200, 60_000);
      console.log(`[measure] started with PostgreSQL down: serving ${Date.now() - back} ms after PostgreSQL accepted connections`);
      expect((await ok(late, JobQuery, { id: 'none-such' })).job).toBeNull();
    } finally {
      late.proc.kill('SIGKILL');
    }
  });
});
