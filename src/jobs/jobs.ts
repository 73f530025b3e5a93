// A job's configuration and open/closed lifecycle. Every state change locks the job row, the
// row deleteJob locks to set `deleting` (D7), so a change either commits before a deletion is
// accepted or sees `deleting` and refuses.
import type { Database } from '../db/client.ts';
import { Prisma, type Job, type JobState, type JobStorage } from '../generated/prisma/client.ts';
import { BadInputError, ConflictError, jobIsDeleting, jobNotFound } from '../errors.ts';
import { assertValidId } from './ids.ts';
import { assertGroups, assertJsonObject, assertText } from './limits.ts';
import { audit } from './notifications.ts';
import { createDedicatedTables } from './storage.ts';

export interface PutJobInput {
  jobId: string;
  description?: string | null;
  groups?: readonly string[] | null;
  analysisConfig?: unknown;
  dataDescription?: unknown;
  /** Tables of its own instead of the shared ones (storage.ts); Elasticsearch's "use dedicated index". */
  dedicatedStorage?: boolean | null;
}

export interface PutJobLimits {
  /** Jobs with dedicated storage at most (MAX_DEDICATED_JOBS). */
  maxDedicatedJobs: number;
}

export interface LockedJob {
  id: string;
  state: JobState;
  deleting: boolean;
  storage: JobStorage;
}

/**
 * Locks the job row for the rest of the transaction, or throws NOT_FOUND. SHARE is enough for
 * writers that only add rows beside the job (they may run side by side); both modes wait for,
 * and block, deleteJob's FOR UPDATE.
 */
export async function lockJob(tx: Prisma.TransactionClient, id: string, mode: 'UPDATE' | 'SHARE'): Promise<LockedJob> {
  const [job] = await tx.$queryRaw<LockedJob[]>`
    SELECT id, state::text AS state, deleting, storage::text AS storage FROM jobs WHERE id = ${id} ${Prisma.raw(mode === 'UPDATE' ? 'FOR UPDATE' : 'FOR SHARE')}`;
  if (!job) throw jobNotFound(id);
  return job;
}

const namesClash = (name: string) => new BadInputError(`job and group names must be unique but job [${name}] and group [${name}] have the same name`);

export async function putJob(db: Database, input: PutJobInput, limits: PutJobLimits): Promise<Job> {
  const { jobId } = input;
  assertValidId(jobId);
  assertText(input.description, 'description');
  const groups = [...new Set(input.groups ?? [])];
  assertGroups(groups);
  assertJsonObject(input.analysisConfig, 'analysis_config');
  if (input.dataDescription != null) assertJsonObject(input.dataDescription, 'data_description');
  // Expressions match ids and groups alike, so a name must not be both (Elasticsearch's rule).
  if (groups.includes(jobId)) throw namesClash(jobId);

  const idUsed = () => new BadInputError(`The job cannot be created with the Id '${jobId}'. The Id is already used.`);
  return db.prisma.$transaction(async (tx) => {
    if (await tx.job.findUnique({ where: { id: jobId }, select: { id: true } })) throw idUsed();
    const [clash] = await tx.$queryRaw<{ name: string }[]>`
      SELECT id AS name FROM jobs WHERE id = ANY(${groups}::text[])
      UNION ALL SELECT ${jobId}::text FROM jobs WHERE ${jobId} = ANY(groups)
      LIMIT 1`;
    if (clash) throw namesClash(clash.name);
    const storage: JobStorage = input.dedicatedStorage ? 'DEDICATED' : 'SHARED';
    if (storage === 'DEDICATED') await assertDedicatedSlot(tx, limits.maxDedicatedJobs);
    // ON CONFLICT DO NOTHING: a concurrent putJob of the same id gets the same answer as a late one.
    const { count } = await tx.job.createMany({
      data: [
        {
          id: jobId,
          description: input.description ?? null,
          groups,
          analysisConfig: input.analysisConfig as Prisma.InputJsonValue,
          dataDescription: (input.dataDescription ?? undefined) as Prisma.InputJsonValue | undefined,
          storage,
        },
      ],
      skipDuplicates: true,
    });
    if (count === 0) throw idUsed();
    // In this transaction: a job row is never seen without its tables (the sweep drops tables without a job).
    if (storage === 'DEDICATED') await createDedicatedTables(tx, jobId);
    await audit(tx, jobId, 'Job created');
    return tx.job.findUniqueOrThrow({ where: { id: jobId } });
  });
}

/**
 * Refuses a dedicated job past the configured number. Each dedicated job adds seven tables and
 * their indexes to the catalog, and pg_dump takes a lock per table in one transaction (PostgreSQL's
 * lock table holds 64 x max_connections by default): the bound keeps pg_dump working. Concurrent
 * creators take turns, so that the bound holds exactly.
 */
async function assertDedicatedSlot(tx: Prisma.TransactionClient, max: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('dedicated jobs', 0))`;
  const [{ n }] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM jobs WHERE storage = 'DEDICATED'`;
  if (n >= max) {
    throw new BadInputError(
      `Cannot create a job with dedicated storage: ${n} of at most ${max} exist (MAX_DEDICATED_JOBS; each adds seven tables that pg_dump must lock). Use shared storage, or delete a dedicated job first.`,
    );
  }
}

/** Null when absent; a job being deleted is still returned, with `deleting` set (D7). */
export async function getJob(db: Database, id: string): Promise<Job | null> {
  assertValidId(id);
  return db.prisma.job.findUnique({ where: { id } });
}

export async function openJob(db: Database, id: string): Promise<Job> {
  assertValidId(id);
  return db.prisma.$transaction(async (tx) => {
    const job = await lockJob(tx, id, 'UPDATE');
    if (job.deleting) throw jobIsDeleting(id, 'open'); // D7
    if (job.state === 'OPENED') return tx.job.findUniqueOrThrow({ where: { id } });
    await audit(tx, id, 'Job opened');
    return tx.job.update({ where: { id }, data: { state: 'OPENED' } });
  });
}

/** With `force`, a started datafeed is stopped first (Elasticsearch's force close). */
export async function closeJob(db: Database, id: string, force: boolean): Promise<Job> {
  assertValidId(id);
  return db.prisma.$transaction(async (tx) => {
    const job = await lockJob(tx, id, 'UPDATE');
    if (job.state === 'CLOSED') return tx.job.findUniqueOrThrow({ where: { id } });
    if (job.state === 'FAILED' && !force) throw new ConflictError(`cannot close job [${id}] because it failed, use force close`);
    const datafeed = await tx.datafeed.findUnique({ where: { jobId: id }, select: { id: true, state: true } });
    if (datafeed?.state === 'STARTED') {
      if (!force) throw new ConflictError(`cannot close job [${id}], datafeed hasn't been stopped`);
      await tx.datafeed.update({ where: { id: datafeed.id }, data: { state: 'STOPPED' } });
      await audit(tx, id, 'Datafeed stopped');
    }
    await audit(tx, id, 'Job closed');
    return tx.job.update({ where: { id }, data: { state: 'CLOSED' } });
  });
}
