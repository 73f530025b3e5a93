// Where a job's rows live. By default in the tables shared by all jobs (`public.<table>`):
// creating a job or writing its first rows runs no DDL, the catalog does not grow with jobs, and
// every statement on them locks the same few relations whatever the number of jobs. A job
// created with dedicated storage (putJob's dedicatedStorage; Elasticsearch's "dedicated index")
// has tables of its own, `job_parts.<table>_<md5(id)>`, which its deletion drops in O(1).
// Dedicated tables have no foreign key (each would add a cascade to every job's deletion) and
// no parent (a partitioned parent is locked with all its partitions by every unpruned
// statement), so their number adds no lock to any other job's statements; it is bounded
// (MAX_DEDICATED_JOBS) because pg_dump and the catalog still pay per table.
// The DDL lives in SQL functions (prisma/sql/job_parts.sql); this module is the code's only way
// to them.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { PG } from '../db/pg-errors.ts';
import type { JobStorage, Prisma } from '../generated/prisma/client.ts';
import { JOB_TABLES, type JobTable } from './owned-tables.ts';

type Queryable = Pick<pg.Pool, 'query'>;

/** The schema of dedicated tables (and of the previous layout's partitions until they are moved). */
export const DEDICATED_SCHEMA = 'job_parts';

/** job_parts.table_name(): the dedicated table of `table` for the job. */
export const dedicatedTableName = (table: JobTable, jobId: string) => `${table}_${createHash('md5').update(jobId).digest('hex')}`;

/** The relation holding the job's rows of `table`, quoted for SQL (names come from OWNED_TABLES and an md5, never from input). */
export function relationOf(storage: JobStorage, table: JobTable, jobId: string): string {
  return storage === 'DEDICATED' ? `${DEDICATED_SCHEMA}."${dedicatedTableName(table, jobId)}"` : `public."${table}"`;
}

/** What Job.resultsIndexName shows, after Elasticsearch's `.ml-anomalies-shared` / `.ml-anomalies-custom-<name>`. */
export const resultsIndexName = (storage: JobStorage, jobId: string) => (storage === 'DEDICATED' ? `custom-${jobId}` : 'shared');

/** Creates the job's dedicated tables (those missing), in the caller's transaction when it has one. */
export async function createDedicatedTables(on: Queryable | Prisma.TransactionClient, jobId: string): Promise<void> {
  if ('$executeRaw' in on) await on.$executeRaw`SELECT job_parts.create_tables(${jobId})`;
  else await on.query('SELECT job_parts.create_tables($1)', [jobId]);
}

/**
 * Drops the job's dedicated tables of `tables` with their kept row counts, atomically, in one
 * commit; answers how many rows went (by those counts). Tables already gone count 0. Each try
 * waits at most the function's lock_timeout (200 ms) for the tables (only a reader of this job's
 * rows holds one); then it tries again, a little later each time (from 50 ms up to 2 s), until
 * `signal` aborts.
 */
export async function dropDedicatedTables(on: Queryable, tables: readonly JobTable[], jobId: string, signal?: AbortSignal): Promise<number> {
  for (let pause = FIRST_RETRY_MS; ; pause = Math.min(MAX_RETRY_MS, pause * 2)) {
    try {
      const { rows } = await on.query<{ n: string }>('SELECT job_parts.drop_tables($1, $2)::text AS n', [tables, jobId]);
      return Number(rows[0].n);
    } catch (err) {
      if ((err as { code?: string }).code !== PG.LOCK_NOT_AVAILABLE || signal?.aborted) throw err;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

const FIRST_RETRY_MS = 50;
const MAX_RETRY_MS = 2_000;

/** Drops dedicated tables whose job is gone (removed outside the deletion engine), at most 50 a call; answers how many. */
export async function dropOrphanTables(on: Queryable): Promise<number> {
  return (await on.query<{ n: number }>('SELECT job_parts.drop_orphans() AS n')).rows[0].n;
}

/** Pools whose database was seen without the previous layout: the upgrade only ever removes it, so they skip the call (~1 ms a deletion). */
const withoutLegacy = new WeakSet<Queryable>();

/** True once this pool's database was seen without the previous layout (by dropLegacyRows): no partitioned table is left. */
export const legacyLayoutGone = (on: Queryable): boolean => withoutLegacy.has(on);

/** Drops the rows of the job that the upgrade has not moved out of the previous layout yet; answers how many. */
export async function dropLegacyRows(on: Queryable, jobId: string): Promise<number> {
  if (withoutLegacy.has(on)) return 0;
  const { rows } = await on.query<{ n: string; gone: boolean }>(
    `SELECT job_parts.drop_legacy($1)::text AS n, to_regnamespace('job_parts_by_job') IS NULL AS gone`,
    [jobId],
  );
  if (rows[0].gone) withoutLegacy.add(on);
  return Number(rows[0].n);
}

/** Moves one job out of the previous layout (one transaction); false when none is left. */
export async function adoptLegacyJob(on: Queryable): Promise<boolean> {
  return (await on.query<{ more: boolean }>('SELECT job_parts.adopt_legacy_job() AS more')).rows[0].more;
}

/** The job's dedicated tables that exist, as the names of the shared tables they stand for (tests, checks). */
export async function dedicatedTablesOf(on: Queryable, jobId: string): Promise<JobTable[]> {
  const names = JOB_TABLES.map((t) => dedicatedTableName(t, jobId));
  const { rows } = await on.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = $1::regnamespace AND relkind = 'r' AND relname = ANY($2::text[])`,
    [DEDICATED_SCHEMA, names],
  );
  const found = new Set(rows.map((r) => r.name));
  return JOB_TABLES.filter((t) => found.has(dedicatedTableName(t, jobId)));
}
