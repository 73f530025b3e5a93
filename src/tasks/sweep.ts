// Recovery and retention, run on start and every few seconds by every instance (cheap queries;
// the atomic claim makes concurrent sweeps harmless):
// - a QUEUED or RUNNING task nobody has touched for a lease period goes back to the queue
//   (its runner died, or its queue job was lost, e.g. after a restore);
// - a job marked `deleting` with no task at all gets a new one (Elasticsearch's daily
//   maintenance does this; we do it within seconds);
// - tasks that ended more than the retention period ago are removed (D16 keeps them >= 24 h);
// - dedicated tables whose job row was removed by hand (no cascade reaches them) are dropped.
import type { Database } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { audit } from '../jobs/notifications.ts';
import { dropOrphanTables } from '../jobs/storage.ts';
import { ACTION_DELETE_JOB, createTask } from './task-store.ts';

export interface SweepOptions {
  leaseSeconds: number;
  retentionHours: number;
  nodeId: string;
  requeue(tx: Prisma.TransactionClient, taskId: string): Promise<void>;
}

export async function sweep(db: Database, opts: SweepOptions): Promise<void> {
  const stale = await db.prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM tasks WHERE state IN ('QUEUED', 'RUNNING')
      AND coalesce(heartbeat_at, start_time) < now() - make_interval(secs => ${opts.leaseSeconds})`;
  for (const { id } of stale) await db.prisma.$transaction((tx) => opts.requeue(tx, id));

  const orphans = await db.prisma.$queryRaw<{ id: string }[]>`
    SELECT j.id FROM jobs j LEFT JOIN tasks t ON t.id = j.deletion_task_id
    WHERE j.deleting AND t.id IS NULL`;
  for (const { id: jobId } of orphans) {
    await db.prisma.$transaction(async (tx) => {
      // Re-check under the row lock: a deleteJob may have just attached a task.
      const [job] = await tx.$queryRaw<{ deletion_task_id: string | null }[]>`
        SELECT deletion_task_id FROM jobs WHERE id = ${jobId} AND deleting FOR UPDATE`;
      if (!job || (job.deletion_task_id && (await tx.task.findUnique({ where: { id: job.deletion_task_id } })))) return;
      const task = await createTask(tx, {
        nodeId: opts.nodeId,
        action: ACTION_DELETE_JOB,
        description: `delete-job-${jobId}`,
        jobId,
        force: true,
        deleteUserAnnotations: false,
      });
      await tx.job.update({ where: { id: jobId }, data: { deletionTaskId: task.id } });
      await audit(tx, jobId, `Deleting job by task with id '${task.id}'`);
      await opts.requeue(tx, task.id);
    });
  }

  await db.prisma.$executeRaw`
    DELETE FROM tasks WHERE end_time < now() - make_interval(hours => ${opts.retentionHours})`;
  await dropOrphanTables(db.pool);
}
