// The one place that announces changes to subscribers on every instance (through src/pubsub.ts).
// Messages carry ids and versions, never rows: subscribers re-read the database, one read per
// message and instance, shared by all of that instance's subscribers.
import type { PubSub } from '../pubsub.ts';
import { isTerminal, type TaskRow } from '../tasks/task-store.ts';

/** A task changed: its own followers (taskProgress) and the feeds (taskEvents, jobEvents for deletions). */
export function publishTaskChange(pubsub: PubSub, task: Pick<TaskRow, 'id' | 'version' | 'state'>): void {
  pubsub.publish('taskProgress', task.id, { version: task.version, terminal: isTerminal(task) });
  pubsub.publish('taskEvents', { taskId: task.id, version: task.version });
}

/** Awaits a job mutation, then announces it on jobEvents (a refused change announces nothing). */
export async function announceJobChange<T>(
  pubsub: PubSub,
  kind: 'CREATED' | 'UPDATED',
  change: Promise<T>,
  jobIdOf: (result: T) => string,
): Promise<T> {
  const result = await change;
  pubsub.publish('jobEvents', { kind, jobId: jobIdOf(result) });
  return result;
}
