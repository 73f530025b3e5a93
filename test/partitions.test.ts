// Per-job partitions (src/jobs/partitions.ts, migration 20261129092220_job_partitions): a job's
// owned rows live in partitions of its own, created before its first rows and dropped by its
// deletion; nothing is left behind, whichever way the job row goes.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { finishDataMigrations, migrationsDir } from '../src/db/migrate.ts';
import { dropOrphanPartitions, ensurePartitions, partitionsOf } from '../src/jobs/partitions.ts';
import { COUNTED_TABLES } from '../src/jobs/row-counts.ts';
import { seedJob } from '../src/seed/seed.ts';
import { createScratchDatabase } from './support/databases.ts';
import { postgresServer, unmet } from './support/requirements.ts';
import { asyncDelete, finalTask, jobWithData, putJob } from './support/jobs.ts';
import { ok, rowsOf, startServer, uniqueId, type TestServer } from './support/server.ts';
import { DeleteJobMutation, TaskQuery } from './operations/documents.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const query = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => rowsOf<T>(server, sql, params);
const ALL = [...COUNTED_TABLES].sort();

describe('per-job partitions', () => {
  it('the tables a job owns through its foreign key are the ones partitioned by LIST (job_id), and only they', async () => {
    const partitioned = await query<{ table: string; key: string }>(
      `SELECT c.relname::text AS "table", pg_get_partkeydef(c.oid) AS key FROM pg_class c
       WHERE c.relkind = 'p' AND c.relnamespace = 'public'::regnamespace ORDER BY 1`,
    );
    expect(partitioned).toEqual(ALL.map((table) => ({ table, key: 'LIST (job_id)' })));
    expect((await query<{ t: string[] }>('SELECT job_parts.tables() AS t'))[0].t.sort()).toEqual(ALL);
  });

  it('a job has none until its first rows; ingesting creates them all, and its rows are in them', async () => {
    const bare = uniqueId('parts-bare');
    await putJob(server, bare);
    expect(await partitionsOf(server.app.db.pool, bare)).toEqual([]);
    const jobId = uniqueId('parts-ingest');
    await jobWithData(server, jobId);
    expect(await partitionsOf(server.app.db.pool, jobId)).toEqual(ALL);
    for (const table of COUNTED_TABLES) {
      const [{ own, all }] = await query<{ own: number; all: number }>(
        `SELECT (SELECT count(*)::int FROM job_parts.${await partitionName(table, jobId)}) AS own,
                (SELECT count(*)::int FROM ${table} WHERE job_id = $1) AS all`,
        [jobId],
      );
      expect(own, table).toBeGreaterThan(0);
      expect(own, table).toBe(all);
    }
  });

  it('a seeded job gets them too; an empty seed creates none', async () => {
    const seeded = uniqueId('parts-seed');
    await seedJob(server.app.db, seeded, 1000);
    expect(await partitionsOf(server.app.db.pool, seeded)).toEqual(ALL);
    const empty = uniqueId('parts-empty');
    await seedJob(server.app.db, empty, 0);
    expect(await partitionsOf(server.app.db.pool, empty)).toEqual([]);
  });

  it('a seed stopped half-way leaves no job, no partition and no row behind', async () => {
    const jobId = uniqueId('parts-aborted');
    const stop = new AbortController();
    const seeding = seedJob(server.app.db, jobId, 200_000, () => stop.abort(new Error('stopped by the test')), { signal: stop.signal });
    await expect(seeding).rejects.toThrow('stopped by the test');
    expect(await partitionsOf(server.app.db.pool, jobId)).toEqual([]);
    expect(await query('SELECT id FROM jobs WHERE id = $1', [jobId])).toEqual([]);
    expect(await query('SELECT job_id FROM job_row_counts WHERE job_id = $1', [jobId])).toEqual([]);
  });

  it('no partition for a job that does not exist or is being deleted', async () => {
    const unknown = uniqueId('parts-unknown');
    expect(await ensurePartitions(server.app.db.pool, unknown)).toBe(false);
    expect(await partitionsOf(server.app.db.pool, unknown)).toEqual([]);
    const deleting = uniqueId('parts-deleting');
    await putJob(server, deleting);
    await server.app.db.pool.query('UPDATE jobs SET deleting = true WHERE id = $1', [deleting]);
    expect(await ensurePartitions(server.app.db.pool, deleting)).toBe(false);
    expect(await partitionsOf(server.app.db.pool, deleting)).toEqual([]);
    await server.app.db.pool.query('DELETE FROM jobs WHERE id = $1', [deleting]);
  });

  it('deleteJob drops them, with the kept counts; other jobs keep theirs', async () => {
    const [gone, kept] = [uniqueId('parts-gone'), uniqueId('parts-kept')];
    await jobWithData(server, gone);
    await jobWithData(server, kept);
    expect((await ok(server, DeleteJobMutation, { jobId: gone })).deleteJob).toEqual({ __typename: 'Acknowledged', acknowledged: true });
    expect(await partitionsOf(server.app.db.pool, gone)).toEqual([]);
    expect(await query('SELECT * FROM job_row_counts WHERE job_id = $1', [gone])).toEqual([]);
    expect(await partitionsOf(server.app.db.pool, kept)).toEqual(ALL);
  });

  it('a job row removed by hand: the cascade empties its partitions, and dropOrphanPartitions (the sweep) drops them', async () => {
    const jobId = uniqueId('parts-orphan');
    await jobWithData(server, jobId);
    await server.app.db.pool.query('DELETE FROM jobs WHERE id = $1', [jobId]);
    expect(await partitionsOf(server.app.db.pool, jobId)).toEqual(ALL);
    // At most 50 a call, in no given order (other files' orphans may be there too): until none is left.
    let dropped = 0;
    for (let n = await dropOrphanPartitions(server.app.db.pool); n > 0; n = await dropOrphanPartitions(server.app.db.pool)) dropped += n;
    expect(dropped).toBeGreaterThanOrEqual(ALL.length);
    expect(await partitionsOf(server.app.db.pool, jobId)).toEqual([]);
  });
});

