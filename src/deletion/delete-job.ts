// deleteJob as the API offers it (D12, D13): accept (or join) the deletion, start it here, and
// either answer at once with the task or wait for its end, never longer than the configured
// limit, after which the caller gets the task to follow instead.
import { retryingContention } from '../db/pg-errors.ts';
import { DeletionFailedError } from '../errors.ts';
import type { Services } from '../services.ts';
import { waitForTask } from '../tasks/watch.ts';
import { acceptDeletion, type DeleteRequest } from './accept.ts';
import { deleteSmallJobAtOnce, type DoneAtOnce } from './at-once.ts';

export type DeleteJobOutcome = { kind: 'ack'; acknowledged: true } | { kind: 'task'; task: string };

export async function deleteJob(services: Services, req: DeleteRequest, waitForCompletion: boolean): Promise<DeleteJobOutcome> {
  const { db, nodeId, tasks, pubsub, config, health } = services;
  // A caller who waits for a small shared job gets it deleted in the accepting transaction
  // (at-once.ts). Concurrent calls serialise on the job's row lock (D13): under load one may wait
  // past its transaction's limit, and simply trying again joins the task the others made.
  // Set inside the transaction's callback (an object, so that TypeScript does not narrow it to null).
  const atOnce: { done: DoneAtOnce | null } = { done: null };
  const { task, created } = await retryingContention(() =>
    acceptDeletion(
      db,
      nodeId,
      async (tx, id) => {
        atOnce.done = waitForCompletion ? await deleteSmallJobAtOnce(tx, req.jobId, id, req.deleteUserAnnotations) : null;
        if (!atOnce.done) await tasks.enqueue(tx, id);
      },
      req,
    ),
  );
  const { done } = atOnce;
  if (done) {
    // Announced and counted like a task the runner finished (taskEvents, jobEvents' DELETED, metrics).
    tasks.completedElsewhere({ id: task.id, version: done.version, state: 'COMPLETED' }, done.deleted);
    return { kind: 'ack', acknowledged: true };
  }
  if (created) tasks.kick(task.id);
  if (!waitForCompletion) return { kind: 'task', task: task.id };
  // Draining (SIGTERM): the caller gets the task to follow at once, rather than a cut request.
  const end = await waitForTask(db, pubsub, task.id, config.syncDeleteTimeoutMs, health.draining);
  if (end.state === 'COMPLETED') return { kind: 'ack', acknowledged: true };
  if (end.state === 'FAILED') throw new DeletionFailedError(end.errorType ?? 'exception', end.errorReason ?? 'deletion failed');
  return { kind: 'task', task: task.id };
}
