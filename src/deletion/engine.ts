// Runs one accepted deletion to its end (D8-D11, D17). Knows nothing of queues or GraphQL: the
// task runner calls it with a control object for progress and cancellation. Safe to run again
// on a half-deleted job: every step deletes what is still there.
import type { Database } from '../db/client.ts';
import type { TaskRow } from '../tasks/task-store.ts';
import { countsForDeletion } from '../jobs/counts.ts';
import { audit } from '../jobs/notifications.ts';
import { deleteTableInBatches } from './batches.ts';
import { PHASE_CONFIG, PHASE_STOPPING, STEPS } from './plan.ts';

export interface Progress {
  phase: string;
  deleted: number;
  total: number;
}

export interface DeletionControl {
  /** Records progress; throttled by the caller. `now` forces a write (phase changes). */
  report(progress: Progress, now?: boolean): Promise<void>;
  /** Aborted when this instance shuts down: stop between two batches. */
  signal: AbortSignal;
  /** Pause after each batch (DELETE_BATCH_PAUSE_MS), to spare a busy database. */
  pauseMs: number;
}

export class DeletionInterrupted extends Error {}

export async function runDeletion(db: Database, task: TaskRow, control: DeletionControl): Promise<void> {
  const jobId = task.jobId;
  const job = await db.prisma.job.findUnique({ where: { id: jobId }, select: { state: true } });
  if (!job) return; // Finished by an earlier run that stopped before marking the task.

  // D17: total is counted once, when the task first starts; a resumed task keeps its numbers so
  // that deleted and percent never go down.
  const fresh = task.phase === 'STARTING' && task.deleted === 0;
  const total = fresh ? (await countsForDeletion(db, jobId, task.deleteUserAnnotations)).total : task.total;
  const progress: Progress = { phase: task.phase, deleted: task.deleted, total };

  if (task.force && job.state !== 'CLOSED') {
    // D8: stop the job's process first; its state becomes CLOSED before any data goes.
    await control.report({ ...progress, phase: PHASE_STOPPING }, true);
    await db.prisma.job.update({ where: { id: jobId }, data: { state: 'CLOSED' } });
  }

  for (const step of STEPS) {
    if (control.signal.aborted) throw new DeletionInterrupted('shutting down');
    progress.phase = step.phase;
    await control.report(progress, true);
    await deleteTableInBatches(db.pool, step, jobId, task.deleteUserAnnotations, async (n) => {
      // A resumed run may find more rows than it counted: never report past the total.
      if (step.counted) progress.deleted = Math.min(progress.total, progress.deleted + n);
      await control.report(progress);
      if (control.pauseMs) await new Promise((r) => setTimeout(r, control.pauseMs));
      if (control.signal.aborted) throw new DeletionInterrupted('shutting down');
    });
  }

  progress.phase = PHASE_CONFIG;
  await control.report(progress, true);
  // D10/D11: the configuration goes last, with its audit line, in one transaction; the cascade
  // foreign keys remove anything a step could have missed, so no orphan can remain.
  await db.prisma.$transaction(async (tx) => {
    await tx.job.deleteMany({ where: { id: jobId } });
    await audit(tx, jobId, 'Job deleted');
  });
}
