// Deletes one table's rows of a job in key-range batches sized by time, not by count: each
// statement is an index range scan on (job_id, id) that takes about TARGET_MS, so progress moves
// several times a second whatever the row width, and no statement holds locks for long.
// (`WHERE id IN (SELECT … LIMIT n)` was measured 4x slower than ranges: stack.md.)
// Used for every shared table (a dedicated job's own tables are dropped whole: engine.ts).
import type pg from 'pg';
import { isJobTable, SYSTEM_ANNOTATIONS } from '../jobs/owned-tables.ts';
import { deleteCounted } from '../jobs/row-counts.ts';
import type { TableStep } from './plan.ts';

const TARGET_MS = 120;
const FIRST_WIDTH = 20_000;
const MIN_WIDTH = 500;
const MAX_WIDTH = 5_000_000;
/** Tables the kept counts put at or under this many rows go in one statement. */
const SMALL_TABLE = 10_000;

export async function deleteTableInBatches(
  pool: Pick<pg.PoolClient, 'query'>,
  /** False on the embedded database's shared session: no transaction may span statements. */
  ownConnection: boolean,
  step: TableStep,
  /** The job's rows in this table as counted when the deletion started; undefined when not counted. */
  expected: number | undefined,
  jobId: string,
  includeUserAnnotations: boolean,
  onBatch: (deleted: number) => Promise<void>,
): Promise<void> {
  // Table names come from the fixed plan, never from input.
  const filter = step.stored === 'outlives' && !includeUserAnnotations ? ` AND ${SYSTEM_ANNOTATIONS}` : '';
  const table = step.table;
  // Deletes what `sql` selects; a job table's kept count goes down with its rows, atomically.
  const remove = async (sql: string, params: unknown[]) =>
    isJobTable(table) ? deleteCounted(pool, ownConnection, table, sql, params) : ((await pool.query(sql, params)).rowCount ?? 0);
  // Nothing of the job here: no statement at all. (Rows written behind the service's back, which
  // the counts do not know, still go with the job row's cascade.)
  if (expected === 0) return;
  // A few rows: one statement; there are no ranges to size, and the cascade's walk over so few
  // dead entries costs less than marking them.
  if (step.stored === 'membership' || (expected !== undefined && expected <= SMALL_TABLE)) {
    await onBatch(await remove(`DELETE FROM ${table} WHERE job_id = $1${filter}`, [jobId]));
    return;
  }
  const bounds = await pool.query<{ lo: string | null; hi: string | null }>(
    `SELECT min(id)::text AS lo, max(id)::text AS hi FROM ${table} WHERE job_id = $1${filter}`,
    [jobId],
  );
  if (bounds.rows[0].lo === null) return;
  let lo = BigInt(bounds.rows[0].lo);
  const hi = BigInt(bounds.rows[0].hi!);
  let width = FIRST_WIDTH;
  const sql = `DELETE FROM ${table} WHERE job_id = $1 AND id >= $2 AND id < $3${filter}`;
  while (lo <= hi) {
    const started = performance.now();
    const params = [jobId, lo.toString(), (lo + BigInt(width)).toString()];
    const removed = await remove(sql, params);
    const took = performance.now() - started;
    lo += BigInt(width);
    await onBatch(removed);
    // Aim the next batch at TARGET_MS from the rate just seen, within a factor of 4 per step.
    const scaled = Math.round(width * Math.min(4, Math.max(0.25, TARGET_MS / Math.max(took, 1))));
    width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, scaled));
  }
  // The final DELETE of the job row cascades into this table through its job_id index, whose
  // entries for the rows just deleted are all still there: it would visit every dead row again,
  // alone, at the end. One index scan now (ORDER BY makes it one) marks those entries dead, and
  // the cascade then skips them (engine.ts).
  if (isJobTable(table)) await pool.query(`SELECT id FROM ${table} WHERE job_id = $1 ORDER BY id LIMIT 1`, [jobId]);
}
