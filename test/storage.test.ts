// Storage (src/jobs/storage.ts, migration 20261201110000_shared_storage): a job's rows live in
// the tables shared by all jobs unless it asked for dedicated storage, which gives it tables of
// its own, dropped by its deletion. Nothing is left behind, whichever way the job row goes, and
// no statement takes locks in proportion to the number of jobs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { postgresServer, unmet } from './support/requirements.ts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrationsDir } from '../src/db/prisma-files.ts';
import { replicaModeAllowed } from '../src/db/replica-mode.ts';
import { upgradeLegacyStorage } from '../src/jobs/legacy-upgrade.ts';
import { JOB_TABLES, OWNED_TABLES } from '../src/jobs/owned-tables.ts';
import { dedicatedTableName, dedicatedTablesOf, dropOrphanTables } from '../src/jobs/storage.ts';
import { STEPS } from '../src/deletion/plan.ts';
import { fleetIds, seedFleet, seedJob } from '../src/seed/seed.ts';
import { createScratchDatabase } from './support/databases.ts';
import { asyncDelete, finalTask, jobWithData, putJob } from './support/jobs.ts';
import { gql, ok, rowsOf, startServer, uniqueId, type TestServer } from './support/server.ts';
import { until } from './support/wait.ts';
import { DeleteJobMutation, JobQuery, JobStorageQuery, PutJobMutation, TaskQuery } from './operations/documents.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const query = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => rowsOf<T>(server, sql, params);
const ALL = [...JOB_TABLES];
const sharedRows = async (jobId: string): Promise<Record<string, number>> =>
  Object.fromEntries(
    await Promise.all(
      JOB_TABLES.map(async (t) => [t, (await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t} WHERE job_id = $1`, [jobId]))[0].n]),
    ),
  );

describe('one descriptor of what a job owns', () => {
  it('the SQL, the plan and the counts follow src/jobs/owned-tables.ts', async () => {
    expect((await query<{ t: string[] }>('SELECT job_parts.tables() AS t'))[0].t).toEqual(ALL);
    expect(STEPS.map((s) => s.table)).toEqual(OWNED_TABLES.map((t) => t.table));
    const jobId = 'some-job_1';
    const names = await query<{ t: string; name: string }>(`SELECT t, job_parts.table_name(t, $1) AS name FROM unnest(job_parts.tables()) AS t`, [
      jobId,
    ]);
    expect(names).toEqual(ALL.map((t) => ({ t, name: dedicatedTableName(t, jobId) })));
    // Every job table is a plain table with job_id -> jobs(id) ON DELETE CASCADE (database.test.ts checks the contract).
    const kinds = await query<{ table: string; kind: string }>(
      `SELECT relname::text AS "table", relkind::text AS kind FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relname = ANY($1) ORDER BY 1`,
      [ALL],
    );
    expect(kinds).toEqual([...ALL].sort().map((table) => ({ table, kind: 'r' })));
  });
});

// The functions' current copy (prisma/sql/job_parts.sql) against what the migrations left in the
// test database: both sets of definitions, as PostgreSQL prints them, must be equal.
const serverUrl = inject('databaseUrl');
if (!serverUrl)
  console.log('[tests] skipping the SQL-function drift and upgrade checks: they need a PostgreSQL server (DATABASE_URL) for scratch databases');

const functionsOf = async (client: Pick<pg.Client, 'query'>) =>
  (
    await client.query<{ name: string; def: string }>(
      `SELECT p.proname::text AS name, pg_get_functiondef(p.oid) AS def FROM pg_proc p WHERE p.pronamespace = 'job_parts'::regnamespace ORDER BY 1`,
    )
  ).rows;

describe.skipIf(unmet('storage: SQL functions', postgresServer()))('SQL functions', () => {
  it('prisma/sql/job_parts.sql is what the migrations leave in the database (no drift)', async () => {
    const scratch = await createScratchDatabase(serverUrl!, 'mlfuncs');
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      await client.query(`SET check_function_bodies = off; CREATE SCHEMA job_parts;`);
      await client.query(readFileSync(resolve('prisma/sql/job_parts.sql'), 'utf8'));
      const fromFile = await functionsOf(client);
      expect(fromFile.length).toBeGreaterThan(5);
      expect(await functionsOf(server.app.db.pool)).toEqual(fromFile);
    } finally {
      await client.end();
      await scratch.drop();
    }
  });
});

describe('shared storage (the default)', () => {
  it('creating a job and its first rows runs no DDL; its rows are in the shared tables', async () => {
    const jobId = uniqueId('shared');
    const relations = async () =>
      (await query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'job_parts'::regnamespace`))[0].n;
    const before = await relations();
    await jobWithData(server, jobId);
    expect(await relations()).toBe(before);
    expect(await dedicatedTablesOf(server.app.db.pool, jobId)).toEqual([]);
    expect((await ok(server, JobStorageQuery, { id: jobId })).job).toEqual({ id: jobId, storage: 'SHARED', resultsIndexName: 'shared' });
    expect(Object.values(await sharedRows(jobId)).every((n) => n > 0)).toBe(true);
  });
});

