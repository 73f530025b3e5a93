// Datafeeds: at most one per job (7.x semantics). Every change locks the job row first, then
// touches the datafeed: the order closeJob and deleteJob use, so these can neither deadlock with
// them nor slip a datafeed past deleteJob's D6 check.
import type { Database } from '../db/client.ts';
import { BadInputError, ConflictError, datafeedNotFound } from '../errors.ts';
import type { Datafeed, JobState, Prisma } from '../generated/prisma/client.ts';
import { assertValidId } from './ids.ts';
import { lockJob } from './jobs.ts';
import { assertCount, assertJsonObject, assertText, MAX_NAMES } from './limits.ts';
import { audit } from './notifications.ts';

export interface PutDatafeedInput {
  datafeedId: string;
  jobId: string;
  indices: readonly string[];
  query?: unknown;
}

/** Elasticsearch's index name limit. */
const MAX_INDEX_NAME = 255;

export async function putDatafeed(db: Database, input: PutDatafeedInput): Promise<Datafeed> {
  const { datafeedId, jobId, indices } = input;
  assertValidId(datafeedId, 'datafeed');
  assertValidId(jobId);
  if (indices.length === 0 || indices.some((index) => index.trim() === '')) {
    throw new BadInputError(`Invalid indices value '[${indices.join(', ')}]' in datafeed configuration`);
  }
  assertCount(indices, 'indices', MAX_NAMES);
  for (const index of indices) assertText(index, 'index name', MAX_INDEX_NAME);
  if (input.query != null) assertJsonObject(input.query, 'query');

  return db.prisma.$transaction(async (tx) => {
    const job = await lockJob(tx, jobId, 'UPDATE');
    if (job.deleting) throw new ConflictError(`Cannot put datafeed [${datafeedId}] because job [${jobId}] is executing [delete]`); // D7
    const existing = await tx.datafeed.findUnique({ where: { jobId }, select: { id: true } });
    if (existing) throw new ConflictError(`A datafeed [${existing.id}] already exists for job [${jobId}]`);
    // The job lock serialises datafeeds of one job, so a skipped row means the id is taken, possibly
    // by a concurrent put for another job.
    const { count } = await tx.datafeed.createMany({
      data: [{ id: datafeedId, jobId, indices: [...indices], query: (input.query ?? undefined) as Prisma.InputJsonValue | undefined }],
      skipDuplicates: true,
    });
    if (count === 0) throw new BadInputError(`A datafeed with id [${datafeedId}] already exists`);
    return tx.datafeed.findUniqueOrThrow({ where: { id: datafeedId } });
  });
}

export async function getDatafeed(db: Database, id: string): Promise<Datafeed | null> {
  assertValidId(id, 'datafeed');
  return db.prisma.datafeed.findUnique({ where: { id } });
}

export async function startDatafeed(db: Database, id: string): Promise<Datafeed> {
  return changeDatafeed(db, id, async (tx, datafeed, jobState) => {
    if (datafeed.state === 'STARTED') return datafeed;
    if (jobState !== 'OPENED') {
      throw new ConflictError(`cannot start datafeed [${id}] because job [${datafeed.jobId}] is ${jobState.toLowerCase()}`);
    }
    await audit(tx, datafeed.jobId, 'Datafeed started');
    return tx.datafeed.update({ where: { id }, data: { state: 'STARTED' } });
  });
}

/** `force` is accepted for Elasticsearch compatibility: there is no feeding process to wait for. */
export async function stopDatafeed(db: Database, id: string, _force: boolean): Promise<Datafeed> {
  return changeDatafeed(db, id, (tx, datafeed) => stop(tx, datafeed));
}

/** Answers the datafeed as it was. */
export async function deleteDatafeed(db: Database, id: string, force: boolean): Promise<Datafeed> {
  return changeDatafeed(db, id, async (tx, datafeed) => {
    if (datafeed.state === 'STARTED') {
      if (!force) throw new ConflictError(`Cannot delete datafeed [${id}] while its status is started`);
      await stop(tx, datafeed);
    }
    await tx.datafeed.delete({ where: { id } });
    return datafeed;
  });
}

async function stop(tx: Prisma.TransactionClient, datafeed: Datafeed): Promise<Datafeed> {
  if (datafeed.state === 'STOPPED') return datafeed;
  await audit(tx, datafeed.jobId, 'Datafeed stopped');
  return tx.datafeed.update({ where: { id: datafeed.id }, data: { state: 'STOPPED' } });
}

/** Runs `change` with the datafeed's job locked, then the datafeed re-read under that lock. */
async function changeDatafeed(
  db: Database,
  id: string,
  change: (tx: Prisma.TransactionClient, datafeed: Datafeed, jobState: JobState) => Promise<Datafeed>,
): Promise<Datafeed> {
  assertValidId(id, 'datafeed');
  return db.prisma.$transaction(async (tx) => {
    const before = await tx.datafeed.findUnique({ where: { id }, select: { jobId: true } });
    if (!before) throw datafeedNotFound(id);
    const job = await lockJob(tx, before.jobId, 'UPDATE');
    const datafeed = await tx.datafeed.findUnique({ where: { id } });
    // Deleted (or re-created for another job) between the two reads.
    if (!datafeed || datafeed.jobId !== job.id) throw datafeedNotFound(id);
    return change(tx, datafeed, job.state);
  });
}
