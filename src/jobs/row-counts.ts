// The rows each job owns, per job table (owned-tables.ts), in job_row_counts (see the model in
// prisma/schema.prisma for why the code keeps them rather than triggers). Every write path that
// adds or removes a job's rows goes through here, in the same statement or transaction as the
// rows, so that the counts cannot drift from them: the seed wraps its statements with
// `countedStatement`, the API's write path calls `adjustRowCounts`, a shared job's deletion
// deletes through `deleteCounted`, and a dedicated table is dropped with its count (storage.ts).
import type pg from 'pg';
import type { Prisma } from '../generated/prisma/client.ts';
import type { JobTable } from './owned-tables.ts';

/**
 * `inserting` (an INSERT of `table`'s rows of job $1, without RETURNING) as one statement that
 * also adds them to the job's count, answering one row `{ n }`: the rows it wrote.
 */
export function countedStatement(table: JobTable, inserting: string): string {
  return `WITH changed AS (${inserting} RETURNING 1),
       changes AS (SELECT count(*)::int AS n FROM changed),
       counted AS (INSERT INTO job_row_counts (job_id, kind, rows) SELECT $1, '${table}', n FROM changes WHERE n > 0
                   ON CONFLICT (job_id, kind) DO UPDATE SET rows = job_row_counts.rows + excluded.rows)
  SELECT n FROM changes`;
}

/** Adds (or, negative, removes) rows to the job's counts, inside the transaction that wrote them. */
export async function adjustRowCounts(tx: Prisma.TransactionClient, jobId: string, deltas: Partial<Record<JobTable, number>>): Promise<void> {
  const moved = Object.entries(deltas).filter(([, n]) => n !== 0) as [JobTable, number][];
  if (moved.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO job_row_counts (job_id, kind, rows)
    SELECT ${jobId}, kind, n FROM unnest(${moved.map(([table]) => table)}::text[], ${moved.map(([, n]) => n)}::bigint[]) AS d(kind, n)
    ON CONFLICT (job_id, kind) DO UPDATE SET rows = job_row_counts.rows + excluded.rows`;
}

/**
 * Runs `deleting` (a DELETE of job $1's rows of shared `table`, parameters `params`) and lowers
 * the count by what it removed, atomically; returns that number. On a connection of its own it
 * is a short transaction: the one-statement form materialises a row per deleted row
 * (RETURNING), measured 25 % slower on a million rows. A shared connection (the embedded
 * database's single session, where other statements interleave) cannot hold a transaction
 * open: one statement.
 */
export async function deleteCounted(
  conn: Pick<pg.PoolClient, 'query'>,
  ownConnection: boolean,
  table: JobTable,
  deleting: string,
  params: unknown[],
  /** Commit durably even on a connection set to synchronous_commit = off (batches.ts: before its index pass). */
  durable = false,
): Promise<number> {
  if (!ownConnection) {
    const statement = `WITH changed AS (${deleting} RETURNING 1),
       changes AS (SELECT count(*)::int AS n FROM changed),
       counted AS (UPDATE job_row_counts SET rows = rows - changes.n FROM changes WHERE job_id = $1 AND kind = '${table}' AND changes.n > 0)
  SELECT n FROM changes`;
    return (await conn.query<{ n: number }>(statement, params)).rows[0].n;
  }
  await conn.query(durable ? 'BEGIN; SET LOCAL synchronous_commit = on' : 'BEGIN');
  try {
    const removed = (await conn.query(deleting, params)).rowCount ?? 0;
    if (removed > 0) await conn.query(`UPDATE job_row_counts SET rows = rows - $2 WHERE job_id = $1 AND kind = '${table}'`, [params[0], removed]);
    await conn.query('COMMIT');
    return removed;
  } catch (err) {
    await conn.query('ROLLBACK').catch(() => {});
    throw err;
  }
}
