// Live progress of deletions: one `taskProgress` subscription (graphql-ws) per task followed,
// started for the tasks this tab starts and for any running task the refresh finds (started
// elsewhere: another tab, the CLI). A task is followed once; its last state stays until dismissed.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Sample } from './format.ts';
import { createSubscriptionClient, subscribe, type ApiError } from './graphql-client.ts';
import { TaskProgressSubscription } from './operations.ts';
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
  /** The subscription failed (the task may still be running). */
  error?: ApiError;
  /** Set once the stream ended (terminal state or error). */
  endedAt?: number;
}

const MAX_SAMPLES = 60;

export function useTaskProgress(apiKey: string, onEnded: (tracked: TrackedTask) => void) {
  const client = useMemo(() => createSubscriptionClient(apiKey), [apiKey]);
  // The store is a ref so that a stream's callbacks read and write the current state; the
  // version only makes the component render again.
  const store = useRef<Record<string, TrackedTask>>({});
  const [, setVersion] = useState(0);
  const followed = useRef(new Map<string, () => void>());
  const ended = useRef(onEnded);
  ended.current = onEnded;

  useEffect(
    () => () => {
      for (const stop of followed.current.values()) stop();
      followed.current.clear();
      void client.dispose();
    },
    [client],
  );

  const commit = (next: Record<string, TrackedTask>) => {
    store.current = next;
    setVersion((v) => v + 1);
  };
  const update = (id: string, change: (t: TrackedTask) => TrackedTask): TrackedTask | undefined => {
    const current = store.current[id];
    if (!current) return undefined;
    const next = change(current);
    commit({ ...store.current, [id]: next });
    return next;
  };

  const follow = useCallback(
    (id: string, jobId: string, expectedTotal?: number) => {
      if (followed.current.has(id)) return;
      commit({ ...store.current, [id]: { id, jobId, expectedTotal, samples: [] } });
      const finish = (change: Partial<TrackedTask>) => {
        const last = update(id, (t) => ({ ...t, ...change, endedAt: Date.now() }));
        if (last) ended.current(last);
      };
      const stop = subscribe(
        client,
        TaskProgressSubscription,
        { id },
        {
          next: ({ taskProgress: task }) => {
            const at = Date.now();
            update(id, (t) => ({
              ...t,
              jobId: task.jobId,
              task,
              receivedAt: at,
              error: undefined,
              samples: [...t.samples, { at, deleted: task.progress.deleted }].slice(-MAX_SAMPLES),
            }));
          },
          error: (error) => finish({ error }),
          complete: () => finish({}),
        },
      );
      followed.current.set(id, stop);
    },
    [client],
  );

  const dismiss = useCallback((id: string) => {
    const { [id]: _gone, ...rest } = store.current;
    commit(rest);
  }, []);

  return { tracked: store.current, follow, dismiss };
}
