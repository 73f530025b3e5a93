// The task runner. Delivery is pg-boss's (PostgreSQL-backed, enqueued in the transaction that
// accepts a deletion, retried when a worker dies); ownership is the tasks table's (an atomic
// claim plus a heartbeat lease), so a task runs in one place at a time whatever pg-boss does.
//
// Flow: the accepting instance runs the task at once if one of its DELETE_CONCURRENCY slots is
// free, else it waits QUEUED for one, in arrival order. The pg-boss job is the durable backstop:
// whichever worker receives it claims the task or, while a live runner holds it, waits for its
// end; if that runner dies its lease goes stale and the worker takes over, and if the worker
// dies pg-boss's heartbeat monitor hands the job to another.
//
// Errors: a transient one (pg-errors.ts: connection loss, pool or transaction-start timeout,
// lock timeout, serialization failure, deadlock, out of shared memory, disk full…) is retried
// with backoff, the task staying RUNNING with `attempts` and `lastError` updated: the work is
// idempotent, so running it again continues where it stopped. Only any other error makes the
// task FAILED, with an audit line.
import { PgBoss, fromPrisma } from 'pg-boss';
import type { Database } from '../db/client.ts';
import { dbErrorKind, describeError, type DbErrorKind } from '../db/pg-errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { audit } from '../jobs/notifications.ts';
import type { Logger } from '../log.ts';
import { outageReporter, type OutageReporter } from '../outage.ts';
import { ProgressWriter, type Progress } from './progress-writer.ts';
import { claimTask, isTerminal, LeaseLostError, recordRetry, releaseTask, saveProgress, type TaskRow } from './task-store.ts';
import { TASK_QUEUE } from './queue-name.ts';
import { sweep } from './sweep.ts';

/**
 * Progress is written (and published) at most this often while rows are being deleted: five
 * moving steps a second for a progress bar (D20 asks for one per 500 ms), while each step costs
 * one execution per subscriber (a thousand subscribers at 100 ms kept the event loop busy and
 * delayed the final event past 300 ms).
 */
const PROGRESS_EVERY_MS = 200;
const SWEEP_EVERY_MS = 10_000;
/** Backoff between attempts after a transient error: doubling from the first, capped. */
export const RETRY_FIRST_MS = 500;
export const RETRY_MAX_MS = 15_000;

/** What a task's work receives: progress reports and the signal that this instance is stopping. */
export interface WorkControl {
  report(progress: Progress, now?: boolean): Promise<void>;
  signal: AbortSignal;
  pauseMs: number;
  parallelism: number;
}

/** The work of a task (the deletion engine): idempotent, so running it again after a failure continues it. */
export type TaskWork = (db: Database, task: TaskRow, control: WorkControl) => Promise<void>;

export interface RunnerOptions {
  db: Database;
  log: Logger;
  /** Announces a change of a task to its subscribers on every instance (events/publish.ts, given by the app). */
  onTaskChange(task: Pick<TaskRow, 'id' | 'version' | 'state'>): void;
  nodeId: string;
  work: TaskWork;
  leaseSeconds: number;
  retentionHours: number;
  batchPauseMs: number;
  parallelism: number;
  /** Tasks run at once by this instance (DELETE_CONCURRENCY); the others wait QUEUED. */
  concurrency: number;
  /** Extra recovery run with every sweep (the deletion's orphans), given the way to enqueue. */
  recover?(enqueue: (tx: Prisma.TransactionClient, taskId: string) => Promise<void>): Promise<void>;
  /** Counters of the app's metrics: rows deleted, retries by error kind. */
  onRowsDeleted?(n: number): void;
  onRetry?(kind: DbErrorKind): void;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

export const retryDelayMs = (attempt: number) => Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, attempt - 1));

export class TaskRunner {
  private boss: PgBoss;
  private readonly running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  /** Claims in progress or waiting for a slot, by task: a second start of the same task joins the first. */
  private readonly starting = new Map<string, Promise<boolean>>();
  /** Slots taken, and starts waiting for one in arrival order. */
  private busy = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly stopping = new AbortController();
  private sweepTimer: NodeJS.Timeout | undefined;
  private readonly db: Database;
  private readonly queueOutage: OutageReporter;

  constructor(private readonly opts: RunnerOptions) {
    // Deletion work and the queue draw on the work budget, never on the API's connections.
    this.db = opts.db.work;
    const pool = this.db.pool;
    this.boss = new PgBoss({
      // Share this process's pool: with the embedded database there is only one connection.
      db: { executeSql: (text, values) => pool.query(text, values as unknown[]) },
      schema: 'pgboss',
      superviseIntervalSeconds: 10,
      monitorIntervalSeconds: 10,
    });
    // pg-boss polls every second: while the database is away, one line per outage, not per poll.
    this.queueOutage = outageReporter(opts.log, 'postgresql', 'task queue');
    this.boss.on('error', (err) => this.queueOutage.failed(err));
  }

