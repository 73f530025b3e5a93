// deleteJob as the API offers it (D12, D13): accept (or join) the deletion, start it here, and
// either answer at once with the task or wait for its end, never longer than the configured
// limit, after which the caller gets the task to follow instead.
import { retryingContention } from '../db/pg-errors.ts';
import { DeletionFailedError } from '../errors.ts';
import { onlyWaiting } from '../request-scope.ts';
import type { Services } from '../services.ts';
import { waitForTask } from '../tasks/watch.ts';
import { acceptDeletion, type DeleteRequest } from './accept.ts';
import { deleteSmallJobAtOnce } from './at-once.ts';

export type DeleteJobOutcome = { kind: 'ack'; acknowledged: true } | { kind: 'task'; task: string };

export async function deleteJob(services: Services, req: DeleteRequest, waitForCompletion: boolean): Promise<DeleteJobOutcome> {
  const { db, nodeId, tasks, pubsub, config, health } = services;
  // Concurrent calls serialise on the job's row lock (D13): under load one may wait past its
  // statement's limit, and simply trying again joins the task the others made.
  if (waitForCompletion) {
    // A caller who waits for a small shared job gets it deleted in one statement (at-once.ts).
    const done = await retryingContention(() => deleteSmallJobAtOnce(db, nodeId, req));
    if (done) {
      // Announced and counted like a task the runner finished (taskEvents, jobEvents' DELETED,
      // metrics), after the commit and without holding the answer back.
      tasks.completedElsewhere({ id: done.taskId, version: done.version, state: 'COMPLETED' }, done.deleted);
      return { kind: 'ack', acknowledged: true };
    }
  }
  const { task, created } = await retryingContention(() => acceptDeletion(db, nodeId, (tx, id) => tasks.enqueue(tx, id), req));
  if (created) tasks.kick(task.id);
  if (!waitForCompletion) return { kind: 'task', task: task.id };
  // Draining (SIGTERM): the caller gets the task to follow at once, rather than a cut request.
  // Only waiting from here: outside the instance's request limit (MAX_CONCURRENT_REQUESTS).
  const end = await onlyWaiting(waitForTask(db, pubsub, task.id, config.syncDeleteTimeoutMs, health.draining));
  if (end.state === 'COMPLETED') return { kind: 'ack', acknowledged: true };
  if (end.state === 'FAILED') throw new DeletionFailedError(end.errorType ?? 'exception', end.errorReason ?? 'deletion failed');
  return { kind: 'task', task: task.id };
}
