// Runs one accepted deletion to its end (D8-D11, D17). Knows nothing of queues or GraphQL: the
// task runner calls it with a control object for progress and cancellation. Safe to run again
// on a half-deleted job: every step deletes what is still there.
import type pg from 'pg';
import type { Database } from '../db/client.ts';
import type { TaskRow } from '../tasks/task-store.ts';
import { countsForDeletion, rowsIn } from '../jobs/counts.ts';
import { audit } from '../jobs/notifications.ts';
import { dropPartition, lockParents } from '../jobs/partitions.ts';
import { isCountedTable } from '../jobs/row-counts.ts';
import { deleteTableInBatches } from './batches.ts';
import { PHASE_CONFIG, PHASE_STOPPING, STEPS } from './plan.ts';

export interface Progress {
  phase: string;
  deleted: number;
  total: number;
}

export interface DeletionControl {
  /** Records progress; throttled by the caller. `now` forces a write (the start, stopping the job). */
  report(progress: Progress, now?: boolean): Promise<void>;
  /** Aborted when this instance shuts down: stop between two steps. */
  signal: AbortSignal;
  /** Pause after each step, a dropped partition or a batch of rows (DELETE_BATCH_PAUSE_MS), to spare a busy database. */
  pauseMs: number;
  /** Tables deleted at once (DELETE_PARALLELISM); the pool bounds it (one with the embedded database). */
  parallelism: number;
}

export class DeletionInterrupted extends Error {}

export async function runDeletion(db: Database, task: TaskRow, control: DeletionControl): Promise<void> {
  const jobId = task.jobId;
  const job = await db.prisma.job.findUnique({ where: { id: jobId }, select: { state: true } });
  if (!job) return; // Finished by an earlier run that stopped before marking the task.

  // D17: total is counted once, when the task first starts (the kept counts make it one index
  // read, so progress shows from the first step); a resumed task keeps its numbers so that
  // deleted and percent never go down.
  // The counts also plan each table's work (a resumed run sees what is left).
  const fresh = task.phase === 'STARTING' && task.deleted === 0;
  const counts = await countsForDeletion(db.pool, jobId, task.deleteUserAnnotations);
  const total = fresh ? counts.total : task.total;
  const progress: Progress = { phase: task.phase, deleted: task.deleted, total };
  let deletedSoFar = task.deleted;
  const report = (now = false) => {
    // A resumed run may find more rows than it counted: never report past the total.
    progress.deleted = Math.min(progress.total, deletedSoFar);
    return control.report(progress, now);
  };

  if (task.force && job.state !== 'CLOSED') {
    // D8: stop the job's process first; its state becomes CLOSED before any data goes.
    progress.phase = PHASE_STOPPING;
    await report(true);
    await db.prisma.job.update({ where: { id: jobId }, data: { state: 'CLOSED' } });
  }

  // Tables go in plan order over `parallelism` lanes (separate connections). A table partitioned
  // per job (partitions.ts) loses the job's rows by dropping its partition: no row is visited,
  // so the time hardly grows with the rows (a partition of a million rows: tens of milliseconds,
  // against ~0.7 s for the database's own cascade). The others (annotations, calendar membership) are deleted in
  // batches. The phase shown is the earliest table not yet done; the configuration row still
  // goes last, after every lane has finished.
  const done = STEPS.map(() => false);
  const phaseNow = () => STEPS[done.indexOf(false)]?.phase ?? PHASE_CONFIG;
  let next = 0;
  let failed = false;
  const lane = async () => {
    // A lane has a connection of its own, whose commits do not wait for the WAL flush: a step
    // lost to a crash is simply done again on resume, and the final transaction (job row, audit,
    // task) still commits durably. With the embedded database's single connection the lane must
    // not hold it (progress writes need it too), so it takes it per statement.
    const conn = db.embedded ? db.pool : await db.pool.connect();
    if (conn !== db.pool) await conn.query('SET synchronous_commit = off');
    try {
      await runLane(conn);
    } finally {
      if (conn !== db.pool) {
        await conn.query('RESET synchronous_commit').catch(() => {});
        (conn as pg.PoolClient).release();
      }
    }
  };
  const runLane = async (conn: Pick<pg.Pool, 'query'>) => {
    while (next < STEPS.length && !failed) {
      const index = next++;
      const step = STEPS[index];
      if (control.signal.aborted) throw new DeletionInterrupted('shutting down');
      const onStep = async (n: number) => {
        if (step.counted) deletedSoFar += n;
        progress.phase = phaseNow();
        await report();
        if (control.pauseMs) await new Promise((r) => setTimeout(r, control.pauseMs));
        if (control.signal.aborted || failed) throw new DeletionInterrupted('shutting down');
      };
      if (isCountedTable(step.table)) {
        // Waiting for a busy parent table ends with the instance's shutdown: the task is handed
        // back, not failed.
        const dropped = await dropPartition(conn, step.table, jobId, control.signal).catch((err: unknown) => {
          throw control.signal.aborted ? new DeletionInterrupted('shutting down') : err;
        });
        await onStep(dropped);
      } else await deleteTableInBatches(conn, step, rowsIn(counts, step.table), jobId, task.deleteUserAnnotations, onStep);
      done[index] = true;
      // A new phase is reported like any step, at the runner's pace (PROGRESS_EVERY_MS), not at
      // once: a partition drops in milliseconds, and forcing a write per phase sent a thousand
      // subscribers ten events within 100 ms, which pushed the final one past 200 ms.
      progress.phase = phaseNow();
      await report();
    }
  };
  progress.phase = phaseNow();
  await report(true);
  await Promise.all(
    Array.from({ length: Math.max(1, control.parallelism) }, () =>
      lane().catch((err) => {
        failed = true;
        throw err;
      }),
    ),
  );

  progress.phase = PHASE_CONFIG;
  await report();
  // D10/D11: the configuration goes last, with its audit line, in one transaction; the cascade
  // foreign keys remove anything a step could have missed, so no orphan can remain (on the
  // partitioned tables the cascade finds no partition left for the job: nothing to scan).
  await db.prisma.$transaction(async (tx) => {
    await lockParents(tx);
    await tx.job.deleteMany({ where: { id: jobId } });
    await audit(tx, jobId, 'Job deleted');
  });
}
