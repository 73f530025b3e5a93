// deleteJob and tasks: one test (or more) per rule of docs/deleting-jobs.md, named by
// its id, against a real server and database through HTTP, graphql-ws and SSE.
import pg from 'pg';
import { postgresServer, unmet } from './support/requirements.ts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SMALL_JOB_ROWS } from '../src/deletion/engine.ts';
import { relationOf } from '../src/jobs/storage.ts';
import { seedJob } from '../src/seed/seed.ts';
import { annotationCount, rowsOwnedBy, taskCountFor, totalOwned } from './support/data.ts';
import { expectError } from './support/errors.ts';
import { createKey } from './support/keys.ts';
import { eventually } from './support/wait.ts';
import { asyncDelete, blockDedicatedDeletion, finalTask, jobWithData, putJob } from './support/jobs.ts';
import { connectedWsClient, gql, ok, rowsOf, sseSubscribe, startServer, uniqueId, wsClient, wsSubscribe, type TestServer } from './support/server.ts';
import {
  CalendarQuery,
  DeleteJobMutation,
  IngestResultsMutation,
  JobQuery,
  NotificationsQuery,
  OpenJobMutation,
  PutCalendarMutation,
  PutDatafeedMutation,
  TaskProgressSubscription,
  TaskQuery,
  TasksQuery,
} from './operations/documents.ts';

/** Buckets added to a watched job: past SMALL_JOB_ROWS, so that a shared job's deletion takes steps too. */
const WATCHED_EXTRA = SMALL_JOB_ROWS;

let server: TestServer;
/** Deletions held between batches (DELETE_BATCH_PAUSE_MS) so that a deletion can be watched mid-way. */
let slow: TestServer;

beforeAll(async () => {
  server = await startServer();
  slow = await startServer({ deleteBatchPauseMs: 250 });
});
afterAll(async () => {
  await slow?.stop();
  await server?.stop();
});

// Holding a lock needs a connection besides the server's, which the embedded database (one session) has not.
const lockingUrl = inject('databaseUrl');
if (!lockingUrl)
  console.log(
    '[tests] skipping "D13 an attaching call still obeys D4": it holds table locks on a second connection, which the embedded database (one session) has not',
  );

