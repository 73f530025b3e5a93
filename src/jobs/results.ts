// The analytics process's write path: results, snapshots, state documents and system
// annotations for an OPENED job, all in one transaction so a failed call leaves nothing behind.
import { SYSTEM_AUTHOR } from '../auth/principal.ts';
import type { Database } from '../db/client.ts';
import { BadInputError, ConflictError, jobIsDeleting } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { jobCounts, type JobCounts } from './counts.ts';
import { assertValidId, MAX_ID_LENGTH } from './ids.ts';
import { lockJob } from './jobs.ts';
import type { JobTable } from './owned-tables.ts';
import { adjustRowCounts } from './row-counts.ts';
import { relationOf } from './storage.ts';
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

export async function ingestResults(db: Database, jobId: string, input: ResultsInput): Promise<JobCounts> {
  assertValidId(jobId);
  validate(input);
  const { buckets, records, influencers, categories, forecasts, modelSnapshots, quantiles, categorizerState, annotations } = input;
  // Replacing a document is delete-then-insert: two concurrent replacements must not both insert.
  const replaces = quantiles != null || categorizerState != null;

  await db.prisma.$transaction(
    async (tx) => {
      const job = await lockJob(tx, jobId, replaces ? 'UPDATE' : 'SHARE');
      if (job.deleting) throw jobIsDeleting(jobId, 'ingest results for'); // D7
      if (job.state !== 'OPENED') {
        throw new ConflictError(`Cannot ingest results for job [${jobId}] because the job is ${job.state.toLowerCase()}`);
      }
      // The job's rows go to its storage (storage.ts): the shared tables, or its own.
      const rel = (table: JobTable) => relationOf(job.storage, table, jobId);
      // What this call adds to (and, replacing documents, removes from) the job's kept counts.
      const moved: Partial<Record<JobTable, number>> = {};
      const add = (table: JobTable, n: number) => (moved[table] = (moved[table] ?? 0) + n);
      const write = async (table: JobTable, rows: readonly Row[] | null | undefined) => {
        if (rows?.length) add(table, await tx.$executeRawUnsafe(...insertSql(table, rel(table), rows)));
      };
      await write(
        'buckets',
        buckets?.map((b) => ({ job_id: jobId, timestamp: b.timestamp, bucket_span_seconds: b.bucketSpanSeconds, anomaly_score: b.anomalyScore })),
      );
      await write(
        'records',
        records?.map((r) => ({
          job_id: jobId,
          timestamp: r.timestamp,
          record_score: r.recordScore,
          field_name: r.fieldName ?? null,
          actual: r.actual ?? null,
          typical: r.typical ?? null,
        })),
      );
      await write(
        'influencers',
        influencers?.map((i) => ({
          job_id: jobId,
          timestamp: i.timestamp,
          field_name: i.fieldName,
          field_value: i.fieldValue,
          influencer_score: i.influencerScore,
        })),
      );
      await write(
        'categories',
        categories?.map((c) => ({ job_id: jobId, category_id: c.categoryId, terms: c.terms, examples: [...(c.examples ?? [])] })),
      );
      await write(
        'forecasts',
        forecasts?.map((f) => ({ job_id: jobId, forecast_id: f.forecastId, timestamp: f.timestamp, prediction: f.prediction })),
      );
      if (modelSnapshots?.length) {
        await addSnapshots(tx, rel('model_snapshots'), jobId, modelSnapshots);
        add('model_snapshots', modelSnapshots.length);
        await write(
          'model_state_docs',
          modelSnapshots.flatMap((s) => s.stateDocs.map((doc) => ({ job_id: jobId, kind: 'MODEL_STATE', snapshot_id: s.snapshotId, doc }))),
        );
      }
      const replace = async (kind: 'QUANTILES' | 'CATEGORIZER_STATE', docs: string[]) => {
        const removed = await tx.$executeRawUnsafe(
          `DELETE FROM ${rel('model_state_docs')} WHERE job_id = $1 AND kind = $2::"StateDocKind"`,
          jobId,
          kind,
        );
        add('model_state_docs', -removed);
        await write(
          'model_state_docs',
          docs.map((doc) => ({ job_id: jobId, kind, doc })),
        );
      };
      if (quantiles != null) await replace('QUANTILES', [JSON.stringify(quantiles)]);
      if (categorizerState != null) await replace('CATEGORIZER_STATE', [...categorizerState]);
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

/** A row for insertRows: column names as in the table; dates go as ISO text, in UTC as Prisma stores them. */
type Row = Readonly<Record<string, string | number | boolean | Date | readonly string[] | null>>;

/**
 * INSERT of `rows` (all with the same columns) into `relation`, the job's table of `table` in
 * its storage, as one statement: the rows travel as one JSON parameter ($1), typed by the shared
 * table's row type (a dedicated table has the same columns). `tail`: ON CONFLICT / RETURNING.
 */
function insertSql(table: JobTable, relation: string, rows: readonly Row[], tail = ''): [string, string] {
  const columns = Object.keys(rows[0]).join(', ');
  return [
    `INSERT INTO ${relation} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::public."${table}", $1::jsonb) ${tail}`,
    JSON.stringify(rows.map(utc)),
  ];
}

/** Dates as timestamps without a zone, in UTC (the columns are timestamp(3), as Prisma writes them). */
const utc = (row: Row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString().replace('Z', '') : v]));

type Snapshots = NonNullable<ResultsInput['modelSnapshots']>;

/** A snapshot row each; a snapshot id the job already has (also from a concurrent call) is refused. */
async function addSnapshots(tx: Prisma.TransactionClient, relation: string, jobId: string, snapshots: Snapshots): Promise<void> {
  const rows = snapshots.map((s) => ({
    job_id: jobId,
    snapshot_id: s.snapshotId,
    timestamp: s.timestamp,
    description: s.description ?? null,
    doc_count: s.stateDocs.length,
  }));
  // ON CONFLICT DO NOTHING, then compare: also catches a snapshot id a concurrent call just wrote.
  const created = await tx.$queryRawUnsafe<{ id: string }[]>(
    ...insertSql('model_snapshots', relation, rows, 'ON CONFLICT (job_id, snapshot_id) DO NOTHING RETURNING snapshot_id AS id'),
  );
  if (created.length < snapshots.length) {
    const fresh = new Set(created.map((s) => s.id));
    throw duplicateSnapshot(jobId, snapshots.find((s) => !fresh.has(s.snapshotId))!.snapshotId);
  }
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
