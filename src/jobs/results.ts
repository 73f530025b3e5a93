// The analytics process's write path: results, snapshots, state documents and system
// annotations for an OPENED job, all in one transaction so a failed call leaves nothing behind.
import type { Database } from '../db/client.ts';
import { BadInputError, ConflictError, jobIsDeleting } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { jobCounts, type JobCounts } from './counts.ts';
import { assertValidId, MAX_ID_LENGTH } from './ids.ts';
import { lockJob } from './jobs.ts';
import { ensurePartitions } from './partitions.ts';
import { adjustRowCounts, type CountedTable } from './row-counts.ts';
import { assertCount, assertJson, assertText, MAX_NAMES, MAX_STATE_DOC } from './limits.ts';

type List<T> = readonly T[] | null | undefined;
type Maybe<T> = T | null | undefined;

export interface ResultsInput {
  buckets?: List<{ timestamp: Date; bucketSpanSeconds: number; anomalyScore: number }>;
  records?: List<{ timestamp: Date; recordScore: number; fieldName?: Maybe<string>; actual?: Maybe<number>; typical?: Maybe<number> }>;
  influencers?: List<{ timestamp: Date; fieldName: string; fieldValue: string; influencerScore: number }>;
  categories?: List<{ categoryId: number; terms: string; examples?: List<string> }>;
  forecasts?: List<{ forecastId: string; timestamp: Date; prediction: number }>;
  modelSnapshots?: List<{ snapshotId: string; timestamp: Date; description?: Maybe<string>; stateDocs: readonly string[] }>;
  quantiles?: unknown;
  categorizerState?: List<string>;
  annotations?: List<{ timestamp: Date; text: string }>;
}

/** Annotations the system writes carry this author (user ones carry the API key name). */
export const SYSTEM_AUTHOR = '_xpack';

export async function ingestResults(db: Database, jobId: string, input: ResultsInput): Promise<JobCounts> {
  assertValidId(jobId);
  validate(input);
  const { buckets, records, influencers, categories, forecasts, modelSnapshots, quantiles, categorizerState, annotations } = input;
  // Replacing a document is delete-then-insert: two concurrent replacements must not both insert.
  const replaces = quantiles != null || categorizerState != null;

  // The job's partitions exist before its rows are written (partitions.ts). A job that is missing
  // or being deleted gets none, and the transaction below says why.
  await ensurePartitions(db.pool, jobId);
  await db.prisma.$transaction(
    async (tx) => {
      const job = await lockJob(tx, jobId, replaces ? 'UPDATE' : 'SHARE');
      if (job.deleting) throw jobIsDeleting(jobId, 'ingest results for'); // D7
      if (job.state !== 'OPENED') {
        throw new ConflictError(`Cannot ingest results for job [${jobId}] because the job is ${job.state.toLowerCase()}`);
      }
      // What this call adds to (and, replacing documents, removes from) the job's kept counts.
      const moved: Partial<Record<CountedTable, number>> = {};
      const add = (table: CountedTable, n: number) => (moved[table] = (moved[table] ?? 0) + n);
      if (buckets?.length) {
        add('buckets', buckets.length);
        await tx.bucket.createMany({
          data: buckets.map((b) => ({ jobId, timestamp: b.timestamp, bucketSpanSeconds: b.bucketSpanSeconds, anomalyScore: b.anomalyScore })),
        });
      }
      if (records?.length) {
        add('records', records.length);
        await tx.anomalyRecord.createMany({
          data: records.map((r) => ({
            jobId,
            timestamp: r.timestamp,
            recordScore: r.recordScore,
            fieldName: r.fieldName ?? null,
            actual: r.actual ?? null,
            typical: r.typical ?? null,
          })),
        });
      }
      if (influencers?.length) {
        add('influencers', influencers.length);
        await tx.influencer.createMany({
          data: influencers.map((i) => ({
            jobId,
            timestamp: i.timestamp,
            fieldName: i.fieldName,
            fieldValue: i.fieldValue,
            influencerScore: i.influencerScore,
          })),
        });
      }
      if (categories?.length) {
        add('categories', categories.length);
        await tx.category.createMany({
          data: categories.map((c) => ({ jobId, categoryId: c.categoryId, terms: c.terms, examples: [...(c.examples ?? [])] })),
        });
      }
      if (forecasts?.length) {
        add('forecasts', forecasts.length);
        await tx.forecast.createMany({
          data: forecasts.map((f) => ({ jobId, forecastId: f.forecastId, timestamp: f.timestamp, prediction: f.prediction })),
        });
      }
      if (modelSnapshots?.length) {
        const docs = await addSnapshots(tx, jobId, modelSnapshots);
        add('model_snapshots', modelSnapshots.length);
        add('model_state_docs', docs);
      }
      if (quantiles != null) {
        const { count } = await tx.modelStateDoc.deleteMany({ where: { jobId, kind: 'QUANTILES' } });
        await tx.modelStateDoc.create({ data: { jobId, kind: 'QUANTILES', doc: JSON.stringify(quantiles) } });
        add('model_state_docs', 1 - count);
      }
      if (categorizerState != null) {
        const { count } = await tx.modelStateDoc.deleteMany({ where: { jobId, kind: 'CATEGORIZER_STATE' } });
        await tx.modelStateDoc.createMany({ data: categorizerState.map((doc) => ({ jobId, kind: 'CATEGORIZER_STATE' as const, doc })) });
        add('model_state_docs', categorizerState.length - count);
      }
      await adjustRowCounts(tx, jobId, moved);
      if (annotations?.length) {
        await tx.annotation.createMany({
          data: annotations.map((a) => ({ jobId, timestamp: a.timestamp, text: a.text, createdBy: SYSTEM_AUTHOR })),
        });
      }
    },
    // Up to MAX_ITEMS rows of each kind: more than the default 5 s may be needed.
    { timeout: 60_000 },
  );
  return jobCounts(db, jobId);
}

