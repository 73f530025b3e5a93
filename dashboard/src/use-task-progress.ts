// Live progress of deletions: one `taskEvents` subscription for every deletion task (graphql-ws),
// not one per task. A task is followed when this tab starts it, when its events show it running
// (started elsewhere: another tab, the CLI), or when a refresh lists it running; its last state
// stays until dismissed. Events of tasks not followed (yet) are kept, so that a task that ends
// before its deleteJob answer arrives still shows its outcome.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Client } from 'graphql-ws/client';
import type { Sample } from './format.ts';
import { subscribe, type ApiError } from './graphql-client.ts';
import { DELETE_ACTION, TaskEventsSubscription } from './operations.ts';
import type { Task } from './use-dashboard-data.ts';

export interface TrackedTask {
  id: string;
  jobId: string;
  /** Rows the job had when this tab started the deletion: the bar's total before the first event. */
  expectedTotal?: number;
  /** Latest state the service sent, and when it arrived (local clock, ms). */
  task?: Task;
  receivedAt?: number;
  samples: Sample[];
  /** Set once the task reached COMPLETED or FAILED. */
  endedAt?: number;
}

const MAX_SAMPLES = 60;
const MAX_SEEN = 500;

/** True when `next` is not older than `current`: events and refreshes may arrive in any order. */
const notOlder = (current: Task | undefined, next: Task) =>
  !current || next.completed || (!current.completed && next.progress.deleted >= current.progress.deleted);

export function useTaskProgress(client: Client, onEnded: (tracked: TrackedTask) => void, onStreamError: (error: ApiError) => void) {
  // The store is a ref so that the stream's callbacks read and write the current state; the
  // version only makes the component render again.
  const store = useRef<Record<string, TrackedTask>>({});
  const seen = useRef(new Map<string, Task>());
  const [, setVersion] = useState(0);
  const ended = useRef(onEnded);
  ended.current = onEnded;
  const streamError = useRef(onStreamError);
  streamError.current = onStreamError;

  const commit = (next: Record<string, TrackedTask>) => {
    store.current = next;
    setVersion((v) => v + 1);
  };

  const apply = useCallback((task: Task) => {
    const current = store.current[task.id];
    if (!current || current.endedAt || !notOlder(current.task, task)) return;
    const at = Date.now();
    const next: TrackedTask = {
      ...current,
      jobId: task.jobId,
      task,
      receivedAt: at,
      samples: [...current.samples, { at, deleted: task.progress.deleted }].slice(-MAX_SAMPLES),
      endedAt: task.completed ? at : undefined,
    };
    commit({ ...store.current, [task.id]: next });
    if (next.endedAt) ended.current(next);
  }, []);

  const follow = useCallback(
    (id: string, jobId: string, expectedTotal?: number) => {
      if (store.current[id]) return;
      commit({ ...store.current, [id]: { id, jobId, expectedTotal, samples: [] } });
      const known = seen.current.get(id);
      if (known) apply(known);
    },
    [apply],
  );

  useEffect(
    () =>
      subscribe(
        client,
        TaskEventsSubscription,
        { actions: DELETE_ACTION },
        {
          next: ({ taskEvents: task }) => {
            seen.current.delete(task.id);
            seen.current.set(task.id, task);
            if (seen.current.size > MAX_SEEN) seen.current.delete(seen.current.keys().next().value!);
            if (!store.current[task.id] && !task.completed) follow(task.id, task.jobId);
            apply(task);
          },
          error: (error) => streamError.current(error),
          complete: () => undefined,
        },
      ),
    [client, apply, follow],
  );

  /** A refresh's list of tasks: follows the running ones, and catches up on any event missed while disconnected. */
  const sync = useCallback(
    (tasks: readonly Task[], expectedTotalOf: (jobId: string) => number | undefined) => {
      for (const task of tasks) {
        if (!task.completed) follow(task.id, task.jobId, expectedTotalOf(task.jobId));
        apply(task);
      }
    },
    [apply, follow],
  );

  const dismiss = useCallback((id: string) => {
    const { [id]: _gone, ...rest } = store.current;
    commit(rest);
  }, []);

  return { tracked: store.current, follow, sync, dismiss };
}
