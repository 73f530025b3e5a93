// Following a task: subscribe to its topic first, then read the row, then re-read on every
// event (D20: a late subscriber misses nothing; events carry versions, never rows). A slow
// poll backs the events up, so a lost message delays an update but never hangs a watcher.
import type { Database } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import type { PubSub, TaskChanged } from '../pubsub.ts';
import { freshReadsPer } from '../db/fresh-reads.ts';
import { assertTaskId } from './task-ids.ts';
import { isTerminal, type TaskRow } from './task-store.ts';

const POLL_MS = 1_000;

// Every subscriber of a task re-reads it on each event; with a thousand subscribers that would
// be a thousand identical queries per progress step (measured: final events seconds late). So
// each instance keeps the latest row read of each watched task: a subscriber whose event
// announces a version already held gets it without a query, and the others share one read.
interface Latest {
  row: TaskRow | null;
  reading: Promise<TaskRow | null> | undefined;
}
const latestRows = new WeakMap<Database, Map<string, Latest>>();
const FORGET_AFTER_MS = 10_000;

function startRead(db: Database, id: string, rows: Map<string, Latest>, entry: Latest): Promise<TaskRow | null> {
  const reading: Promise<TaskRow | null> = db.prisma.task.findUnique({ where: { id } }).then((row) => {
    if (!row || !entry.row || row.version >= entry.row.version) entry.row = row;
    if (!row || isTerminal(row)) setTimeout(() => rows.get(id) === entry && rows.delete(id), FORGET_AFTER_MS).unref();
    return row;
  });
  entry.reading = reading;
  void reading.finally(() => entry.reading === reading && (entry.reading = undefined)).catch(() => {});
  return reading;
}

/**
 * The task at `announced` version or newer (an event's), or, with no version (a poll tick),
 * as the database has it now.
 */
export async function readTask(db: Database, id: string, announced?: number): Promise<TaskRow | null> {
  let rows = latestRows.get(db);
  if (!rows) latestRows.set(db, (rows = new Map()));
  let entry = rows.get(id);
  if (!entry) rows.set(id, (entry = { row: null, reading: undefined }));
  if (announced !== undefined && entry.row && entry.row.version >= announced) return entry.row;
  const row = await (entry.reading ?? startRead(db, id, rows, entry));
  if (announced === undefined || !row || row.version >= announced) return row;
  // The read we joined began before the change was published: one more, started after it.
  return startRead(db, id, rows, entry);
}

/** A new subscriber's first read: one that starts after it subscribed, shared with the others arriving with it. */
const firstRead = freshReadsPer((db: Database, id: string) => db.prisma.task.findUnique({ where: { id } }));

export const taskNotFound = (id: string) => new NotFoundError(`task [${id}] isn't running and hasn't stored its results`);

/** Reads the task (D19 errors first), then returns its stream of states, ending after a terminal one. */
export async function watchTask(db: Database, pubsub: PubSub, id: string): Promise<AsyncGenerator<TaskRow>> {
  assertTaskId(id);
  const events = pubsub.subscribe('taskProgress', id)[Symbol.asyncIterator]();
  // The iterator listens only from its first next(): ask now, before reading the row, or a
  // change published in between is lost and the watcher waits for the poll.
  const pending = events.next();
  let first: TaskRow | null;
  try {
    first = await firstRead(db, id);
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
      const announced = woke === 'tick' || woke.done ? undefined : (woke.value as TaskChanged).version;
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
