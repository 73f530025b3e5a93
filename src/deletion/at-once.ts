// A synchronous deleteJob of a small shared job (at most SMALL_JOB_ROWS rows) is done inside
// the transaction that accepts it: the task is created, the rows go with the job row's cascade,
// the task is recorded COMPLETED, and both audit lines are written, all in one commit. The
// steps, claim, progress writes and the waiter's wake-up of a queued task cost ~70 ms, where
// PostgreSQL's own cascade of a few hundred rows takes ~4 ms. The rules still hold: the task
// record exists (D15, D16) with its counts (D17), and nothing is visible half-done (D7, D10).
import type { Prisma } from '../generated/prisma/client.ts';
import { audit } from '../jobs/notifications.ts';
import { SYSTEM_ANNOTATIONS } from '../jobs/owned-tables.ts';
import { SMALL_JOB_ROWS } from './engine.ts';

/** What a deletion done at once removed (rows, by the kept counts) and the task's version after it. */
export interface DoneAtOnce {
  deleted: number;
  version: number;
}

/**
 * In the accepting transaction, after the task `taskId` was created: deletes the job now when it
 * is small and shared; null when it did not (the task then runs as every task does).
 */
export async function deleteSmallJobAtOnce(
  tx: Prisma.TransactionClient,
  jobId: string,
  taskId: string,
  deleteUserAnnotations: boolean,
): Promise<DoneAtOnce | null> {
  const annotations = deleteUserAnnotations ? '' : ` AND ${SYSTEM_ANNOTATIONS}`;
  const [job] = await tx.$queryRawUnsafe<{ storage: string; total: number }[]>(
    `SELECT storage::text AS storage,
            ((SELECT coalesce(sum(rows), 0) FROM job_row_counts WHERE job_id = $1)
             + (SELECT count(*) FROM annotations WHERE job_id = $1${annotations}))::int AS total
     FROM jobs WHERE id = $1`,
    jobId,
  );
  // Rows the upgrade has not moved yet, or a dedicated job: the task runs (engine.ts).
  const legacy = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'job_parts_by_job'`;
  if (!job || job.storage !== 'SHARED' || job.total > SMALL_JOB_ROWS || legacy[0].n > 0) return null;
  // Should the deletion fail, the acceptance stands and the task runs, to fail (or not) the way
  // every deletion does: recorded, audited, the job left deleting (D10, D11).
  await tx.$executeRaw`SAVEPOINT at_once`;
  try {
    // As in the engine's final transaction: the cascade's cached plans stay custom.
    await tx.$executeRaw`SET LOCAL plan_cache_mode = force_custom_plan`;
    await tx.$executeRawUnsafe(`DELETE FROM annotations WHERE job_id = $1${annotations}`, jobId);
    await tx.job.deleteMany({ where: { id: jobId } });
    await audit(tx, jobId, 'Job deleted');
    const { version } = await tx.task.update({
      where: { id: taskId },
      data: { state: 'COMPLETED', phase: 'DONE', deleted: job.total, total: job.total, endTime: new Date(), version: { increment: 1 } },
    });
    await tx.$executeRaw`RELEASE SAVEPOINT at_once`;
    return { deleted: job.total, version };
  } catch {
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT at_once`;
    return null;
  }
}
