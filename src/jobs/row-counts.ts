// The rows each job owns, per table, in job_row_counts (see the model in prisma/schema.prisma
// for why the code keeps them rather than triggers). Every write path that adds or removes owned
// rows goes through here, in the same statement or transaction as the rows, so that the counts
// cannot drift from them: the seed wraps its statements with `countedStatement`, the API's write
// path calls `adjustRowCounts`, and a deletion drops a partition with its count (partitions.ts).
import type { Prisma } from '../generated/prisma/client.ts';

/** The tables whose rows a job owns through a foreign key (annotations outlive the job: counted directly). */
export const COUNTED_TABLES = ['model_state_docs', 'model_snapshots', 'buckets', 'records', 'influencers', 'categories', 'forecasts'] as const;
export type CountedTable = (typeof COUNTED_TABLES)[number];

export const isCountedTable = (table: string): table is CountedTable => (COUNTED_TABLES as readonly string[]).includes(table);

/**
 * `inserting` (an INSERT of `table`'s rows of job $1, without RETURNING) as one statement that
 * also adds them to the job's count, answering one row `{ n }`: the rows it wrote.
 */
export function countedStatement(table: CountedTable, inserting: string): string {
  return `WITH changed AS (${inserting} RETURNING 1),
       changes AS (SELECT count(*)::int AS n FROM changed),
       counted AS (INSERT INTO job_row_counts (job_id, kind, rows) SELECT $1, '${table}', n FROM changes WHERE n > 0
                   ON CONFLICT (job_id, kind) DO UPDATE SET rows = job_row_counts.rows + excluded.rows)
  SELECT n FROM changes`;
}

/** Adds (or, negative, removes) rows to the job's counts, inside the transaction that wrote them. */
export async function adjustRowCounts(tx: Prisma.TransactionClient, jobId: string, deltas: Partial<Record<CountedTable, number>>): Promise<void> {
  const moved = Object.entries(deltas).filter(([, n]) => n !== 0) as [CountedTable, number][];
  if (moved.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO job_row_counts (job_id, kind, rows)
    SELECT ${jobId}, kind, n FROM unnest(${moved.map(([table]) => table)}::text[], ${moved.map(([, n]) => n)}::bigint[]) AS d(kind, n)
    ON CONFLICT (job_id, kind) DO UPDATE SET rows = job_row_counts.rows + excluded.rows`;
}
