// `SET LOCAL session_replication_role = replica` skips the triggers of ordinary (origin)
// replication, among them PostgreSQL's internal foreign-key triggers: the checks of an insert
// (the seed) and the cascade of a delete (a shared job's final transaction, once its rows are
// proven gone: engine.ts). Only where the role may set it (superusers; PG15+: GRANT SET ON
// PARAMETER) and the tables concerned carry no trigger or rule besides the internal ones, which
// replica mode would skip too. The setting ends with its transaction, so nothing leaks into a pool.
import type pg from 'pg';

type Queryable = Pick<pg.Pool, 'query'>;

export const REPLICA_MODE = 'SET LOCAL session_replication_role = replica';

/** True when the tables have no trigger or rule that replica mode would skip besides the foreign-key ones. */
async function onlyForeignKeyTriggers(on: Queryable, tables: readonly string[]): Promise<boolean> {
  const { rows } = await on.query<{ n: number }>(
    `SELECT ((SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgrelid = ANY($1::regclass[]))
           + (SELECT count(*) FROM pg_rewrite WHERE ev_class = ANY($1::regclass[]) AND rulename <> '_RETURN'))::int AS n`,
    [tables],
  );
  return rows[0].n === 0;
}

/** Whether statements on `tables` may run in replica mode (see the top of this file). */
export async function replicaModeAllowed(on: Queryable, tables: readonly string[]): Promise<boolean> {
  if (!(await onlyForeignKeyTriggers(on, tables))) return false;
  try {
    await on.query(`${REPLICA_MODE}; SELECT 1`);
    return true;
  } catch {
    return false; // not permitted for this role
  }
}

const ANSWER_KEPT_MS = 10_000;
const answers = new WeakMap<Queryable, Map<string, { ok: boolean; at: number }>>();

/** replicaModeAllowed, its answer kept for ANSWER_KEPT_MS per pool and tables (two catalog reads, ~1 ms, on every deletion otherwise). */
export async function replicaModeAllowedRecently(on: Queryable, tables: readonly string[]): Promise<boolean> {
  const key = tables.join(',');
  const known = answers.get(on)?.get(key);
  if (known && Date.now() - known.at < ANSWER_KEPT_MS) return known.ok;
  const ok = await replicaModeAllowed(on, tables);
  if (!answers.has(on)) answers.set(on, new Map());
  answers.get(on)!.set(key, { ok, at: Date.now() });
  return ok;
}
