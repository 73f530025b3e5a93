// The change feeds (jobEvents, taskEvents): every instance's subscribers hear every message
// (src/events/publish.ts), read what changed once per message and instance (task rows through
// watch.ts's shared latest rows, job rows per message), filter in the process and emit in
// order. A feed has no initial state: clients read a page first, then apply events.
import { Repeater } from 'graphql-yoga';
import type { Database } from '../db/client.ts';
import type { Job } from '../generated/prisma/client.ts';
import { expressionMatcher } from '../jobs/expression.ts';
import { jobMatcher, type JobFilter } from '../jobs/job-pages.ts';
import type { JobEventMessage, PubSub, TaskEventMessage } from '../pubsub.ts';
import { taskMatcher, type TaskFilter } from '../tasks/task-pages.ts';
import { ACTION_DELETE_JOB, type TaskRow } from '../tasks/task-store.ts';
import { readTask } from '../tasks/watch.ts';

export type JobEventKind = 'CREATED' | 'UPDATED' | 'DELETING' | 'DELETED';

export interface JobEvent {
  kind: JobEventKind;
  jobId: string;
  /** Null once DELETED. */
  job: Job | null;
}

// One read of the job per message and instance, whatever the number of subscribers: every
// subscriber receives the same message object.
const jobReads = new WeakMap<object, Promise<Job | null>>();
function jobAfter(db: Database, message: object, jobId: string): Promise<Job | null> {
  let read = jobReads.get(message);
  if (!read) jobReads.set(message, (read = db.prisma.job.findUnique({ where: { id: jobId } })));
  return read;
}

/** Handles each message in arrival order (a DELETED never overtakes the DELETING before it). */
function feed<T>(
  sources: {
    messages: AsyncIterable<unknown> & { return?(): unknown };
    handle: (message: never, push: (value: T) => Promise<unknown>) => Promise<void>;
    /** Called as each message arrives, before the ones ahead of it are handled. */
    arrive?: (message: never) => void;
  }[],
): AsyncIterable<T> {
  return new Repeater<T>(async (push, stop) => {
    let chain = Promise.resolve();
    for (const { messages, handle, arrive } of sources) {
      void (async () => {
        for await (const message of messages) {
          arrive?.(message as never);
          chain = chain.then(() => handle(message as never, push)).catch((err: unknown) => stop(err));
        }
      })().catch((err: unknown) => stop(err));
    }
    await stop;
    await Promise.all(sources.map((s) => s.messages.return?.()));
  });
}

/** A task whose version this subscriber already handled (an event may find a newer row already read). */
function versionTracker() {
  const seen = new Map<string, number>();
  return (task: TaskRow) => {
    if ((seen.get(task.id) ?? -1) >= task.version) return false;
    seen.set(task.id, task.version);
    return true;
  };
}

/**
 * Whether a deletion's task change is worth a DELETING event: a new state (accepted, running,
 * failed, resumed) always is; progress within a state at most once a second. The job itself does
 * not change while its rows go (progress is the task's: taskEvents), and a thousand subscribers
 * times five progress steps a second would hold up the DELETED behind them.
 */
const DELETING_EVERY_MS = 1_000;
function deletionPace() {
  const last = new Map<string, { state: string; at: number }>();
  return (task: TaskRow) => {
    const before = last.get(task.id);
    const now = Date.now();
    if (before && before.state === task.state && now - before.at < DELETING_EVERY_MS) return false;
    last.set(task.id, { state: task.state, at: now });
    if (task.state === 'FAILED') last.delete(task.id);
    return true;
  };
}

/**
 * Changes to the jobs that match `filter`: CREATED and UPDATED from job mutations, DELETING and
 * DELETED from the deletion's task. A DELETED event is checked against `filter.ids` only (the job
 * is gone; its groups are the last ones this subscriber saw, when it saw any).
 */
export function jobEvents(db: Database, pubsub: PubSub, filter: JobFilter | null | undefined): AsyncIterable<JobEvent> {
  const matches = jobMatcher(filter);
  const idsMatch = expressionMatcher(filter?.ids);
  const groupsSeen = new Map<string, readonly string[]>();
  const isNew = versionTracker();
  const progressed = deletionPace();
  // The newest version announced per task, as messages arrive: a DELETING already overtaken by a
  // newer change waiting behind it is skipped (that change tells the job's state, and a DELETED
  // is not held up behind a thousand stale DELETING sends).
  const announced = new Map<string, number>();
  const pushIfMatching = async (kind: JobEventKind, job: Job | null, push: (e: JobEvent) => Promise<unknown>) => {
    if (!job) return; // Gone already: its DELETED follows.
    groupsSeen.set(job.id, job.groups);
    if (matches(job)) await push({ kind, jobId: job.id, job });
  };
  return feed<JobEvent>([
    {
      messages: pubsub.subscribe('jobEvents'),
      handle: async (message: JobEventMessage, push) => pushIfMatching(message.kind, await jobAfter(db, message, message.jobId), push),
    },
    {
      messages: pubsub.subscribe('taskEvents'),
      arrive: (message: TaskEventMessage) => void announced.set(message.taskId, Math.max(message.version, announced.get(message.taskId) ?? 0)),
      handle: async (message: TaskEventMessage, push) => {
        const task = await readTask(db, message.taskId, message.version);
        if (!task || task.action !== ACTION_DELETE_JOB || !isNew(task)) return;
        if (task.state !== 'COMPLETED') {
          if ((announced.get(task.id) ?? 0) > task.version || !progressed(task)) return;
          return pushIfMatching('DELETING', await jobAfter(db, message, task.jobId), push);
        }
        announced.delete(task.id);
        const groups = groupsSeen.get(task.jobId);
        groupsSeen.delete(task.jobId);
        if (!groups || idsMatch(task.jobId, groups)) await push({ kind: 'DELETED', jobId: task.jobId, job: null });
      },
    },
  ]);
}

/** Every change of every task that matches `filter`, as the task is after it. */
export function taskEvents(db: Database, pubsub: PubSub, filter: TaskFilter | null | undefined): AsyncIterable<TaskRow> {
  const matches = taskMatcher(filter);
  const isNew = versionTracker();
  return feed<TaskRow>([
    {
      messages: pubsub.subscribe('taskEvents'),
      handle: async (message: TaskEventMessage, push) => {
        const task = await readTask(db, message.taskId, message.version);
        if (task && matches(task) && isNew(task)) await push(task);
      },
    },
  ]);
}