  /** Deletions running here now, and waiting here for a slot. */
  get load(): { running: number; waiting: number } {
    return { running: this.running.size, waiting: this.waiting.length };
  }

  async start(): Promise<void> {
    await this.boss.start();
    // heartbeatSeconds: a worker that stops beating (killed) has its job retried elsewhere.
    // exclusive + singletonKey = task id: at most one queued-or-active job per task, so the sweep
    // can re-send freely.
    await this.boss.createQueue(TASK_QUEUE, {
      policy: 'exclusive',
      heartbeatSeconds: 10,
      retryLimit: 1_000_000,
      retryDelay: 1,
      expireInSeconds: 24 * 3600,
    });
    await this.boss.work<{ taskId: string }>(TASK_QUEUE, { localConcurrency: 4, pollingIntervalSeconds: 1 }, async ([job]) => {
      await this.ensureFinished(job.data.taskId);
    });
    this.sweepTimer = setInterval(() => void this.sweepOnce(), SWEEP_EVERY_MS);
    void this.sweepOnce();
  }

  /** Enqueues inside the caller's transaction: no accepted task without work, and no work without a task. */
  async enqueue(tx: Prisma.TransactionClient, taskId: string): Promise<void> {
    await this.boss.send(TASK_QUEUE, { taskId }, { db: fromPrisma(tx), singletonKey: taskId });
  }

  /** Starts a just-accepted task here (after its transaction committed), as soon as a slot is free. */
  kick(taskId: string): void {
    void this.tryRun(taskId).catch((err) => this.opts.log.warn({ err: describeError(err), taskId }, 'task start failed, the queue will retry it'));
  }

  /** A task completed without the runner (a small job deleted in its accepting transaction): announced and counted as if it had run. */
  completedElsewhere(task: Pick<TaskRow, 'id' | 'version' | 'state'>, rowsDeleted: number): void {
    this.opts.onRowsDeleted?.(rowsDeleted);
    // After the caller's answer is on its way (it is committed already): publishing costs the
    // answer ~0.5 ms of a 5 ms request, and goes out within the same turn of the event loop.
    setImmediate(() => this.publish(task));
  }

  /** Publishes a change of a task so subscribers on every instance re-read it. */
  publish(task: Pick<TaskRow, 'id' | 'version' | 'state'>): void {
    this.opts.onTaskChange(task);
  }

  /** Stops taking work, gives running tasks back to the queue, and waits for them to let go. */
  async stop(): Promise<void> {
    clearInterval(this.sweepTimer);
    this.stopping.abort();
    for (const go of this.waiting.splice(0)) go();
    for (const { abort } of this.running.values()) abort.abort();
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
    await this.boss.stop({ graceful: true, timeout: 5_000, close: false }).catch(() => {});
  }

  private async ensureFinished(taskId: string): Promise<void> {
    for (;;) {
      if (this.stopping.signal.aborted) throw new Error('instance stopping: task handed back to the queue');
      if (await this.tryRun(taskId)) return;
      const task = await this.db.prisma.task.findUnique({ where: { id: taskId } });
      if (!task || isTerminal(task)) return;
      // Another runner holds it and is alive: wait, and take over if its lease goes stale.
      await sleep(1_000, this.stopping.signal);
    }
  }

  /** Claims and runs the task; false when another live runner holds it. One call per task at a time: a second one joins the first. */
  private tryRun(taskId: string): Promise<boolean> {
    let run = this.starting.get(taskId);
    if (!run) {
      run = this.claimAndRun(taskId).finally(() => this.starting.delete(taskId));
      this.starting.set(taskId, run);
    }
    return run;
  }

  private async claimAndRun(taskId: string): Promise<boolean> {
    if (!(await this.takeSlot())) return false;
    let task: TaskRow | null = null;
    try {
      task = await claimTask(this.db, taskId, this.opts.nodeId, this.opts.leaseSeconds);
    } finally {
      if (!task) this.giveSlot();
    }
    if (!task) return false;
    const abort = new AbortController();
    const done = this.execute(task, abort.signal).finally(() => {
      this.running.delete(taskId);
      this.giveSlot();
    });
    this.running.set(taskId, { abort, done });
    this.publish(task);
    await done;
    return true;
  }

  /** Waits for one of the DELETE_CONCURRENCY slots, in arrival order; false if the instance stops meanwhile. */
  private async takeSlot(): Promise<boolean> {
    if (this.stopping.signal.aborted) return false;
    if (this.busy < this.opts.concurrency && !this.waiting.length) {
      this.busy++;
      return true;
    }
    // A slot given up is handed straight to the first waiter (busy stays the same).
    await new Promise<void>((go) => this.waiting.push(go));
    return !this.stopping.signal.aborted;
  }

  private giveSlot(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy--;
  }

