// Several instances on one PostgreSQL and one Redis (D13, D18, D20 across processes). These
// need a PostgreSQL server and Redis: without DATABASE_URL and REDIS_URL the suite is skipped,
// and says so (the embedded database belongs to a single process).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { asyncDelete } from './support/jobs.ts';
import { gql, ok, uniqueId, wsClient, wsSubscribe } from './support/server.ts';
import { eventually } from './support/wait.ts';
import { spawnServer, type ServerProcess } from './support/process.ts';
import { DeleteJobMutation, JobQuery, TaskProgressSubscription, TaskQuery } from './operations/documents.ts';
import { rowsOwnedBy } from './support/data.ts';
import pg from 'pg';
import { postgresServer, redis, unmet } from './support/requirements.ts';
import { ClientsJobEventsSubscription } from './operations/clients.ts';
import { eventMatching, untilListening } from './support/feeds.ts';

const databaseUrl = inject('databaseUrl');
const redisUrl = inject('redisUrl');
// The embedded database belongs to one process; cross-instance events need Redis.
const skipped = unmet('the multi-instance suite', postgresServer(), redis());

const run = promisify(execFile);

async function seed(jobId: string, rows: number) {
  // The seed command, as users run it (npm run seed -- --job <id> --results <n>).
  await run(
    process.execPath,
    ['--experimental-wasm-modules', '--no-warnings', '--import', 'tsx', 'src/cli/seed.ts', '--job', jobId, '--results', String(rows)],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    },
  );
}

describe.skipIf(skipped)('several instances on one database', () => {
  const adminKey = randomBytes(24).toString('base64url');
  const env = () => ({ DATABASE_URL: databaseUrl!, REDIS_URL: redisUrl!, ML_ADMIN_API_KEY: adminKey, TASK_LEASE_SECONDS: '10' });
  let a: ServerProcess;
  let b: ServerProcess;
  let pool: pg.Pool;

  beforeAll(async () => {
    a = await spawnServer(env());
    b = await spawnServer(env());
    pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  });
  afterAll(async () => {
    for (const p of [a, b]) p?.proc.kill('SIGKILL');
    await pool?.end();
  });

  /** Waits until the task has deleted some rows (seen from B). */
  const rowsGoing = (taskId: string) =>
    eventually(async () => {
      const task = (await ok(b, TaskQuery, { id: taskId })).task;
      expect(task?.progress.deleted, JSON.stringify(task)).toBeGreaterThan(0);
    });
  const db = () => ({ pool }) as unknown as Parameters<typeof rowsOwnedBy>[0];
  const owned = async (jobId: string) => Object.values(await rowsOwnedBy(db(), jobId)).reduce((x, y) => x + y, 0);
  const tasksOf = async (jobId: string) => (await pool.query('SELECT id FROM tasks WHERE job_id = $1', [jobId])).rows.map((r) => r.id as string);

  it('D20 a subscriber on B follows to COMPLETED a deletion started on A', async () => {
    const jobId = uniqueId('cross');
    await seed(jobId, 300_000);
    const client = wsClient(b);
    const taskId = await asyncDelete(a, jobId);
    const events = (await wsSubscribe(client, TaskProgressSubscription, { id: taskId }).done).map((e) => e.data!.taskProgress);
    await client.dispose();
    expect(events.at(-1)).toMatchObject({ id: taskId, state: 'COMPLETED', progress: { percent: 100, total: 300_000 } });
    expect(await owned(jobId)).toBe(0);
  });

  it('jobEvents: a subscriber on B hears the DELETED of a job deleted on A', async () => {
    const prefix = uniqueId('xfeed');
    const client = wsClient(b);
    const feed = wsSubscribe(client, ClientsJobEventsSubscription, { filter: { ids: `${prefix}-*` } });
    try {
      await untilListening(a, feed, prefix);
      const jobId = `${prefix}-probe-0`;
      await asyncDelete(a, jobId);
      const deleted = await eventMatching(feed, (e) => e.data?.jobEvents.kind === 'DELETED');
      expect(deleted.data!.jobEvents).toMatchObject({ jobId, job: null, deletedNodeId: expect.any(String) });
    } finally {
      feed.stop();
      await client.dispose();
    }
  });

  it('D13 four simultaneous deleteJob calls split over A and B give one task id', async () => {
    const jobId = uniqueId('split');
    await seed(jobId, 200_000);
    const results = await Promise.all([a, b, a, b].map((s) => gql(s, DeleteJobMutation, { jobId, waitForCompletion: false })));
    const ids = new Set(results.map((r) => (r.data?.deleteJob.__typename === 'DeletionTask' ? r.data.deleteJob.task : JSON.stringify(r.errors))));
    expect(ids.size).toBe(1);
    expect(await tasksOf(jobId)).toEqual([...ids]);
  });

  it('D18 kill -9 of the instance running a 1,000,000-row deletion: another finishes it with the same task', async () => {
    const victim = await spawnServer({ ...env(), DELETE_BATCH_PAUSE_MS: '150' });
    const jobId = uniqueId('crash');
    await seed(jobId, 1_000_000);
    const taskId = await asyncDelete(victim, jobId);
    // Wait until rows are going, then kill the runner without warning.
    await rowsGoing(taskId);
    const killedAt = Date.now();
    victim.proc.kill('SIGKILL');
    await victim.exited;
    const midway = (await ok(b, TaskQuery, { id: taskId })).task!;
    expect(midway.completed).toBe(false);
    const client = wsClient(b);
    const events = (await wsSubscribe(client, TaskProgressSubscription, { id: taskId }).done).map((e) => e.data!.taskProgress);
    await client.dispose();
    const takeoverSeconds = (Date.now() - killedAt) / 1000;
    console.log(`[measure] takeover and finish after kill -9: ${takeoverSeconds.toFixed(1)} s`);
    expect(events.at(-1)).toMatchObject({ id: taskId, state: 'COMPLETED', progress: { percent: 100 } });
    expect(takeoverSeconds).toBeLessThan(60);
    expect(await tasksOf(jobId)).toEqual([taskId]);
    expect(await owned(jobId)).toBe(0);
    expect((await ok(a, JobQuery, { id: jobId })).job).toBeNull();
  });

  it('SIGTERM during a deletion hands the task over: nothing lost, one task', async () => {
    const leaving = await spawnServer({ ...env(), DELETE_BATCH_PAUSE_MS: '150' });
    const jobId = uniqueId('deploy');
    await seed(jobId, 500_000);
    const taskId = await asyncDelete(leaving, jobId);
    const client = wsClient(a);
    const watching = wsSubscribe(client, TaskProgressSubscription, { id: taskId });
    await rowsGoing(taskId);
    leaving.proc.kill('SIGTERM');
    expect(await leaving.exited).toBe(0);
    const events = (await watching.done).map((e) => e.data!.taskProgress);
    await client.dispose();
    expect(events.at(-1)).toMatchObject({ id: taskId, state: 'COMPLETED', progress: { percent: 100 } });
    expect(await tasksOf(jobId)).toEqual([taskId]);
    expect(await owned(jobId)).toBe(0);
  });
});
