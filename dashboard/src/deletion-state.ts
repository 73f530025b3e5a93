// What a job's deletion looks like to a person: running, waiting, failed (resumable) or stuck
// (no progress for a while). Derived from the task the service reports for the job and the
// fresher state of its live stream, if this tab follows it.
import type { TrackedTask } from './use-task-progress.ts';
import type { Task } from './use-dashboard-data.ts';

/** A running deletion with no progress for this long, or a queued one waiting this long, is stuck. */
export const STUCK_AFTER_MS = 60_000;

export type DeletionStatus = 'queued' | 'running' | 'stuck' | 'failed';

export interface JobDeletion {
  status: DeletionStatus;
  task: Task;
}

/** The freshest state of a task: its live stream's when this tab follows it. */
export const freshest = (task: Task, tracked: Record<string, TrackedTask>): Task => tracked[task.id]?.task ?? task;

/** Milliseconds since the task last changed: its last stream event, else its start. */
function quietFor(task: Task, tracked: TrackedTask | undefined, now: number): number {
  if (tracked && tracked.samples.length === 0) return 0; // just subscribed: its first state is on the way
  const last = tracked?.samples.findLast((s, i, all) => i === 0 || s.deleted !== all[i - 1].deleted)?.at;
  return now - (last ?? Date.parse(task.startTime));
}

export function deletionStatus(task: Task, tracked: TrackedTask | undefined, now: number): DeletionStatus | undefined {
  if (task.state === 'FAILED') return 'failed';
  if (task.completed) return undefined;
  if (quietFor(task, tracked, now) >= STUCK_AFTER_MS) return 'stuck';
  return task.state === 'QUEUED' ? 'queued' : 'running';
}