describe('dedicated storage', () => {
  it('putJob(dedicatedStorage) gives the job its tables; its rows go there, not to the shared tables; deleteJob drops them', async () => {
    const [jobId, other] = [uniqueId('dedicated'), uniqueId('dedicated-other')];
    await putJob(server, jobId, [], 'DEDICATED');
    expect(await dedicatedTablesOf(server.app.db.pool, jobId)).toEqual(ALL);
    expect((await ok(server, JobStorageQuery, { id: jobId })).job).toEqual({ id: jobId, storage: 'DEDICATED', resultsIndexName: `custom-${jobId}` });
    await server.app.db.pool.query('DELETE FROM jobs WHERE id = $1', [jobId]);
    await dropAllOrphans();

    await jobWithData(server, jobId, 'closed', 'DEDICATED');
    await jobWithData(server, other, 'closed', 'DEDICATED');
    expect(Object.values(await sharedRows(jobId)).every((n) => n === 0)).toBe(true);
    for (const table of JOB_TABLES) {
      const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM job_parts."${dedicatedTableName(table, jobId)}"`);
      expect(n, table).toBeGreaterThan(0);
    }
    expect((await ok(server, JobQuery, { id: jobId })).job!.counts).toMatchObject({ total: 12, modelStateDocs: 4, buckets: 1 });
    // The CHECK keeps another job's rows out.
    await expect(
      server.app.db.pool.query(
        `INSERT INTO job_parts."${dedicatedTableName('buckets', jobId)}" (job_id, timestamp, bucket_span_seconds, anomaly_score) VALUES ($1, now(), 1, 1)`,
        [other],
      ),
    ).rejects.toThrow(/check constraint/);

    expect((await ok(server, DeleteJobMutation, { jobId })).deleteJob).toEqual({ __typename: 'Acknowledged', acknowledged: true });
    expect(await dedicatedTablesOf(server.app.db.pool, jobId)).toEqual([]);
    expect(await query('SELECT * FROM job_row_counts WHERE job_id = $1', [jobId])).toEqual([]);
    expect(await dedicatedTablesOf(server.app.db.pool, other)).toEqual(ALL);
  });

  it('a seeded dedicated job gets them too; a seed stopped half-way leaves no job, table or row', async () => {
    const seeded = uniqueId('dedicated-seed');
    const result = await seedJob(server.app.db, seeded, 1000, undefined, { storage: 'DEDICATED' });
    expect(await dedicatedTablesOf(server.app.db.pool, seeded)).toEqual(ALL);
    expect((await ok(server, JobQuery, { id: seeded })).job!.counts.total).toBe(result.total);
    const jobId = uniqueId('dedicated-aborted');
    const stop = new AbortController();
    const seeding = seedJob(server.app.db, jobId, 200_000, () => stop.abort(new Error('stopped by the test')), {
      signal: stop.signal,
      storage: 'DEDICATED',
    });
    await expect(seeding).rejects.toThrow('stopped by the test');
    expect(await dedicatedTablesOf(server.app.db.pool, jobId)).toEqual([]);
    expect(await query('SELECT id FROM jobs WHERE id = $1', [jobId])).toEqual([]);
    expect(await query('SELECT job_id FROM job_row_counts WHERE job_id = $1', [jobId])).toEqual([]);
  });

  it('a job row removed by hand leaves its tables, which dropOrphanTables (the sweep) drops', async () => {
    const jobId = uniqueId('dedicated-orphan');
    await jobWithData(server, jobId, 'closed', 'DEDICATED');
    await server.app.db.pool.query('DELETE FROM jobs WHERE id = $1', [jobId]);
    expect(await dedicatedTablesOf(server.app.db.pool, jobId)).toEqual(ALL);
    expect(await dropAllOrphans()).toBeGreaterThanOrEqual(ALL.length);
    expect(await dedicatedTablesOf(server.app.db.pool, jobId)).toEqual([]);
  });

  it('past MAX_DEDICATED_JOBS putJob answers BAD_USER_INPUT and creates nothing; shared jobs are not bounded', async () => {
    // A bound of one, reached on the bounded server's own database (without DATABASE_URL each
    // server has an embedded database of its own).
    const bounded = await startServer({ maxDedicatedJobs: 1 });
    try {
      const dedicatedJobs = async () =>
        (await bounded.app.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE storage = 'DEDICATED'`)).rows[0].n;
      if ((await dedicatedJobs()) === 0) await jobWithData(bounded, uniqueId('dedicated-first'), 'closed', 'DEDICATED');
      expect(await dedicatedJobs()).toBeGreaterThanOrEqual(1);
      const jobId = uniqueId('dedicated-over');
      const refused = await gql(bounded, PutJobMutation, { input: { jobId, analysisConfig: {}, dedicatedStorage: true } });
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors![0].message).toMatch(/MAX_DEDICATED_JOBS/);
      expect((await bounded.app.db.pool.query('SELECT id FROM jobs WHERE id = $1', [jobId])).rows).toEqual([]);
      expect(await dedicatedTablesOf(bounded.app.db.pool, jobId)).toEqual([]);
      expect((await ok(bounded, PutJobMutation, { input: { jobId, analysisConfig: {} } })).putJob.id).toBe(jobId);
    } finally {
      await bounded.stop();
    }
  });
});

