// Direct reads of the database for assertions: what a job still owns, table by table.
import type { Database } from '../../src/db/client.ts';

/** Tables whose rows belong to a job and must be gone after its deletion. */
export const OWNED_TABLES = [
  'jobs',
  'datafeeds',
  'model_snapshots',
  'model_state_docs',
  'buckets',
  'records',
  'influencers',
  'categories',
  'forecasts',
  'calendar_jobs',
] as const;

export async function rowsOwnedBy(db: Database, jobId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of OWNED_TABLES) {
    const column = table === 'jobs' ? 'id' : 'job_id';
    const { rows } = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [jobId]);
    out[table] = rows[0].n;
  }
  return out;
}

export const totalOwned = async (db: Database, jobId: string) => Object.values(await rowsOwnedBy(db, jobId)).reduce((a, b) => a + b, 0);

export async function annotationCount(db: Database, jobId: string, createdBy?: string): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM annotations WHERE job_id = $1 AND ($2::text IS NULL OR created_by = $2)`,
    [jobId, createdBy ?? null],
  );
  return rows[0].n;
}

export async function taskCountFor(db: Database, jobId: string): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks WHERE job_id = $1`, [jobId]);
  return rows[0].n;
}
