// Following a task: subscribe to its topic first, then read the row, then re-read on every
// event (D20: a late subscriber misses nothing; events carry versions, never rows). A slow
// poll backs the events up, so a lost message delays an update but never hangs a watcher.
import type { Database } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import type { PubSub, TaskChanged } from '../pubsub.ts';
import { getTask, isTerminal, type TaskRow } from './task-store.ts';

const POLL_MS = 1_000;

// Every subscriber of a task re-reads it on each event; with a thousand subscribers that would
// be a thousand identical queries per progress step. Overlapping reads of one task share one
// query; a caller that knows a newer version exists (from its event) reads again if the shared
// result is older.
const inflight = new WeakMap<Database, Map<string, Promise<TaskRow | null>>>();

function sharedRead(db: Database, id: string): Promise<TaskRow | null> {
  let reads = inflight.get(db);
  if (!reads) inflight.set(db, (reads = new Map()));
  let read = reads.get(id);
  if (!read) {
    const started = db.prisma.task.findUnique({ where: { id } });
    read = started;
    reads.set(id, started);
    void started.finally(() => reads.get(id) === started && reads.delete(id)).catch(() => {});
  }
  return read;
}

async function readTask(db: Database, id: string, minVersion: number): Promise<TaskRow | null> {
  const shared = await sharedRead(db, id);
  if (!shared || shared.version >= minVersion) return shared;
  return db.prisma.task.findUnique({ where: { id } });
}

export const taskNotFound = (id: string) => new NotFoundError(`task [${id}] isn't running and hasn't stored its results`);

/** Reads the task (D19 errors first), then returns its stream of states, ending after a terminal one. */
export async function watchTask(db: Database, pubsub: PubSub, id: string): Promise<AsyncGenerator<TaskRow>> {
  const events = pubsub.subscribe('taskProgress', id)[Symbol.asyncIterator]();
  // The iterator listens only from its first next(): ask now, before reading the row, or a
  // change published in between is lost and the watcher waits for the poll.
  const pending = events.next();
  let first: TaskRow | null;
  try {
    first = await getTask(db, id);
    if (!first) throw taskNotFound(id);
  } catch (err) {
    await events.return?.();
    throw err;
  }
  return follow(db, id, first, events, pending);
}

async function* follow(
  db: Database,
  id: string,
  first: TaskRow,
  events: AsyncIterator<unknown>,
  pending: Promise<IteratorResult<unknown>>,
): AsyncGenerator<TaskRow> {
  try {
    let task = first;
    yield task;
    while (!isTerminal(task)) {
      let timer: NodeJS.Timeout | undefined;
      const tick = new Promise<'tick'>((r) => (timer = setTimeout(() => r('tick'), POLL_MS)));
      const woke = await Promise.race([pending, tick]);
      clearTimeout(timer);
      // A closed event stream leaves the poll in charge instead of spinning on it.
      if (woke !== 'tick') pending = woke.done ? new Promise<never>(() => {}) : events.next();
      const announced = woke === 'tick' || woke.done ? 0 : (woke.value as TaskChanged).version;
      const next = await readTask(db, id, announced);
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
