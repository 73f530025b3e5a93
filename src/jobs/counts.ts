// Counts of what a job owns: the owned tables' kept counts (row-counts.ts) and its annotations,
// read in one statement so that the numbers are one snapshot.
import type pg from 'pg';
import type { Database } from '../db/client.ts';
import { COUNT_FIELD, isJobTable, JOB_TABLES, SYSTEM_ANNOTATIONS, type JobCounts } from './owned-tables.ts';

/** Declared with the tables (owned-tables.ts); here with the functions that read it. */
export type { JobCounts };

type Queryable = Pick<pg.Pool, 'query'>;

/**
 * What `Job.counts` shows: every annotation, system and user, written since this job was created.
 * User annotations outlive a deleted job (D9); a job re-created with the same id does not own
 * them (D14).
 */
export const jobCounts = (db: Database, jobId: string): Promise<JobCounts> =>
  countRows(db.pool, jobId, `AND created_at >= coalesce((SELECT created_at FROM jobs WHERE id = $1), '-infinity')`);

/**
 * What a deletion removes (D17): every annotation of the id that the deletion will remove, so
 * user annotations only when the caller deletes them too.
 */
export const countsForDeletion = (on: Queryable, jobId: string, includeUserAnnotations: boolean): Promise<JobCounts> =>
  countRows(on, jobId, includeUserAnnotations ? '' : `AND ${SYSTEM_ANNOTATIONS}`);

/** The rows of `table` among `counts`; undefined for a table that is not counted (calendar_jobs). */
export function rowsIn(counts: JobCounts, table: string): number | undefined {
  if (table === 'annotations') return counts.annotations;
  return isJobTable(table) ? counts[COUNT_FIELD[table]] : undefined;
}

async function countRows(on: Queryable, jobId: string, annotationFilter: string): Promise<JobCounts> {
  // The job tables from their kept counts (one index read), annotations by counting them: they
  // have no foreign key to keep a count by, and a job has few.
  const { rows } = await on.query<Record<(typeof JOB_TABLES)[number] | 'annotations', number>>(
    `SELECT ${JOB_TABLES.map((table) => `coalesce((SELECT rows FROM job_row_counts WHERE job_id = $1 AND kind = '${table}'), 0)::int AS ${table}`).join(',\n            ')},
            (SELECT count(*)::int FROM annotations WHERE job_id = $1 ${annotationFilter}) AS annotations`,
    [jobId],
  );
  const counts = { annotations: rows[0].annotations } as Omit<JobCounts, 'total'>;
  for (const table of JOB_TABLES) counts[COUNT_FIELD[table]] = rows[0][table];
  return { ...counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
}

/**
 * `jobCounts` of many jobs in one statement (a page of jobs costs one query, not one per job).
 * Jobs that do not exist are absent from the map.
 */
export async function jobCountsMany(db: Database, jobIds: readonly string[]): Promise<Map<string, JobCounts>> {
  const { rows } = await db.pool.query<{ job_id: string; kind: string; rows: number }>(
    `SELECT c.job_id, c.kind, c.rows::int AS rows FROM job_row_counts c WHERE c.job_id = ANY($1::text[])
     UNION ALL
     SELECT j.id, 'annotations', (SELECT count(*)::int FROM annotations a WHERE a.job_id = j.id AND a.created_at >= j.created_at)
     FROM jobs j WHERE j.id = ANY($1::text[])`,
    [jobIds],
  );
  // Every existing job has its annotations row: it starts the job's counts, then its tables fill in.
  const byJob = new Map<string, Omit<JobCounts, 'total'>>();
  for (const row of rows) if (row.kind === 'annotations') byJob.set(row.job_id, { ...zeroCounts(), annotations: row.rows });
  for (const row of rows) {
    const counts = byJob.get(row.job_id);
    if (counts && isJobTable(row.kind)) counts[COUNT_FIELD[row.kind]] = row.rows;
  }
  return new Map([...byJob].map(([jobId, counts]) => [jobId, withTotal(counts)]));
}

const zeroCounts = () => Object.fromEntries(JOB_TABLES.map((table) => [COUNT_FIELD[table], 0])) as Omit<JobCounts, 'total' | 'annotations'>;
const withTotal = (counts: Omit<JobCounts, 'total'>): JobCounts => ({ ...counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) });

/** The counts of a job that owns nothing. */
export const NO_ROWS: Readonly<JobCounts> = Object.freeze(withTotal({ ...zeroCounts(), annotations: 0 }));