describe('partitions under concurrency', () => {
  it('jobs being deleted while others get their first rows (both lock the parent tables): every call succeeds', async () => {
    const doomed = Array.from({ length: 4 }, () => uniqueId('parts-doomed'));
    for (const jobId of doomed) await jobWithData(server, jobId);
    const fresh = Array.from({ length: 4 }, () => uniqueId('parts-fresh'));
    const [tasks] = await Promise.all([
      Promise.all(doomed.map((jobId) => asyncDelete(server, jobId))),
      Promise.all(fresh.map((jobId) => jobWithData(server, jobId))),
    ]);
    for (const task of tasks) expect((await finalTask(server, task)).state).toBe('COMPLETED');
    for (const jobId of doomed) expect(await partitionsOf(server.app.db.pool, jobId)).toEqual([]);
    for (const jobId of fresh) expect(await partitionsOf(server.app.db.pool, jobId)).toEqual(ALL);
  });
});

// Holding a lock needs a second connection, which the embedded database (one session) has not.
describe.skipIf(unmet('the long-transaction check (a second connection)', postgresServer()))('a parent table held by a long transaction', () => {
  it('the deletion waits without failing (trying again), then completes once the transaction ends', async () => {
    const [held, other] = [uniqueId('parts-held'), uniqueId('parts-reader')];
    await jobWithData(server, held);
    await jobWithData(server, other);
    const reader = await server.app.db.pool.connect();
    try {
      // A reader of another job's records, in a transaction left open: it holds the parent.
      await reader.query('BEGIN');
      await reader.query('SELECT count(*) FROM records WHERE job_id = $1', [other]);
      const task = await asyncDelete(server, held);
      await new Promise((r) => setTimeout(r, 1_000));
      const mid = (await ok(server, TaskQuery, { id: task })).task!;
      expect(mid.state).toBe('RUNNING');
      expect(await partitionsOf(server.app.db.pool, held)).toContain('records');
      await reader.query('COMMIT');
      expect((await finalTask(server, task)).state).toBe('COMPLETED');
      expect(await partitionsOf(server.app.db.pool, held)).toEqual([]);
    } finally {
      await reader.query('ROLLBACK').catch(() => {});
      reader.release();
    }
  });
});