  private async execute(first: TaskRow, signal: AbortSignal): Promise<void> {
    const { nodeId, log } = this.opts;
    let task = first;
    // The first error since the last one recorded: an outage's cause (57P01 …), not the
    // ECONNREFUSED of every attempt while it lasts.
    let unrecorded: string | undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        if (unrecorded !== undefined) {
          // Counts the attempt, keeps the error and renews the lease (or finds it lost), then
          // reads the row as it is now: a resumed run keeps the numbers the last one wrote.
          this.publish({ id: task.id, version: await recordRetry(this.db, task.id, nodeId, unrecorded), state: 'RUNNING' });
          unrecorded = undefined;
          const now = await this.db.prisma.task.findUnique({ where: { id: task.id } });
          if (!now) throw new LeaseLostError(task.id);
          task = now;
        }
        await this.attempt(task, signal);
        return log.info({ taskId: task.id, jobId: task.jobId, attempts: task.attempts }, 'job deleted');
      } catch (err) {
        if (err instanceof LeaseLostError) return log.warn({ taskId: task.id }, err.message);
        if (signal.aborted) {
          await releaseTask(this.db, task.id, nodeId).catch((e: unknown) =>
            log.warn({ taskId: task.id, reason: describeError(e) }, 'hand-back failed; the lease will expire'),
          );
          return log.info({ taskId: task.id }, 'task handed back to the queue');
        }
        const kind = dbErrorKind(err);
        const reason = describeError(err);
        if (!kind) {
          log.error({ err, taskId: task.id }, 'job deletion failed');
          return this.fail(task, reason);
        }
        this.opts.onRetry?.(kind);
        unrecorded ??= reason;
        const delay = retryDelayMs(attempt);
        log.warn({ taskId: task.id, jobId: task.jobId, attempt, kind, reason, retryInMs: delay }, 'deletion met a transient error, retrying');
        await sleep(delay, signal);
      }
    }
  }

  /** One run of the work, from where the task stands to COMPLETED. */
  private async attempt(task: TaskRow, signal: AbortSignal): Promise<void> {
    const { nodeId } = this.opts;
    let counted = task.deleted;
    const progress = new ProgressWriter({
      everyMs: PROGRESS_EVERY_MS,
      heartbeatIdleMs: 1_000,
      save: async (p) => {
        const version = await saveProgress(this.db, task.id, nodeId, p);
        this.publish({ id: task.id, version, state: 'RUNNING' });
      },
    });
    const heartbeat = setInterval(() => progress.heartbeat(), Math.max(1_000, (this.opts.leaseSeconds * 1000) / 4));
    try {
      await this.opts.work(this.db, task, {
        signal,
        pauseMs: this.opts.batchPauseMs,
        parallelism: this.opts.parallelism,
        report: async (p, now) => {
          progress.report(p, now);
          this.opts.onRowsDeleted?.(Math.max(0, p.deleted - counted));
          counted = Math.max(counted, p.deleted);
        },
      });
      await progress.flush();
      const latest = progress.latest;
      await this.finish(task, { state: 'COMPLETED', phase: 'DONE', ...(latest && { deleted: latest.total, total: latest.total }) });
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async fail(task: TaskRow, reason: string): Promise<void> {
    // A permanent error: the outcome must be written, so its own writes are retried while the
    // database is away (a FAILED left unwritten would only be taken over after the lease).
    for (let attempt = 1; ; attempt++) {
      try {
        await this.finish(task, { state: 'FAILED', errorType: 'exception', errorReason: reason, lastError: reason });
        await audit(this.db.prisma, task.jobId, `Error deleting job: ${reason}`, 'error');
        return;
      } catch (err) {
        if (!dbErrorKind(err) || this.stopping.signal.aborted) throw err;
        await sleep(retryDelayMs(attempt), this.stopping.signal);
      }
    }
  }

  private async finish(task: TaskRow, data: Prisma.TaskUpdateManyMutationInput): Promise<void> {
    const rows = await this.db.prisma.task.updateManyAndReturn({
      where: { id: task.id, runnerNode: this.opts.nodeId, state: 'RUNNING' },
      data: { ...data, endTime: new Date(), version: { increment: 1 } },
    });
    if (rows[0]) this.publish(rows[0]);
  }

  private async sweepOnce(): Promise<void> {
    const requeue = (tx: Prisma.TransactionClient, taskId: string) => this.enqueue(tx, taskId);
    try {
      await sweep(this.db, {
        leaseSeconds: this.opts.leaseSeconds,
        retentionHours: this.opts.retentionHours,
        requeue,
        onResumed: (task) => {
          this.opts.log.info({ taskId: task.id }, 'task failed by a transient error resumed');
          this.publish(task);
        },
      });
      await this.opts.recover?.(requeue);
      this.queueOutage.recovered();
    } catch (err) {
      if (this.stopping.signal.aborted) return;
      if (dbErrorKind(err)) this.queueOutage.failed(err, { step: 'sweep' });
      else this.opts.log.warn({ err }, 'task sweep failed');
    }
  }
}
