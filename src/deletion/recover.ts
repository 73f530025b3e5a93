// The deletion's part of the instances' sweep (see tasks/sweep.ts for the tasks' part):
// - a job marked `deleting` with no task at all gets a new one (Elasticsearch's daily
//   maintenance does this; we do it within seconds), e.g. after a restore;
// - dedicated tables whose job row was removed by hand (no cascade reaches them) are dropped.
import type { Database } from '../db/client.ts';
import { dropOrphanTables } from '../jobs/storage.ts';
import { startDeletionTask, type Enqueue } from './start-task.ts';

export async function recoverDeletions(db: Database, nodeId: string, enqueue: Enqueue): Promise<void> {
  const orphans = await db.prisma.$queryRaw<{ id: string }[]>`
    SELECT j.id FROM jobs j LEFT JOIN tasks t ON t.id = j.deletion_task_id
    WHERE j.deleting AND t.id IS NULL`;
  for (const { id: jobId } of orphans) {
    await db.prisma.$transaction(async (tx) => {
      // Re-check under the row lock: a deleteJob may have just attached a task.
      const [job] = await tx.$queryRaw<{ deletion_task_id: string | null }[]>`
        SELECT deletion_task_id FROM jobs WHERE id = ${jobId} AND deleting FOR UPDATE`;
      if (!job || (job.deletion_task_id && (await tx.task.findUnique({ where: { id: job.deletion_task_id } })))) return;
      await startDeletionTask(tx, nodeId, { jobId, force: true, deleteUserAnnotations: false }, enqueue);
    });
  }
  await dropOrphanTables(db.work.pool);
}