/** Drops orphaned dedicated tables until none is left (at most 50 a call; other files' may be there too). */
async function dropAllOrphans(): Promise<number> {
  let dropped = 0;
  for (let n = await dropOrphanTables(server.app.db.pool); n > 0; n = await dropOrphanTables(server.app.db.pool)) dropped += n;
  return dropped;
}

// Holding a lock needs a second connection, which the embedded database (one session) has not.
if (!serverUrl) console.log('[tests] skipping the long-transaction and lock checks: they need a second connection and scratch databases');
describe.skipIf(unmet('storage: a dedicated table held by a long transaction', postgresServer()))(
  'a dedicated table held by a long transaction',
  () => {
    it('the deletion waits without failing (trying again), then completes once the transaction ends', async () => {
      const held = uniqueId('dedicated-held');
      await jobWithData(server, held, 'closed', 'DEDICATED');
      const reader = await server.app.db.pool.connect();
      try {
        // A reader of the job's own records, in a transaction left open: it holds the table.
        await reader.query('BEGIN');
        await reader.query(`SELECT count(*) FROM job_parts."${dedicatedTableName('records', held)}"`);
        const task = await asyncDelete(server, held);
        // Each try of drop_table is a statement of its own that waits for the table's lock: two
        // waits with different start times are a try given up after its lock_timeout, then another.
        const tries = new Set<string>();
        await until('a second try at the held table', async () => {
          const { rows } = await server.app.db.pool.query<{ started: string }>(
            `SELECT a.query_start::text AS started FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE l.relation = to_regclass($1) AND NOT l.granted`,
            [`job_parts."${dedicatedTableName('records', held)}"`],
          );
          for (const row of rows) tries.add(row.started);
          return tries.size >= 2;
        });
        expect((await ok(server, TaskQuery, { id: task })).task!.state).toBe('RUNNING');
        expect(await dedicatedTablesOf(server.app.db.pool, held)).toContain('records');
        await reader.query('COMMIT');
        expect((await finalTask(server, task)).state).toBe('COMPLETED');
        expect(await dedicatedTablesOf(server.app.db.pool, held)).toEqual([]);
      } finally {
        await reader.query('ROLLBACK').catch(() => {});
        reader.release();
      }
    });
  },
);

