// The task runner. Delivery is pg-boss's (PostgreSQL-backed, enqueued in the transaction that
// accepts a deletion, retried when a worker dies); ownership is the tasks table's (an atomic
// claim plus a heartbeat lease), so a task runs in one place at a time whatever pg-boss does.
//
// Flow: the accepting instance claims and runs the task at once (no polling delay). The pg-boss
// job is the durable backstop: whichever worker receives it claims the task or, while a live
// runner holds it, waits for its end; if that runner dies its lease goes stale and the worker
// takes over, and if the worker dies pg-boss's heartbeat monitor hands the job to another.
import { PgBoss, fromPrisma } from 'pg-boss';
import type { Database } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Logger } from '../log.ts';
import type { PubSub } from '../pubsub.ts';
import { runDeletion, DeletionInterrupted, type Progress } from '../deletion/engine.ts';
import { audit } from '../jobs/notifications.ts';
import { claimTask, isTerminal, LeaseLostError, releaseTask, saveProgress, type TaskRow } from './task-store.ts';
import { sweep } from './sweep.ts';
import { rowsDeleted } from '../metrics.ts';
import { publishTaskChange } from '../events/publish.ts';

/** The pg-boss queue of deletions (also checked by /ready). */
export const QUEUE = 'delete-job';
/**
 * Progress is written (and published) at most this often while rows are being deleted: five
 * moving steps a second for a progress bar (D20 asks for one per 500 ms), while each step costs
 * one execution per subscriber (a thousand subscribers at 100 ms kept the event loop busy and
 * delayed the final event past 300 ms).
 */
const PROGRESS_EVERY_MS = 200;
const SWEEP_EVERY_MS = 10_000;

export interface RunnerOptions {
  db: Database;
  pubsub: PubSub;
  log: Logger;
  nodeId: string;
  leaseSeconds: number;
  retentionHours: number;
  batchPauseMs: number;
  parallelism: number;
}

