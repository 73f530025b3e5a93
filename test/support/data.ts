// Direct reads of the database for assertions: what a job still owns, table by table.
import type { Database } from '../../src/db/client.ts';
import { isJobTable, OWNED_TABLES as OWNED } from '../../src/jobs/owned-tables.ts';
import { relationOf } from '../../src/jobs/storage.ts';

/** Tables whose rows belong to a job and must be gone after its deletion (from src/jobs/owned-tables.ts). */
export const OWNED_TABLES = ['jobs', 'datafeeds', ...OWNED.filter((t) => t.stored !== 'outlives').map((t) => t.table)] as const;

/** The job's rows per owned table, wherever they are stored: the shared tables and the job's dedicated ones (if any are left). */
export async function rowsOwnedBy(db: Database, jobId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of OWNED_TABLES) {
    const column = table === 'jobs' ? 'id' : 'job_id';
    const { rows } = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [jobId]);
    out[table] = rows[0].n;
    if (isJobTable(table)) {
      const own = relationOf('DEDICATED', table, jobId);
      const exists = (await db.pool.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [own])).rows[0].t;
      if (exists) out[table] += (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${own}`)).rows[0].n;
    }
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
