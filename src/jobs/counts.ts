// Exact counts of what a job owns, each in one statement so that the numbers are one snapshot.
import type pg from 'pg';
import type { Database } from '../db/client.ts';

export interface JobCounts {
  buckets: number;
  records: number;
  influencers: number;
  categories: number;
  forecasts: number;
  modelSnapshots: number;
  modelStateDocs: number;
  annotations: number;
  total: number;
}

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
 * user annotations only when the caller deletes them too. `on` may be a connection inside a
 * snapshot (see deletion/engine.ts).
 */
export const countsForDeletion = (on: Queryable, jobId: string, includeUserAnnotations: boolean): Promise<JobCounts> =>
  countRows(on, jobId, includeUserAnnotations ? '' : `AND created_by = '_xpack'`);

async function countRows(on: Queryable, jobId: string, annotationFilter: string): Promise<JobCounts> {
  const { rows } = await on.query<Omit<JobCounts, 'total'>>(
    `SELECT
       (SELECT count(*)::int FROM buckets WHERE job_id = $1) AS buckets,
       (SELECT count(*)::int FROM records WHERE job_id = $1) AS records,
       (SELECT count(*)::int FROM influencers WHERE job_id = $1) AS influencers,
       (SELECT count(*)::int FROM categories WHERE job_id = $1) AS categories,
       (SELECT count(*)::int FROM forecasts WHERE job_id = $1) AS forecasts,
       (SELECT count(*)::int FROM model_snapshots WHERE job_id = $1) AS "modelSnapshots",
       (SELECT count(*)::int FROM model_state_docs WHERE job_id = $1) AS "modelStateDocs",
       (SELECT count(*)::int FROM annotations WHERE job_id = $1 ${annotationFilter}) AS annotations`,
    [jobId],
  );
  const counts = rows[0];
  return { ...counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
}
