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

/**
 * Rows a range DELETE removes per millisecond on this server, as last seen in each table (a
 * moving average over every batch of every deletion), and over all of them for a table not
 * seen yet: a table's first batch is sized from it to take about TARGET_MS, instead of starting
 * at FIRST_WIDTH ids and growing fourfold per batch (a 300,000-row job's tables took two or
 * three batches each, ~1.5 ms of statements apiece). Per table, because their rows cost
 * differently: forecasts' took four times as long as records' (a first batch sized from the
 * others' rate took 250 ms, and left the longest gap between progress events).
 */
const rowsPerMs = new Map<string, number>();
const ANY_TABLE = '';
const learn = (table: string, removed: number, took: number) => {
  if (removed < MIN_WIDTH || took < 1) return;
  for (const key of [table, ANY_TABLE]) {
    const seen = rowsPerMs.get(key);
    rowsPerMs.set(key, seen ? 0.7 * seen + (0.3 * removed) / took : removed / took);
  }
};

/**
 * What deleting a table proved: `false`, the job may have rows left there (the cascade must
 * follow); otherwise none was left, and a row written since would have an id outside
 * [`from`, `to`], the ids the ranges covered (null: no range, any row of the job would be one).
 * The final transaction checks that nothing came since, under the job row's lock (engine.ts).
 */
export type Cleared = false | { range: { from: bigint; to: bigint } | null };

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
  /**
   * The job row's final delete will cascade into this table: mark the index entries of the rows
   * deleted here dead (see the end). False when it will not (engine.ts), which then needs the
   * answer (Cleared).
   */
  cascadeFollows = true,
): Promise<Cleared> {
  // Table names come from the fixed plan, never from input.
  const filter = step.stored === 'outlives' && !includeUserAnnotations ? ` AND ${SYSTEM_ANNOTATIONS}` : '';
  const table = step.table;
  // Deletes what `sql` selects; a job table's kept count goes down with its rows, atomically.
  const remove = async (sql: string, params: unknown[], durable = false) =>
    isJobTable(table) ? deleteCounted(pool, ownConnection, table, sql, params, durable) : ((await pool.query(sql, params)).rowCount ?? 0);
  const marking = isJobTable(table) && cascadeFollows;
  // Nothing of the job here by the counts: no delete. Rows written behind the service's back,
  // which the counts do not know, go with the job row's cascade, or, without one, are looked for
  // (one index probe: the job has no entries there to walk).
  if (expected === 0) {
    if (cascadeFollows || !isJobTable(table)) return { range: null };
    return (await pool.query(`SELECT 1 FROM ${table} WHERE job_id = $1 LIMIT 1`, [jobId])).rowCount ? false : { range: null };
  }
  // A few rows: one statement; there are no ranges to size, and the cascade's walk over so few
  // dead entries costs less than marking them. The statement takes every row the job has.
  if (step.stored === 'membership' || (expected !== undefined && expected <= SMALL_TABLE)) {
    await onBatch(await remove(`DELETE FROM ${table} WHERE job_id = $1${filter}`, [jobId]));
    return { range: null };
  }
  // Two probes of the (job_id, id) index, one at each end: `min(id), max(id) … WHERE job_id = $1`
  // may be planned as a walk of the primary key that filters on job_id (measured 42 ms on a table
  // the job half filled); ORDER BY job_id, id can only be the job's own index.
  const bounds = await pool.query<{ lo: string | null; hi: string | null }>(
    `SELECT (SELECT id FROM ${table} WHERE job_id = $1${filter} ORDER BY job_id, id LIMIT 1)::text AS lo,
            (SELECT id FROM ${table} WHERE job_id = $1${filter} ORDER BY job_id DESC, id DESC LIMIT 1)::text AS hi`,
    [jobId],
  );
  if (bounds.rows[0].lo === null) return { range: null };
  const first = BigInt(bounds.rows[0].lo);
  let lo = first;
  const hi = BigInt(bounds.rows[0].hi!);
  // Ids per row of the job in this table (1 when its rows are contiguous), to turn rows into ids.
  const idsPerRow = expected ? Math.max(1, Number(hi - first + 1n) / expected) : 1;
  const rate = rowsPerMs.get(table) ?? rowsPerMs.get(ANY_TABLE);
  let width = rate ? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(rate * TARGET_MS * idsPerRow))) : FIRST_WIDTH;
  const sql = `DELETE FROM ${table} WHERE job_id = $1 AND id >= $2 AND id < $3${filter}`;
  while (lo <= hi) {
    const started = performance.now();
    const params = [jobId, lo.toString(), (lo + BigInt(width)).toString()];
    // The last batch commits durably: its flush covers the asynchronous commits before it, and
    // only rows whose deletion is flushed can have their index entries marked dead (below).
    const removed = await remove(sql, params, marking && lo + BigInt(width) > hi);
    const took = performance.now() - started;
    learn(table, removed, took);
    lo += BigInt(width);
    await onBatch(removed);
    // Aim the next batch at TARGET_MS from the rate just seen, within a factor of 4 per step.
    const scaled = Math.round(width * Math.min(4, Math.max(0.25, TARGET_MS / Math.max(took, 1))));
    width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, scaled));
  }
  // The final DELETE of the job row cascades into this table through its job_id index, whose
  // entries for the rows just deleted are all still there: it would visit every dead row again,
  // alone, at the end. One index scan now (ORDER BY makes it one) marks those entries dead, and
  // the cascade then skips them (engine.ts). PostgreSQL marks an entry dead only once the
  // deleting commit is flushed (hint bits): after asynchronous commits alone, this scan marked
  // nothing and the cascade walked them all again (23 ms of a 300,000-row job).
  if (marking) await pool.query(`SELECT id FROM ${table} WHERE job_id = $1 ORDER BY id LIMIT 1`, [jobId]);
  // Without the cascade, every row of the job in this table must be gone. The ranges covered
  // [first, hi], the job's rows when they were read; a row written since, or restored with an
  // old id, would be outside it: the final transaction probes both ends under the job's lock.
  return { range: { from: first, to: hi } };
}