async function partitionName(table: string, jobId: string): Promise<string> {
  return (await query<{ name: string }>('SELECT quote_ident(job_parts.partition_name($1, $2)) AS name', [table, jobId]))[0].name;
}

// Replays the migrations by hand on a scratch database, with rows written between the last
// migration before partitioning and that one, then finishes them as a start does: the
// partitioning must keep every row, its id sequence and its keys.
const serverUrl = inject('databaseUrl');

describe.skipIf(unmet('the partitioning-migration check (a scratch database)', postgresServer()))('the partitioning migration', () => {
  it('moves the rows jobs already own into their partitions, keeping ids and sequences', async () => {
    const scratch = await createScratchDatabase(serverUrl!, 'mlparts');
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      const migrations = readdirSync(migrationsDir)
        .filter((d) => /^\d+_/.test(d))
        .sort();
      const at = migrations.findIndex((d) => d.endsWith('_job_partitions'));
      const apply = (dir: string) => client.query(readFileSync(join(migrationsDir, dir, 'migration.sql'), 'utf8'));
      for (const dir of migrations.slice(0, at)) await apply(dir);
      await client.query(
        `INSERT INTO jobs (id, analysis_config, updated_at) VALUES ('old-a', '{}', now()), ('old-b', '{}', now()), ('old-c', '{}', now())`,
      );
      await client.query(
        `INSERT INTO records (job_id, timestamp, record_score) SELECT j, now(), g FROM unnest(ARRAY['old-a', 'old-b']) j, generate_series(1, 500) g`,
      );
      await client.query(`INSERT INTO model_snapshots (job_id, snapshot_id, timestamp) VALUES ('old-a', 's1', now()), ('old-b', 's1', now())`);
      const before = (await client.query(`SELECT job_id, id::text FROM records ORDER BY id`)).rows;
      for (const dir of migrations.slice(at)) await apply(dir);
      // The rows wait aside until a start moves them, one job per transaction.
      expect((await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM job_parts_legacy.records`)).rows[0].n).toBe(1000);
      expect(await finishDataMigrations(scratch.url)).toBe(2);
      expect((await client.query(`SELECT to_regnamespace('job_parts_legacy') AS legacy`)).rows[0].legacy).toBeNull();
      expect(await finishDataMigrations(scratch.url)).toBe(0);

      expect((await client.query(`SELECT job_id, id::text FROM records ORDER BY id`)).rows).toEqual(before);
      const own = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM job_parts."records_${md5('old-a')}"`);
      expect(own.rows[0].n).toBe(500);
      // The jobs with rows got their partitions; old-c gets them with its first rows, like any job.
      const parts = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'job_parts'::regnamespace AND relkind = 'r'`,
      );
      expect(parts.rows[0].n).toBe(2 * COUNTED_TABLES.length);
      await client.query(`SELECT job_parts.ensure_partitions('old-c')`);
      // New rows continue the old id sequence, and the snapshot key still holds.
      const next = await client.query<{ id: string }>(
        `INSERT INTO records (job_id, timestamp, record_score) VALUES ('old-c', now(), 1) RETURNING id::text`,
      );
      expect(BigInt(next.rows[0].id)).toBeGreaterThan(BigInt(before.at(-1)!.id));
      await expect(client.query(`INSERT INTO model_snapshots (job_id, snapshot_id, timestamp) VALUES ('old-a', 's1', now())`)).rejects.toThrow(
        /duplicate key/,
      );
    } finally {
      await client.end();
      await scratch.drop();
    }
  });
});

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}
