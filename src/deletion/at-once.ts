// A waiting deleteJob of a small shared job (at most SMALL_JOB_ROWS rows) is done in one
// statement, job_parts.delete_small_job (prisma/sql/job_parts.sql): the acceptance's checks,
// the task recorded COMPLETED with its counts, both audit lines, and the job row whose cascade
// takes its rows, in one implicit transaction. The accepting transaction through Prisma (18
// round trips), the steps, the claim and the waiter's wake-up cost ~15-70 ms where PostgreSQL's
// own cascade of a few hundred rows takes ~1 ms; this costs about one cascade. The rules still
// hold: the checks answer as accept.ts does (D4-D6), the task record exists (D15, D16) with its
// counts (D17), and nothing is visible half-done (D7, D10).
import type { Database } from '../db/client.ts';
import { dbErrorKind } from '../db/pg-errors.ts';
import { jobNotFound } from '../errors.ts';
import { assertValidId } from '../jobs/ids.ts';
import { ACTION_DELETE_JOB } from '../tasks/task-store.ts';
import { taskIdPrefix } from '../tasks/task-ids.ts';
import { datafeedConflict, jobStateConflict } from './accept.ts';
import { JOB_DELETED, SMALL_JOB_ROWS } from './engine.ts';
import { acceptedMessage, deletionDescription, type DeleteRequest } from './start-task.ts';

const DELETE_SMALL_JOB = 'SELECT * FROM job_parts.delete_small_job($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)';

/** What a deletion done at once removed (rows, by the kept counts) and its task, COMPLETED. */
export interface DoneAtOnce {
  taskId: string;
  deleted: number;
  version: number;
}

interface Answer {
  outcome: 'missing' | 'state' | 'datafeed' | 'task' | 'deleted';
  detail: string | null;
  task_id: string | null;
  rows_deleted: string | null;
  task_version: number | null;
}

/**
 * Deletes the job now when it is small and shared (null when it is not: nothing was written,
 * and the deletion is accepted as a task, which joins a live one as usual). D3-D6 refuse as
 * acceptDeletion does.
 */
export async function deleteSmallJobAtOnce(db: Database, nodeId: string, req: DeleteRequest): Promise<DoneAtOnce | null> {
  assertValidId(req.jobId); // D3
  const { jobId } = req;
  let answer: Answer;
  try {
    // On the API pool, outside any transaction: the one statement is its own transaction. Named,
    // so each connection parses it once (~0.05 ms of a ~1.5 ms call here; PostgreSQL plans it
    // again by itself if a migration replaces the function). Not on the embedded database: its
    // one session outlives our connections to it, and would already hold the name.
    const { rows } = await db.pool.query<Answer>({ name: db.embedded ? undefined : 'delete_small_job', text: DELETE_SMALL_JOB }, [
      jobId,
      req.force,
      req.deleteUserAnnotations,
      SMALL_JOB_ROWS,
      nodeId,
      taskIdPrefix(nodeId),
      ACTION_DELETE_JOB,
      deletionDescription(jobId),
      acceptedMessage('%s'),
      JOB_DELETED,
    ]);
    answer = rows[0];
  } catch (err) {
    // A database fault answers as any request's does (503, retried on contention by the caller).
    // Anything else failed inside the deletion, and nothing of it was written: the deletion is
    // accepted as a task, which fails (or not) the way every deletion does, recorded and
    // audited, the job left deleting (D10, D11).
    if (dbErrorKind(err)) throw err;
    return null;
  }
  switch (answer.outcome) {
    case 'missing':
      throw jobNotFound(jobId); // D5
    case 'state':
      throw jobStateConflict(jobId, answer.detail!); // D4
    case 'datafeed':
      throw datafeedConflict(jobId, answer.detail!); // D6
    case 'task':
      return null;
    case 'deleted':
      return { taskId: answer.task_id!, deleted: Number(answer.rows_deleted), version: answer.task_version! };
  }
}
