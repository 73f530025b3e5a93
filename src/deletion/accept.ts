// Accepting a deletion (D3-D7, D13): every check runs before anything is written, and the
// claim, the task, the first audit line and the queue job are one transaction. The job row is
// locked FOR UPDATE, so concurrent deleteJob calls on any number of instances serialise on it:
// the first creates the task, the others find it and attach.
import type { Database } from '../db/client.ts';
import { ConflictError, jobNotFound } from '../errors.ts';
import { assertValidId } from '../jobs/ids.ts';
import { isTerminal, type TaskRow } from '../tasks/task-store.ts';
import { startDeletionTask, type DeleteRequest, type Enqueue } from './start-task.ts';

export type { DeleteRequest };

export interface Accepted {
  task: TaskRow;
  /** False when the call attached to a deletion already under way (D13). */
  created: boolean;
}

// D4 and D6, as at-once.ts answers them too.
export const jobStateConflict = (jobId: string, state: string) =>
  new ConflictError(`Cannot delete job [${jobId}] because the job is ${state.toLowerCase()}`);
export const datafeedConflict = (jobId: string, datafeedId: string) =>
  new ConflictError(`Cannot delete job [${jobId}] because datafeed [${datafeedId}] refers to it`);

export async function acceptDeletion(db: Database, nodeId: string, enqueue: Enqueue, req: DeleteRequest): Promise<Accepted> {
  assertValidId(req.jobId); // D3
  const { jobId } = req;
  return db.prisma.$transaction(async (tx) => {
    // The datafeed (D6) is read with the lock, one round trip for both.
    const [job] = await tx.$queryRaw<{ state: string; deletion_task_id: string | null; datafeed: string | null }[]>`
      SELECT state::text AS state, deletion_task_id, (SELECT d.id FROM datafeeds d WHERE d.job_id = jobs.id) AS datafeed
      FROM jobs WHERE id = ${jobId} FOR UPDATE`;
    // D4 before D5 in the rules' list, but an unknown job has no state to check.
    if (!job) throw jobNotFound(jobId); // D5
    if (job.state !== 'CLOSED' && !req.force) {
      throw jobStateConflict(jobId, job.state); // D4
    }
    if (job.deletion_task_id) {
      const current = await tx.task.findUnique({ where: { id: job.deletion_task_id } });
      // D13: a live deletion is joined. A FAILED one is retried by a new task, which resumes
      // where it stopped because every step is idempotent.
      if (current && !isTerminal(current)) return { task: current, created: false };
    }
    if (job.datafeed) throw datafeedConflict(jobId, job.datafeed); // D6

    return { task: await startDeletionTask(tx, nodeId, req, enqueue), created: true };
  });
}