type Snapshots = NonNullable<ResultsInput['modelSnapshots']>;

/** A snapshot row each, and one MODEL_STATE document per state document, tagged with its id; returns the documents written. */
async function addSnapshots(tx: Prisma.TransactionClient, jobId: string, snapshots: Snapshots): Promise<number> {
  // ON CONFLICT DO NOTHING, then compare: also catches a snapshot id a concurrent call just wrote.
  const created = await tx.modelSnapshot.createManyAndReturn({
    data: snapshots.map((s) => ({
      jobId,
      snapshotId: s.snapshotId,
      timestamp: s.timestamp,
      description: s.description ?? null,
      docCount: s.stateDocs.length,
    })),
    skipDuplicates: true,
    select: { snapshotId: true },
  });
  if (created.length < snapshots.length) {
    const fresh = new Set(created.map((s) => s.snapshotId));
    throw duplicateSnapshot(jobId, snapshots.find((s) => !fresh.has(s.snapshotId))!.snapshotId);
  }
  const docs = snapshots.flatMap((s) => s.stateDocs.map((doc) => ({ jobId, kind: 'MODEL_STATE' as const, snapshotId: s.snapshotId, doc })));
  if (docs.length) await tx.modelStateDoc.createMany({ data: docs });
  return docs.length;
}

const duplicateSnapshot = (jobId: string, snapshotId: string) =>
  new BadInputError(`model snapshot [${snapshotId}] already exists for job [${jobId}]`);

/** Every bound checked before the transaction starts: a refused call writes nothing. */
function validate(input: ResultsInput): void {
  assertCount(input.buckets, 'buckets');
  assertCount(input.records, 'records');
  for (const r of input.records ?? []) assertText(r.fieldName, 'record fieldName');
  assertCount(input.influencers, 'influencers');
  for (const i of input.influencers ?? []) {
    assertText(i.fieldName, 'influencer fieldName');
    assertText(i.fieldValue, 'influencer fieldValue');
  }
  assertCount(input.categories, 'categories');
  for (const c of input.categories ?? []) {
    assertText(c.terms, 'category terms');
    assertCount(c.examples, 'category examples', MAX_NAMES);
    for (const example of c.examples ?? []) assertText(example, 'category example');
  }
  assertCount(input.forecasts, 'forecasts');
  for (const f of input.forecasts ?? []) assertText(f.forecastId, 'forecastId', MAX_ID_LENGTH);
  const snapshots = input.modelSnapshots ?? [];
  assertCount(snapshots, 'modelSnapshots');
  assertCount(
    snapshots.flatMap((s) => s.stateDocs),
    'model state documents',
  );
  const seen = new Set<string>();
  for (const s of snapshots) {
    assertText(s.snapshotId, 'snapshotId', MAX_ID_LENGTH);
    assertText(s.description, 'snapshot description');
    for (const doc of s.stateDocs) assertText(doc, 'model state document', MAX_STATE_DOC);
    if (seen.has(s.snapshotId)) throw new BadInputError(`model snapshot [${s.snapshotId}] appears more than once`);
    seen.add(s.snapshotId);
  }
  if (input.quantiles != null) assertJson(input.quantiles, 'quantiles', MAX_STATE_DOC);
  assertCount(input.categorizerState, 'categorizerState');
  for (const doc of input.categorizerState ?? []) assertText(doc, 'categorizer state document', MAX_STATE_DOC);
  assertCount(input.annotations, 'annotations');
  for (const a of input.annotations ?? []) assertText(a.text, 'annotation text');
}