// Locks at many jobs, on a database of its own (nobody else's statements mix in): the final
// transaction of a deletion is held at its audit line (the test holds the notifications table)
// and its locks are counted from this connection. At 20 and at 300 dedicated jobs (plus shared
// ones) the count must be the same; so must an unfiltered read's and a repeated raw cascade's.
describe.skipIf(unmet('storage: locks do not grow with the number of jobs', postgresServer()))('locks do not grow with the number of jobs', () => {
  it('deletion (dedicated and shared), raw cascade and an unfiltered read: the same locks at 20 and 300 dedicated jobs', async () => {
    const scratch = await createScratchDatabase(serverUrl!, 'mllocks');
    const own = await startServer({ databaseUrl: scratch.url, deleteBatchPauseMs: 300 });
    const probe = new pg.Client({ connectionString: scratch.url });
    await probe.connect();
    try {
      await seedFleet(own.app.db, { jobs: 200, results: 40, prefix: 'many-shared-' });
      const measure = async (tag: string) => {
        const dedicated = uniqueId(`${tag}-d`);
        const shared = uniqueId(`${tag}-s`);
        await seedJob(own.app.db, dedicated, 20_000, undefined, { storage: 'DEDICATED' });
        await seedJob(own.app.db, shared, 20_000);
        return {
          dedicatedDeletion: await finalTransactionLocks(own, probe, dedicated),
          sharedDeletion: await finalTransactionLocks(own, probe, shared),
          rawCascade: await rawCascadeLocks(probe),
          smallJobAtOnce: await smallJobAtOnceLocks(probe),
          unfilteredRead: await locksOf(probe, ['SELECT count(*) FROM records', 'SELECT count(*) FROM model_snapshots']),
        };
      };
      await seedFleet(own.app.db, { jobs: 20, results: 40, prefix: 'few-dedicated-', storage: 'DEDICATED' });
      const few = await measure('few');
      await seedFleet(own.app.db, { jobs: 280, results: 40, prefix: 'more-dedicated-', storage: 'DEDICATED' });
      const [{ n }] = (await probe.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE storage = 'DEDICATED'`)).rows;
      expect(n).toBe(300);
      const many = await measure('many');
      // Equal but for a plan choice (an index more or less as the tables' statistics move).
      for (const [figure, count] of Object.entries(few)) {
        expect(count, figure).toBeLessThan(60);
        expect(many[figure as keyof typeof few], figure).toBeLessThanOrEqual(count + 2);
      }
    } finally {
      await probe.end();
      await own.stop();
      await scratch.drop();
    }
  }, 240_000);
});

/** Locks `client` holds after running `statements` in one transaction (rolled back). */
async function locksOf(client: pg.Client, statements: string[], check?: (rows: unknown[]) => void): Promise<number> {
  await client.query('BEGIN');
  try {
    for (const sql of statements) check?.((await client.query(sql)).rows);
    return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation'`))
      .rows[0].n;
  } finally {
    await client.query('ROLLBACK');
  }
}

/**
 * Raw cascades of shared jobs, seven in one session (the cascade's cached plans turn generic
 * after five): the most relation locks one DELETE held, each rolled back.
 */
async function rawCascadeLocks(client: pg.Client): Promise<number> {
  const ids = (await client.query<{ id: string }>(`SELECT id FROM jobs WHERE id LIKE 'many-shared-%' ORDER BY id LIMIT 7`)).rows.map((r) => r.id);
  let locks = 0;
  for (const id of ids) locks = Math.max(locks, await locksOf(client, [`DELETE FROM jobs WHERE id = '${id}'`]));
  return locks;
}

/**
 * A waiting deleteJob's one statement for small shared jobs (job_parts.delete_small_job), seven
 * in one session (its statements' cached plans and the cascade's turn generic after five): the
 * most relation locks one call held, each rolled back.
 */
async function smallJobAtOnceLocks(client: pg.Client): Promise<number> {
  const ids = (await client.query<{ id: string }>(`SELECT id FROM jobs WHERE id LIKE 'many-shared-%' ORDER BY id LIMIT 7`)).rows.map((r) => r.id);
  let locks = 0;
  for (const id of ids) {
    const call = `SELECT outcome FROM job_parts.delete_small_job('${id}', false, false, 5000, 'n', 'n:', 'a', 'd', 'm %s', 'gone')`;
    const held = await locksOf(client, [call], (rows) => expect(rows).toEqual([{ outcome: 'deleted' }]));
    locks = Math.max(locks, held);
  }
  return locks;
}

/** Starts deleting `jobId` on `s`, holds its final transaction at the audit line, and counts that transaction's relation locks. */
async function finalTransactionLocks(s: TestServer, probe: pg.Client, jobId: string): Promise<number> {
  const task = await asyncDelete(s, jobId);
  await probe.query('BEGIN');
  let locks = -1;
  try {
    // Steps pause 300 ms each (the server's DELETE_BATCH_PAUSE_MS): the final transaction is still to come.
    await probe.query('LOCK TABLE notifications IN SHARE MODE');
    for (let i = 0; i < 400 && locks < 0; i++) {
      const waiting = await probe.query<{ pid: number }>(`SELECT pid FROM pg_locks WHERE relation = 'notifications'::regclass AND NOT granted`);
      if (waiting.rows.length === 1) {
        const pid = waiting.rows[0].pid;
        locks = (
          await probe.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE pid = $1 AND granted AND locktype = 'relation'`, [pid])
        ).rows[0].n;
      } else await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    await probe.query('COMMIT');
  }
  expect(locks, 'the final transaction was seen waiting').toBeGreaterThan(0);
  expect((await finalTask(s, task)).state).toBe('COMPLETED');
  return locks;
}

describe('the fleet seed', () => {
  it('creates many CLOSED jobs, each owning exactly --results rows, with their kept counts; the catalog does not grow', async () => {
    const prefix = `${uniqueId('fleet')}-`;
    // (Other files' dedicated tables come and go meanwhile in job_parts: the shared tables' schema is counted.)
    const relations = async () =>
      (await query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace`))[0].n;
    const before = await relations();
    const result = await seedFleet(server.app.db, { jobs: 1200, results: 40, prefix });
    expect(result).toMatchObject({ jobs: 1200, rows: 48_000 });
    expect(await relations()).toBe(before);
    const ids = fleetIds(1200, prefix);
    expect(ids[0]).toBe(`${prefix}0001`);
    const [row] = await query<{ jobs: number; closed: number }>(
      `SELECT count(*)::int AS jobs, count(*) FILTER (WHERE state = 'CLOSED')::int AS closed FROM jobs WHERE id = ANY($1)`,
      [ids],
    );
    expect(row).toEqual({ jobs: 1200, closed: 1200 });
    for (const id of [ids[0], ids[599], ids[1199]]) {
      const counts = (await ok(server, JobQuery, { id })).job!.counts;
      expect(counts.total).toBe(40);
      const real = await sharedRows(id);
      expect(counts).toMatchObject({ buckets: real.buckets, records: real.records, modelStateDocs: real.model_state_docs });
    }
    // A second run over the same ids refuses (CONFLICT) and adds nothing.
    await expect(seedFleet(server.app.db, { jobs: 1200, results: 40, prefix })).rejects.toThrow(/already exists/);
    expect((await query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE id LIKE $1`, [`${prefix}%`]))[0].n).toBe(1200);
  });
});

// Replays the migrations by hand on a scratch database holding data of the previous layout (one
// partition per job), then upgrades it as a start does, in steps: the jobs move to the shared
// tables, keeping every row, its id and the kept counts; an interrupted upgrade carries on.
describe.skipIf(unmet('storage: the upgrade from per-job partitions', postgresServer()))('the upgrade from per-job partitions', () => {
  it('moves every job into the shared tables, one per transaction, resumable; nothing lost; the old layout is gone', async () => {
    const scratch = await createScratchDatabase(serverUrl!, 'mlupgrade');
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      const migrations = readdirSync(migrationsDir)
        .filter((d) => /^\d+_/.test(d))
        .sort();
      const at = migrations.findIndex((d) => d.endsWith('_shared_storage'));
      const apply = (dir: string) => client.query(readFileSync(join(migrationsDir, dir, 'migration.sql'), 'utf8'));
      for (const dir of migrations.slice(0, at)) await apply(dir);
      // The previous version's layout: partitions per job, created by its functions; rows and counts written as it wrote them.
      const old = ['old-a', 'old-b', 'old-c', 'old-gone'];
      await client.query(`INSERT INTO jobs (id, analysis_config, updated_at) SELECT unnest($1::text[]), '{}', now()`, [old]);
      for (const id of old) await client.query(`SELECT job_parts.ensure_partitions($1)`, [id]);
      await client.query(
        `INSERT INTO records (job_id, timestamp, record_score) SELECT j, now(), g FROM unnest(ARRAY['old-a', 'old-b', 'old-gone']) j, generate_series(1, 500) g`,
      );
      await client.query(`INSERT INTO model_snapshots (job_id, snapshot_id, timestamp) VALUES ('old-a', 's1', now()), ('old-b', 's1', now())`);
      await client.query(`INSERT INTO job_row_counts (job_id, kind, rows) SELECT job_id, 'records', count(*) FROM records GROUP BY job_id`);
      await client.query(
        `INSERT INTO job_row_counts (job_id, kind, rows) SELECT job_id, 'model_snapshots', count(*) FROM model_snapshots GROUP BY job_id`,
      );
      const before = (await client.query(`SELECT job_id, id::text FROM records WHERE job_id <> 'old-gone' ORDER BY records.id`)).rows;

      for (const dir of migrations.slice(at)) await apply(dir);
      // Served meanwhile: a job not yet moved takes new rows (in the shared tables) and counts them all.
      await client.query(`INSERT INTO records (job_id, timestamp, record_score) VALUES ('old-a', now(), 1)`);
      await client.query(`UPDATE job_row_counts SET rows = rows + 1 WHERE job_id = 'old-a' AND kind = 'records'`);
      // A job being deleted meanwhile loses its old rows with its partitions.
      await client.query(`UPDATE jobs SET deleting = true WHERE id = 'old-gone'`);

      // Interrupted after one job: the next run carries on.
      const stop = new AbortController();
      expect(await upgradeLegacyStorage(client, stop.signal, () => stop.abort())).toBe(1);
      expect(await upgradeLegacyStorage(client)).toBe(3);
      expect((await client.query(`SELECT to_regnamespace('job_parts_by_job') AS s`)).rows[0].s).toBeNull();
      expect(await upgradeLegacyStorage(client)).toBe(0);

      const after = (await client.query(`SELECT job_id, id::text FROM records WHERE job_id <> 'old-gone' ORDER BY records.id`)).rows;
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after).toHaveLength(before.length + 1);
      const counts = (await client.query(`SELECT job_id, kind, rows::int FROM job_row_counts ORDER BY 1, 2`)).rows;
      expect(counts).toEqual([
        { job_id: 'old-a', kind: 'model_snapshots', rows: 1 },
        { job_id: 'old-a', kind: 'records', rows: 501 },
        { job_id: 'old-b', kind: 'model_snapshots', rows: 1 },
        { job_id: 'old-b', kind: 'records', rows: 500 },
        { job_id: 'old-gone', kind: 'records', rows: 0 },
      ]);
      expect((await client.query(`SELECT count(*)::int AS n FROM records WHERE job_id = 'old-gone'`)).rows[0].n).toBe(0);
      // No partition and no partitioned table is left; ids continue the old sequence; the snapshot key holds.
      const left = await client.query(`SELECT relname FROM pg_class WHERE relkind = 'p' OR relispartition`);
      expect(left.rows).toEqual([]);
      const next = await client.query<{ id: string }>(
        `INSERT INTO records (job_id, timestamp, record_score) VALUES ('old-c', now(), 1) RETURNING id::text`,
      );
      expect(BigInt(next.rows[0].id)).toBeGreaterThan(BigInt(after.at(-1)!.id));
      await expect(client.query(`INSERT INTO model_snapshots (job_id, snapshot_id, timestamp) VALUES ('old-a', 's1', now())`)).rejects.toThrow(
        /duplicate key/,
      );
    } finally {
      await client.end();
      await scratch.drop();
    }
  });
});

describe.skipIf(unmet('storage: a deletion by a role that may not use replica mode', postgresServer()))(
  'a role that may not set session_replication_role',
  () => {
    it('seeds and deletes a big shared job through the cascade path instead: every row gone, the job gone', async () => {
      // A database owned by a plain role (no superuser, no SET privilege on the parameter): the
      // server migrates and serves as that role, so the final delete must take the cascade.
      const role = `mljobs_plain_${process.pid}`;
      const name = `mlplain_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER`);
      await admin.query(`CREATE DATABASE ${name} OWNER ${role}`);
      const url = new URL(serverUrl!);
      url.username = role;
      url.pathname = `/${name}`;
      const plain = await startServer({ databaseUrl: url.toString() });
      try {
        expect(await replicaModeAllowed(plain.app.db.pool, ['jobs'])).toBe(false);
        const jobId = uniqueId('plain-role');
        await seedJob(plain.app.db, jobId, 20_000); // over SMALL_JOB_ROWS: the batched path
        expect((await ok(plain, DeleteJobMutation, { jobId })).deleteJob).toEqual({ __typename: 'Acknowledged', acknowledged: true });
        for (const table of [...JOB_TABLES, 'annotations']) {
          const { rows } = await plain.app.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE job_id = $1`, [jobId]);
          expect(rows[0].n, table).toBe(0);
        }
        expect((await ok(plain, JobQuery, { id: jobId })).job).toBeNull();
      } finally {
        await plain.stop();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.query(`DROP ROLE IF EXISTS ${role}`);
        await admin.end();
      }
    }, 120_000);
  },
);
