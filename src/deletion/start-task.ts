// Starting a deletion task, the one way: the task, the job marked `deleting` and pointing at it
// (D7), the audit line (D11) and the queue job, all in the caller's transaction, which holds the
// job's row lock. Used when a deleteJob is accepted and when the sweep finds a job left
// `deleting` without a task.
import type { Prisma } from '../generated/prisma/client.ts';
import { audit } from '../jobs/notifications.ts';
import { ACTION_DELETE_JOB, createTask, type TaskRow } from '../tasks/task-store.ts';

export interface DeleteRequest {
  jobId: string;
  force: boolean;
  deleteUserAnnotations: boolean;
}

/** The deletion task's description and the audit line of its acceptance (D11); at-once.ts writes them too. */
export const deletionDescription = (jobId: string) => `delete-job-${jobId}`;
export const acceptedMessage = (taskId: string) => `Deleting job by task with id '${taskId}'`;

export type Enqueue = (tx: Prisma.TransactionClient, taskId: string) => Promise<void>;

export async function startDeletionTask(tx: Prisma.TransactionClient, nodeId: string, req: DeleteRequest, enqueue: Enqueue): Promise<TaskRow> {
  const { jobId } = req;
  const task = await createTask(tx, {
    nodeId,
    action: ACTION_DELETE_JOB,
    description: deletionDescription(jobId),
    jobId,
    force: req.force,
    deleteUserAnnotations: req.deleteUserAnnotations,
  });
  await tx.job.update({ where: { id: jobId }, data: { deleting: true, deletionTaskId: task.id } }); // D7
  await audit(tx, jobId, acceptedMessage(task.id)); // D11
  await enqueue(tx, task.id);
  return task;
}
