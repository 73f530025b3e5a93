// Recovery and retention of tasks, run on start and every few seconds by every instance (cheap
// queries; the atomic claim makes concurrent sweeps harmless):
// - a QUEUED or RUNNING task nobody has touched for a lease period goes back to the queue
//   (its runner died, or its queue job was lost, e.g. after a restore);
// - a task FAILED by an error now known to pass (connection loss, a transaction that could not
//   start in time, …: pg-errors.ts), e.g. by a version before the runner retried them, resumes
//   where it stopped, with the same id (its work is idempotent);
// - tasks that ended more than the retention period ago are removed (D16 keeps them >= 24 h).
// What the work itself needs recovered (the deletion's orphans) is the `recover` hook's.
import type { Database } from '../db/client.ts';
import { isTransientDbError } from '../db/pg-errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { TaskRow } from './task-store.ts';

export interface SweepOptions {
  leaseSeconds: number;
  retentionHours: number;
  requeue(tx: Prisma.TransactionClient, taskId: string): Promise<void>;
  /** Resumed FAILED tasks, to publish their change. */
  onResumed?(task: Pick<TaskRow, 'id' | 'version' | 'state'>): void;
}

export async function sweep(db: Database, opts: SweepOptions): Promise<void> {
  const stale = await db.prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM tasks WHERE state IN ('QUEUED', 'RUNNING')
      AND coalesce(heartbeat_at, start_time) < now() - make_interval(secs => ${opts.leaseSeconds})`;
  for (const { id } of stale) await db.prisma.$transaction((tx) => opts.requeue(tx, id));

  // Only a job's current task, and only while the job is still there and being deleted.
  const failed = await db.prisma.$queryRaw<{ id: string; reason: string | null; last_error: string | null }[]>`
    SELECT t.id, t.error_reason AS reason, t.last_error FROM tasks t JOIN jobs j ON j.deletion_task_id = t.id
    WHERE t.state = 'FAILED' AND j.deleting`;
  for (const task of failed) {
    if (!isTransientDbError({ message: task.reason ?? '' })) continue;
    const resumed = await db.prisma.$transaction(async (tx) => {
      const rows = await tx.task.updateManyAndReturn({
        where: { id: task.id, state: 'FAILED' },
        data: {
          state: 'QUEUED',
          endTime: null,
          errorType: null,
          errorReason: null,
          lastError: task.reason,
          runnerNode: null,
          heartbeatAt: null,
          version: { increment: 1 },
        },
      });
      if (rows[0]) await opts.requeue(tx, task.id);
      return rows[0];
    });
    if (resumed) opts.onResumed?.(resumed);
  }

  await db.prisma.$executeRaw`
    DELETE FROM tasks WHERE end_time < now() - make_interval(hours => ${opts.retentionHours})`;
}
