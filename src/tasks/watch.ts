// Following a task: subscribe to its topic first, then read the row, then re-read on every
// event (D20: a late subscriber misses nothing; events carry versions, never rows). A slow
// poll backs the events up, so a lost message delays an update but never hangs a watcher.
import type { Database } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import type { PubSub } from '../pubsub.ts';
import { getTask, isTerminal, type TaskRow } from './task-store.ts';

const POLL_MS = 1_000;

export const taskNotFound = (id: string) => new NotFoundError(`task [${id}] isn't running and hasn't stored its results`);

/** Reads the task (D19 errors first), then returns its stream of states, ending after a terminal one. */
export async function watchTask(db: Database, pubsub: PubSub, id: string): Promise<AsyncGenerator<TaskRow>> {
  const events = pubsub.subscribe('taskProgress', id)[Symbol.asyncIterator]();
  let first: TaskRow | null;
  try {
    first = await getTask(db, id);
    if (!first) throw taskNotFound(id);
  } catch (err) {
    await events.return?.();
    throw err;
  }
  return follow(db, id, first, events);
}

async function* follow(db: Database, id: string, first: TaskRow, events: AsyncIterator<unknown>): AsyncGenerator<TaskRow> {
  try {
    let task = first;
    yield task;
    let pending = events.next();
    while (!isTerminal(task)) {
      let timer: NodeJS.Timeout | undefined;
      const tick = new Promise<'tick'>((r) => (timer = setTimeout(() => r('tick'), POLL_MS)));
      const woke = await Promise.race([pending, tick]);
      clearTimeout(timer);
      // A closed event stream leaves the poll in charge instead of spinning on it.
      if (woke !== 'tick') pending = woke.done ? new Promise<never>(() => {}) : events.next();
      const next = await db.prisma.task.findUnique({ where: { id } });
      if (!next) return; // Removed by retention while watched: nothing more will come.
      if (next.version !== task.version) yield next;
      task = next;
    }
  } finally {
    await events.return?.();
  }
}

/** Resolves with the task once terminal, or with its latest state after `timeoutMs`. */
export async function waitForTask(db: Database, pubsub: PubSub, id: string, timeoutMs: number): Promise<TaskRow> {
  const stream = await watchTask(db, pubsub, id);
  let latest: TaskRow | undefined;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
  try {
    for (;;) {
      const step = await Promise.race([stream.next(), deadline]);
      if (step === 'timeout' || step.done) break;
      latest = step.value;
      if (isTerminal(latest)) break;
    }
  } finally {
    clearTimeout(timer);
    void stream.return(undefined);
  }
  return latest!;
}