export class TaskRunner {
  private boss: PgBoss;
  private readonly running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private readonly stopping = new AbortController();
  private sweepTimer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: RunnerOptions) {
    const pool = opts.db.pool;
    this.boss = new PgBoss({
      // Share this process's pool: with the embedded database there is only one connection.
      db: { executeSql: (text, values) => pool.query(text, values as unknown[]) },
      schema: 'pgboss',
      superviseIntervalSeconds: 10,
      monitorIntervalSeconds: 10,
    });
    this.boss.on('error', (err) => opts.log.warn({ err }, 'task queue error'));
  }

  async start(): Promise<void> {
    await this.boss.start();
    // heartbeatSeconds: a worker that stops beating (killed) has its job retried elsewhere.
    // exclusive + singletonKey = task id: at most one queued-or-active job per task, so the sweep
    // can re-send freely.
    await this.boss.createQueue(QUEUE, {
      policy: 'exclusive',
      heartbeatSeconds: 10,
      retryLimit: 1_000_000,
      retryDelay: 1,
      expireInSeconds: 24 * 3600,
    });
    await this.boss.work<{ taskId: string }>(QUEUE, { localConcurrency: 4, pollingIntervalSeconds: 1 }, async ([job]) => {
      await this.ensureFinished(job.data.taskId);
    });
    this.sweepTimer = setInterval(() => void this.sweepOnce(), SWEEP_EVERY_MS);
    void this.sweepOnce();
  }

  /** Enqueues inside the caller's transaction: no accepted task without work, and no work without a task. */
  async enqueue(tx: Prisma.TransactionClient, taskId: string): Promise<void> {
    await this.boss.send(QUEUE, { taskId }, { db: fromPrisma(tx), singletonKey: taskId });
  }

  /** Starts a just-accepted task here and now (after its transaction committed). */
  kick(taskId: string): void {
    void this.tryRun(taskId).catch((err) => this.opts.log.error({ err, taskId }, 'task start failed'));
  }

  /** Publishes a change of a task so subscribers on every instance re-read it. */
  publish(task: Pick<TaskRow, 'id' | 'version' | 'state'>): void {
    publishTaskChange(this.opts.pubsub, task);
  }

  /** Stops taking work, gives running tasks back to the queue, and waits for them to let go. */
  async stop(): Promise<void> {
    clearInterval(this.sweepTimer);
    this.stopping.abort();
    for (const { abort } of this.running.values()) abort.abort();
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
    await this.boss.stop({ graceful: true, timeout: 5_000, close: false });
  }

  private async ensureFinished(taskId: string): Promise<void> {
    for (;;) {
      if (this.stopping.signal.aborted) throw new Error('instance stopping: task handed back to the queue');
      if (await this.tryRun(taskId)) return;
      const task = await this.opts.db.prisma.task.findUnique({ where: { id: taskId } });
      if (!task || isTerminal(task)) return;
      // Another runner holds it and is alive: wait, and take over if its lease goes stale.
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }

  /** Claims and runs the task; false when another live runner holds it. */
  private async tryRun(taskId: string): Promise<boolean> {
    if (this.running.has(taskId)) {
      await this.running.get(taskId)!.done;
      return true;
    }
    const task = await claimTask(this.opts.db, taskId, this.opts.nodeId, this.opts.leaseSeconds);
    if (!task) return false;
    const abort = new AbortController();
    const done = this.execute(task, abort.signal).finally(() => this.running.delete(taskId));
    this.running.set(taskId, { abort, done });
    this.publish(task);
    await done;
    return true;
  }

  private async execute(task: TaskRow, signal: AbortSignal): Promise<void> {
    const { db, nodeId, log } = this.opts;
    let lastWrite = 0;
    let latest: Progress | undefined;
    // One write in flight at a time, in order: lanes report concurrently, and two writes racing
    // could land an older `deleted` last (D17: it never goes down).
    let writing: Promise<void> = Promise.resolve();
    let inFlight = 0;
    let writeError: unknown;
    const write = (p: Progress) => {
      lastWrite = Date.now();
      const snapshot = { ...p };
      inFlight++;
      writing = writing
        .then(async () => {
          const version = await saveProgress(db, task.id, nodeId, snapshot);
          this.publish({ id: task.id, version, state: 'RUNNING' });
        })
        .finally(() => inFlight--);
      return writing;
    };
    // Keeps the lease alive through long single statements (and phases with nothing to report).
    const heartbeat = setInterval(
      () => {
        if (latest && Date.now() - lastWrite > 1_000) void write(latest).catch(() => {});
      },
      Math.max(1_000, (this.opts.leaseSeconds * 1000) / 4),
    );
    try {
      await runDeletion(db, task, {
        signal,
        pauseMs: this.opts.batchPauseMs,
        parallelism: this.opts.parallelism,
        // Lanes do not wait for progress writes (they are ordered by the chain above); a write
        // that failed (the lease was lost) stops the deletion at the next report. A routine
        // write is skipped while one is still in flight: the next one carries the newer numbers.
        report: async (p, now) => {
          if (writeError) throw writeError;
          rowsDeleted.inc(Math.max(0, p.deleted - (latest?.deleted ?? task.deleted)));
          latest = { ...p };
          if (now || (inFlight === 0 && Date.now() - lastWrite >= PROGRESS_EVERY_MS)) {
            write(latest).catch((err: unknown) => (writeError ??= err));
          }
        },
      });
      await writing;
      await this.finish(task, { state: 'COMPLETED', phase: 'DONE', ...(latest && { deleted: latest.total, total: latest.total }) });
      log.info({ taskId: task.id, jobId: task.jobId }, 'job deleted');
    } catch (err) {
      if (err instanceof LeaseLostError) return log.warn({ taskId: task.id }, err.message);
      if (err instanceof DeletionInterrupted) {
        await releaseTask(db, task.id, nodeId);
        return log.info({ taskId: task.id }, 'task handed back to the queue');
      }
      const reason = err instanceof Error ? err.message : String(err);
      log.error({ err, taskId: task.id }, 'job deletion failed');
      await this.finish(task, { state: 'FAILED', errorType: 'exception', errorReason: reason });
      await audit(db.prisma, task.jobId, `Error deleting job: ${reason}`, 'error');
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async finish(task: TaskRow, data: Prisma.TaskUpdateManyMutationInput): Promise<void> {
    const rows = await this.opts.db.prisma.task.updateManyAndReturn({
      where: { id: task.id, runnerNode: this.opts.nodeId, state: 'RUNNING' },
      data: { ...data, endTime: new Date(), version: { increment: 1 } },
    });
    if (rows[0]) this.publish(rows[0]);
  }

  private async sweepOnce(): Promise<void> {
    try {
      await sweep(this.opts.db, {
        leaseSeconds: this.opts.leaseSeconds,
        retentionHours: this.opts.retentionHours,
        nodeId: this.opts.nodeId,
        requeue: async (tx, taskId) => this.enqueue(tx, taskId),
      });
    } catch (err) {
      if (!this.stopping.signal.aborted) this.opts.log.warn({ err }, 'task sweep failed');
    }
  }
}