/** Holds ACCESS EXCLUSIVE on `table` in a transaction of its own until `release()` (which may be called again). */
async function holdTable(table: string) {
  const client = new pg.Client({ connectionString: lockingUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  let released: Promise<void> | undefined;
  return { release: () => (released ??= client.query('COMMIT').then(() => client.end())) };
}

const deleteJob = (
  s: TestServer,
  vars: { jobId: string; force?: boolean; waitForCompletion?: boolean; deleteUserAnnotations?: boolean },
  key?: string | null,
) => gql(s, DeleteJobMutation, vars, key);

async function unchanged(s: TestServer, jobId: string, state = 'CLOSED') {
  const job = (await ok(s, JobQuery, { id: jobId })).job!;
  expect(job).toMatchObject({ state, deleting: false });
  expect(await taskCountFor(s.app.db, jobId)).toBe(0);
  const notes = (await ok(s, NotificationsQuery, { jobId })).notifications.map((n) => n.message);
  expect(notes.some((m) => m.startsWith('Deleting job'))).toBe(false);
}

// Every rule holds for both kinds of storage (src/jobs/storage.ts): the whole set runs for each.
describe.each(['SHARED', 'DEDICATED'] as const)('%s storage', (storage) => {
  const withData = (s: TestServer, jobId: string, state: 'opened' | 'closed' = 'closed') => jobWithData(s, jobId, state, storage);
  /** A job whose deletion takes steps to watch: a shared job of few rows is deleted in one transaction (SMALL_JOB_ROWS). */
  const watchable = (s: TestServer, jobId: string, state: 'opened' | 'closed' = 'closed') => jobWithData(s, jobId, state, storage, WATCHED_EXTRA);
  const seed = (s: TestServer, jobId: string, rows: number) => seedJob(s.app.db, jobId, rows, undefined, { storage });

  /**
   * Makes the deletion of `jobId` fail for this job only, until undone: a view over its dedicated
   * records table (which then cannot be dropped), or a trigger refusing to delete its shared records.
   */
  async function failDeletionOf(s: TestServer, jobId: string): Promise<{ message: RegExp; undo(): Promise<unknown> }> {
    const db = s.app.db;
    const name = `fail_${jobId.replace(/-/g, '_')}`;
    if (storage === 'DEDICATED') {
      return {
        message: /cannot drop table job_parts\.records_\w+ because other objects depend on it/,
        undo: await blockDedicatedDeletion(s, jobId),
      };
    }
    await db.pool.query(
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'records of % held by the test', OLD.job_id; END $$`,
    );
    await db.pool.query(`CREATE TRIGGER ${name} BEFORE DELETE ON records FOR EACH ROW WHEN (OLD.job_id = '${jobId}') EXECUTE FUNCTION ${name}()`);
    return {
      message: new RegExp(`records of ${jobId} held by the test`),
      undo: () => db.pool.query(`DROP TRIGGER ${name} ON records; DROP FUNCTION ${name}()`),
    };
  }

  describe('checks before anything is written (D1-D6)', () => {
    it('D1 refuses a call without credentials or with an unknown key, over HTTP and WebSocket', async () => {
      const jobId = uniqueId('d1');
      await withData(server, jobId);
      for (const credential of [null, 'not-a-real-key']) {
        const result = await deleteJob(server, { jobId }, credential);
        expectError(result, 'UNAUTHENTICATED', 'missing authentication credentials for request');
        expect(result.data?.deleteJob ?? null).toBeNull();
      }
      const client = wsClient(server, 'not-a-real-key');
      const closed = await wsSubscribe(client, DeleteJobMutation, { jobId }).done.catch((e: { code?: number; reason?: string }) => e);
      expect(closed).toMatchObject({ code: 4403, reason: 'missing authentication credentials for request' });
      await client.dispose();
      await unchanged(server, jobId);
    });

    it('D2 refuses a key without a write privilege, naming the action and the key', async () => {
      const jobId = uniqueId('d2');
      await withData(server, jobId);
      const reader = await createKey(server, ['MONITOR_ML']);
      const result = await deleteJob(server, { jobId }, reader.secret);
      expectError(
        result,
        'FORBIDDEN',

        `action [cluster:admin/xpack/ml/job/delete] is unauthorized for API key [${reader.name}]`,
      );
      await unchanged(server, jobId);
      // Reads accept MONITOR_ML; writes accept MANAGE_ML.
      expect((await gql(server, JobQuery, { id: jobId }, reader.secret)).data?.job?.id).toBe(jobId);
      const writer = await createKey(server, ['MANAGE_ML']);
      expect((await deleteJob(server, { jobId }, writer.secret)).data?.deleteJob).toEqual({ __typename: 'Acknowledged', acknowledged: true });
    });

    it('D3 refuses wildcards, lists, _all and malformed ids, and deletes nothing', async () => {
      const jobId = uniqueId('d3');
      await withData(server, jobId);
      for (const bad of ['*', `${jobId.slice(0, 4)}*`, `${jobId},other`, '_all', 'Upper', '-lead', 'trail-', 'sp ace', '']) {
        for (const waitForCompletion of [true, false]) {
          const result = await deleteJob(server, { jobId: bad, waitForCompletion });
          expectError(
            result,
            'BAD_USER_INPUT',

            `Invalid job_id; '${bad}' can contain lowercase alphanumeric (a-z and 0-9), hyphens or underscores; must start and end with alphanumeric`,
          );
        }
      }
      const long = 'a'.repeat(65);
      expectError(
        await deleteJob(server, { jobId: long }),
        'BAD_USER_INPUT',

        'The job id cannot contain more than 64 characters.',
      );
      await unchanged(server, jobId);
    });

    it('D4 refuses an open job without force and leaves it as it was, in both modes', async () => {
      const jobId = uniqueId('d4');
      await withData(server, jobId, 'opened');
      for (const waitForCompletion of [true, false]) {
        const result = await deleteJob(server, { jobId, waitForCompletion });
        expectError(result, 'CONFLICT', `Cannot delete job [${jobId}] because the job is opened`);
      }
      await unchanged(server, jobId, 'OPENED');
      expect((await ok(server, JobQuery, { id: jobId })).job!.counts.total).toBe(12);
    });

    it('D5 answers NOT_FOUND for an unknown job, also with force and without waiting', async () => {
      for (const vars of [{}, { force: true }, { waitForCompletion: false }]) {
        const jobId = uniqueId('d5');
        expectError(await deleteJob(server, { jobId, ...vars }), 'NOT_FOUND', `No known job with id '${jobId}'`);
        expect(await taskCountFor(server.app.db, jobId)).toBe(0);
      }
    });

    it('D6 refuses a job a datafeed refers to, even with force; the database restricts it too', async () => {
      const jobId = uniqueId('d6');
      await withData(server, jobId);
      const datafeedId = `datafeed-${jobId}`;
      await ok(server, PutDatafeedMutation, { input: { datafeedId, jobId, indices: ['logs-*'] } });
      for (const force of [false, true]) {
        expectError(
          await deleteJob(server, { jobId, force }),
          'CONFLICT',

          `Cannot delete job [${jobId}] because datafeed [${datafeedId}] refers to it`,
        );
      }
      await unchanged(server, jobId);
      await expect(server.app.db.pool.query('DELETE FROM jobs WHERE id = $1', [jobId])).rejects.toThrow(/foreign key/);
      expect((await rowsOwnedBy(server.app.db, jobId)).jobs).toBe(1);
    });
  });

  describe('deleting (D7-D12)', () => {
    it('D7 marks the job deleting at once; open, datafeeds and results are refused meanwhile', async () => {
      const jobId = uniqueId('d7');
      await watchable(slow, jobId);
      await asyncDelete(slow, jobId);
      expect((await ok(slow, JobQuery, { id: jobId })).job).toMatchObject({ id: jobId, deleting: true });
      expectError(
        await gql(slow, OpenJobMutation, { jobId }),
        'CONFLICT',

        `Cannot open job [${jobId}] because it is executing [delete]`,
      );
      const df = await gql(slow, PutDatafeedMutation, { input: { datafeedId: `df-${jobId}`, jobId, indices: ['x'] } });
      expect(df.errors?.[0].extensions?.code).toBe('CONFLICT');
      const ingest = await gql(slow, IngestResultsMutation, {
        jobId,
        input: { buckets: [{ timestamp: '2026-01-01T00:00:00Z', bucketSpanSeconds: 60, anomalyScore: 1 }] },
      });
      expect(ingest.errors?.[0].extensions?.code).toBe('CONFLICT');
    });

    it('D8 force deletes an opened job: its state becomes CLOSED first, then everything goes', async () => {
      const jobId = uniqueId('d8');
      await watchable(slow, jobId, 'opened');
      const taskId = await asyncDelete(slow, jobId, { force: true });
      // The slow server pauses after each step: the job is seen CLOSED while its data is still going.
      await eventually(async () => expect((await ok(slow, JobQuery, { id: jobId })).job).toMatchObject({ deleting: true, state: 'CLOSED' }));
      expect((await finalTask(slow, taskId)).state).toBe('COMPLETED');
      expect(await totalOwned(slow.app.db, jobId)).toBe(0);
    });

    it('D9 removes everything the job owns but user annotations, calendars and other jobs', async () => {
      const [jobId, other] = [uniqueId('d9'), uniqueId('d9-other')];
      await withData(server, jobId);
      await withData(server, other);
      const calendarId = uniqueId('cal');
      await ok(server, PutCalendarMutation, { calendarId, jobIds: [jobId, other] });
      const before = (await ok(server, JobQuery, { id: other })).job!.counts;

      expect((await ok(server, DeleteJobMutation, { jobId })).deleteJob).toEqual({ __typename: 'Acknowledged', acknowledged: true });

      expect(await rowsOwnedBy(server.app.db, jobId)).toEqual(
        Object.fromEntries(Object.keys(await rowsOwnedBy(server.app.db, jobId)).map((t) => [t, 0])),
      );
      expect(await annotationCount(server.app.db, jobId, '_xpack')).toBe(0);
      expect(await annotationCount(server.app.db, jobId)).toBe(1); // the user annotation stays
      expect((await ok(server, CalendarQuery, { id: calendarId })).calendar).toEqual({ id: calendarId, jobIds: [other] });
      expect((await ok(server, JobQuery, { id: other })).job!.counts).toEqual(before);
      // The audit notifications stay, the job's whole life and its deletion (D11).
      const [task] = (await ok(server, TasksQuery, { actions: 'cluster:admin/xpack/ml/job/delete' })).tasks.filter(
        (t) => t.description === `delete-job-${jobId}`,
      );
      expect((await ok(server, NotificationsQuery, { jobId })).notifications.map((n) => n.message)).toEqual([
        'Job created',
        'Job opened',
        'Job closed',
        `Deleting job by task with id '${task.id}'`,
        'Job deleted',
      ]);
    });

    it('D9 removes user annotations too with deleteUserAnnotations', async () => {
      const jobId = uniqueId('d9-user');
      await withData(server, jobId);
      await ok(server, DeleteJobMutation, { jobId, deleteUserAnnotations: true });
      expect(await annotationCount(server.app.db, jobId)).toBe(0);
    });

    it("D9 rows written behind the service's back mid-way, above and below the job's ids, go too: no orphan", async () => {
      const jobId = uniqueId('d9-behind');
      // Big enough for the records to go in key ranges (more than 10,000 of them), whose ends the
      // deletion probes before it deletes the job row without the cascade (engine.ts).
      await seed(slow, jobId, 60_000);
      const taskId = await asyncDelete(slow, jobId);
      const records = relationOf(storage, 'records', jobId);
      const left = async (table: 'influencers') =>
        (await slow.app.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE job_id = $1`, [jobId])).rows[0].n;
      // One with the next id of the sequence, one with an id below all of the job's: in the shared
      // table once the records and the influencers after them are gone (the deletion has looked
      // at the records' ends already; the tables after them take a second more on the slow
      // server), in the dedicated one before it is dropped (two steps after the first).
      if (storage === 'SHARED') await eventually(async () => expect(await left('influencers')).toBe(0));
      else await eventually(async () => expect((await ok(slow, TaskQuery, { id: taskId })).task?.progress.deleted).toBeGreaterThan(0));
      expect((await ok(slow, TaskQuery, { id: taskId })).task?.completed).toBe(false);
      await slow.app.db.pool.query(`INSERT INTO ${records} (job_id, timestamp, record_score) VALUES ($1, now(), 1)`, [jobId]);
      await slow.app.db.pool.query(`INSERT INTO ${records} (job_id, id, timestamp, record_score) VALUES ($1, -1, now(), 1)`, [jobId]);
      expect((await finalTask(slow, taskId)).state).toBe('COMPLETED');
      expect(await rowsOwnedBy(slow.app.db, jobId)).toEqual(
        Object.fromEntries(Object.keys(await rowsOwnedBy(slow.app.db, jobId)).map((t) => [t, 0])),
      );
    });

    it('D10 keeps the configuration until last: mid-way the job is visible, deleting, and losing rows', async () => {
      const jobId = uniqueId('d10');
      await watchable(slow, jobId);
      const taskId = await asyncDelete(slow, jobId);
      const job = await eventually(async () => {
        const job = (await ok(slow, JobQuery, { id: jobId })).job;
        expect(job?.counts.total).toBeLessThan(12);
        return job!;
      });
      expect(job.deleting).toBe(true);
      // Rows already gone are tolerated: remove some behind the engine's back.
      await slow.app.db.pool.query('DELETE FROM forecasts WHERE job_id = $1', [jobId]);
      expect((await finalTask(slow, taskId)).state).toBe('COMPLETED');
      expect(await totalOwned(slow.app.db, jobId)).toBe(0);
    });

    it('D10 D11 D16 a failed deletion leaves the job deleting, records the error, and a new deleteJob finishes it', async () => {
      const jobId = uniqueId('d11-fail');
      await withData(server, jobId);
      const db = server.app.db;
      const fault = await failDeletionOf(server, jobId);
      try {
        const failed = await deleteJob(server, { jobId });
        expect(failed.errors?.[0].message).toMatch(fault.message);
        const job = (await ok(server, JobQuery, { id: jobId })).job!;
        expect(job.deleting).toBe(true);
        const [task] = (await ok(server, TasksQuery, { actions: 'cluster:admin/xpack/ml/job/delete' })).tasks.filter(
          (t) => t.description === `delete-job-${jobId}`,
        );
        const full = (await ok(server, TaskQuery, { id: task.id })).task!;
        expect(full).toMatchObject({ state: 'FAILED', completed: true, response: null });
        expect(full.error!.reason).toMatch(fault.message);
        const notes = (await ok(server, NotificationsQuery, { jobId })).notifications.map((n) => n.message);
        expect(notes.at(-1)).toMatch(new RegExp(`^Error deleting job: .*${fault.message.source}`, 's'));
      } finally {
        await fault.undo();
      }
      expect((await ok(server, DeleteJobMutation, { jobId })).deleteJob).toEqual({ __typename: 'Acknowledged', acknowledged: true });
      expect(await totalOwned(db, jobId)).toBe(0);
    });

    it('D11 audits the deletion with the task id, then "Job deleted"', async () => {
      const jobId = uniqueId('d11');
      await withData(server, jobId);
      const taskId = await asyncDelete(server, jobId);
      await finalTask(server, taskId);
      const notes = (await ok(server, NotificationsQuery, { jobId })).notifications.map((n) => n.message);
      expect(notes.slice(-2)).toEqual([`Deleting job by task with id '${taskId}'`, 'Job deleted']);
    });

    it('D12 answers Acknowledged when waiting, DeletionTask at once when not', async () => {
      const [a, b] = [uniqueId('d12-sync'), uniqueId('d12-async')];
      await withData(server, a);
      await withData(server, b);
      expect((await ok(server, DeleteJobMutation, { jobId: a })).deleteJob).toEqual({ __typename: 'Acknowledged', acknowledged: true });
      expect(await totalOwned(server.app.db, a)).toBe(0);
      const task = await asyncDelete(server, b);
      expect(task).toMatch(/^[^:]+:\d+$/);
    });

    it('D12 a synchronous call past SYNC_DELETE_TIMEOUT_MS answers with the task instead of hanging', async () => {
      const impatient = await startServer({ deleteBatchPauseMs: 250, syncDeleteTimeoutMs: 300 });
      try {
        const jobId = uniqueId('d12-timeout');
        await watchable(impatient, jobId);
        const data = (await ok(impatient, DeleteJobMutation, { jobId })).deleteJob;
        expect(data.__typename).toBe('DeletionTask');
        if (data.__typename !== 'DeletionTask') return;
        expect((await finalTask(impatient, data.task)).state).toBe('COMPLETED');
      } finally {
        await impatient.stop();
      }
    });
  });

  describe('one deletion per job (D13, D14)', () => {
    it('D13 six concurrent deleteJob calls, mixed modes and force, create exactly one task', async () => {
      const jobId = uniqueId('d13');
      await seed(slow, jobId, 20_000);
      const calls = [
        { waitForCompletion: false },
        { waitForCompletion: true },
        { waitForCompletion: false, force: true },
        { waitForCompletion: true, force: true },
        { waitForCompletion: false, deleteUserAnnotations: true },
        { waitForCompletion: true },
      ];
      const results = await Promise.all(calls.map((vars) => deleteJob(slow, { jobId, ...vars })));
      const tasks = await rowsOf<{ id: string }>(slow, 'SELECT id FROM tasks WHERE job_id = $1', [jobId]);
      expect(tasks).toHaveLength(1);
      // Each call answers in its own mode (D12), the ones not waiting with the one task.
      expect(results.map((r) => r.errors ?? r.data!.deleteJob)).toEqual(
        calls.map(({ waitForCompletion }) =>
          waitForCompletion ? { __typename: 'Acknowledged', acknowledged: true } : { __typename: 'DeletionTask', task: tasks[0].id },
        ),
      );
      expect(await totalOwned(slow.app.db, jobId)).toBe(0);
    });

    it.skipIf(unmet('D13 an attaching call still obeys D4 (holds tables from a second connection)', postgresServer()))(
      'D13 an attaching call still obeys D4: refused while the job is opened, joins once it is closed',
      async () => {
        // The forced deletion is held at two points with table locks on connections of the test's own
        // (nothing the accepting transaction touches): before it stops the job (it counts the
        // annotations first, D17) and after (it still has calendar memberships to delete, D9). So the
        // second call meets each state for sure, and each state has one right answer.
        const jobId = uniqueId('d13-d4');
        await watchable(slow, jobId, 'opened');
        const beforeStopping = await holdTable('annotations');
        const beforeFinishing = await holdTable('calendar_jobs');
        try {
          const taskId = await asyncDelete(slow, jobId, { force: true });
          expectError(
            await deleteJob(slow, { jobId, waitForCompletion: false }),
            'CONFLICT',
            `Cannot delete job [${jobId}] because the job is opened`,
          );
          await beforeStopping.release();
          await eventually(async () => expect((await ok(slow, JobQuery, { id: jobId })).job).toMatchObject({ deleting: true, state: 'CLOSED' }));
          expect((await deleteJob(slow, { jobId, waitForCompletion: false })).data!.deleteJob).toEqual({ __typename: 'DeletionTask', task: taskId });
          await beforeFinishing.release();
          expect((await finalTask(slow, taskId)).state).toBe('COMPLETED');
          expect(await taskCountFor(slow.app.db, jobId)).toBe(1);
        } finally {
          await beforeStopping.release();
          await beforeFinishing.release();
        }
      },
    );

    it('D14 a job re-created with the same id has none of the old data', async () => {
      const jobId = uniqueId('d14');
      await withData(server, jobId);
      await ok(server, DeleteJobMutation, { jobId });
      await putJob(server, jobId, [], storage);
      const job = (await ok(server, JobQuery, { id: jobId })).job!;
      expect(job).toMatchObject({ id: jobId, deleting: false, state: 'CLOSED' });
      expect(job.counts.total).toBe(0);
    });
  });

  describe('tasks (D15-D20)', () => {
    it('D15 D16 D17 D20 a subscriber over WebSocket sees QUEUED/RUNNING, rising progress, then COMPLETED at 100', async () => {
      const jobId = uniqueId('d15');
      await watchable(slow, jobId);
      const taskId = await asyncDelete(slow, jobId);
      const client = wsClient(slow);
      const events = (await wsSubscribe(client, TaskProgressSubscription, { id: taskId }).done).map((e) => e.data!.taskProgress);
      await client.dispose();
      const last = events.at(-1)!;
      expect(taskId).toMatch(/^[A-Za-z0-9_-]+:\d+$/);
      expect(last).toMatchObject({
        id: taskId,
        action: 'cluster:admin/xpack/ml/job/delete',
        description: `delete-job-${jobId}`,
        state: 'COMPLETED',
        completed: true,
        response: { acknowledged: true },
        error: null,
      });
      expect(last.progress).toMatchObject({ percent: 100, total: 11 + WATCHED_EXTRA, deleted: 11 + WATCHED_EXTRA }); // less the user annotation
      expect(events.length).toBeGreaterThan(3);
      for (let i = 1; i < events.length; i++) {
        expect(events[i].progress.deleted).toBeGreaterThanOrEqual(events[i - 1].progress.deleted);
        expect(events[i].progress.percent).toBeGreaterThanOrEqual(events[i - 1].progress.percent);
      }
      expect(events.slice(0, -1).every((e) => !e.completed && ['QUEUED', 'RUNNING'].includes(e.state))).toBe(true);
      expect(new Set(events.map((e) => e.progress.phase)).size).toBeGreaterThan(3);
      expect(BigInt(last.runningTimeNanos)).toBeGreaterThan(0n);
    });

    it('D16 task records outlive the job', async () => {
      const jobId = uniqueId('d16');
      await withData(server, jobId);
      const taskId = await asyncDelete(server, jobId);
      await finalTask(server, taskId);
      expect((await ok(server, JobQuery, { id: jobId })).job).toBeNull();
      expect((await ok(server, TaskQuery, { id: taskId })).task).toMatchObject({ id: taskId, state: 'COMPLETED' });
    });

    it('D19 an unknown task is null; taskProgress ends with NOT_FOUND; an id without ":" is malformed', async () => {
      const id = 'nonode:999999999';
      expect((await ok(server, TaskQuery, { id })).task).toBeNull();
      const notFound = {
        message: `task [${id}] isn't running and hasn't stored its results`,
        extensions: expect.objectContaining({ code: 'NOT_FOUND', status: 404 }),
      };
      // graphql-ws delivers a refusal at subscribe time as one result with errors, then completes.
      const client = wsClient(server);
      const wsEvents = await wsSubscribe(client, TaskProgressSubscription, { id }).done;
      expect(wsEvents).toHaveLength(1);
      expect(wsEvents[0].errors).toEqual([expect.objectContaining(notFound)]);
      await client.dispose();
      const sse = await sseSubscribe(server, TaskProgressSubscription, { id }).done;
      expect(sse).toHaveLength(1);
      expect(sse[0].errors).toEqual([expect.objectContaining(notFound)]);
      const malformed = await gql(server, TaskQuery, { id: 'nocolon' });
      expectError(malformed, 'BAD_USER_INPUT', 'malformed task id nocolon');
    });

    it('tasks(limit) answers the newest tasks first, at most limit; a limit outside 1..1000 is BAD_USER_INPUT', async () => {
      const jobIds = [uniqueId('limit-a'), uniqueId('limit-b')];
      for (const jobId of jobIds) {
        await putJob(server, jobId, [], storage);
        await ok(server, DeleteJobMutation, { jobId });
      }
      const actions = 'cluster:admin/xpack/ml/job/delete';
      const newest = (await ok(server, TasksQuery, { actions, limit: 2 })).tasks;
      expect(newest.map((t) => t.description)).toEqual([`delete-job-${jobIds[1]}`, `delete-job-${jobIds[0]}`]);
      expect((await ok(server, TasksQuery, { actions, limit: 1 })).tasks).toEqual([newest[0]]);
      for (const limit of [0, -1, 1001]) {
        expectError(
          await gql(server, TasksQuery, { actions, limit }),
          'BAD_USER_INPUT',

          `limit must be between 1 and 1000, got ${limit}`,
        );
      }
    });

    it('D20 works over SSE, and a late subscriber gets the current (terminal) state at once', async () => {
      const jobId = uniqueId('d20');
      await watchable(slow, jobId);
      const taskId = await asyncDelete(slow, jobId);
      const events = (await sseSubscribe(slow, TaskProgressSubscription, { id: taskId }).done).map((e) => e.data!.taskProgress);
      expect(events.at(-1)).toMatchObject({ state: 'COMPLETED', progress: { percent: 100 } });
      expect(events.length).toBeGreaterThan(2);
      const late = (await sseSubscribe(slow, TaskProgressSubscription, { id: taskId }).done).map((e) => e.data!.taskProgress);
      expect(late).toHaveLength(1);
      expect(late[0]).toMatchObject({ id: taskId, state: 'COMPLETED' });
    });

    it('a 1,000,000-row job deleted asynchronously streams rising progress, then COMPLETED, leaving no row', async () => {
      const jobId = uniqueId('million');
      await seed(slow, jobId, 1_000_000);
      // On the server that pauses after each step the deletion lasts long enough for progress to
      // be written between steps, also when its dedicated tables drop in milliseconds.
      // Connected first, so that the subscription starts as soon as the task exists.
      const client = await connectedWsClient(slow);
      const taskId = await asyncDelete(slow, jobId);
      const events = (await wsSubscribe(client, TaskProgressSubscription, { id: taskId }).done).map((e) => e.data!.taskProgress);
      await client.dispose();
      const running = events.filter((e) => e.state === 'RUNNING' && e.progress.deleted > 0);
      expect(running.length).toBeGreaterThanOrEqual(3);
      expect(new Set(running.map((e) => e.progress.percent)).size).toBeGreaterThanOrEqual(3);
      expect(events.at(-1)).toMatchObject({ state: 'COMPLETED', progress: { percent: 100, total: 1_000_000, deleted: 1_000_000 } });
      expect(await totalOwned(slow.app.db, jobId)).toBe(0);
      expect(await annotationCount(slow.app.db, jobId)).toBe(0);
    });
  });
});
