// Creates a CLOSED job that owns exactly `rows` rows, spread over every kind JobCounts counts,
// for demos, tests and benchmarks (contract: `npm run seed`). The rows are generated inside
// PostgreSQL by set-based statements (INSERT ... SELECT ... FROM generate_series), a chunk per
// statement so that progress can be reported, and in autocommit mode: the embedded database is
// one session shared through a socket, where an explicit BEGIN would take in other statements.
// The job row is inserted first; if a later statement fails, the job is deleted again (cascade)
// together with the system annotations this seed wrote, and the error is rethrown.
import type { Database } from '../db/client.ts';
import { BadInputError, ConflictError } from '../errors.ts';
import type { JobCounts } from '../jobs/counts.ts';
import { assertValidId } from '../jobs/ids.ts';
import { SYSTEM_AUTHOR } from '../jobs/results.ts';

export const MAX_SEED_ROWS = 50_000_000;
/** Rows per INSERT statement: big enough to be fast, small enough for regular progress. */
export const SEED_CHUNK = 100_000;

export interface SeedResult extends JobCounts {
  /** Wall time of the whole seed, job row included. */
  ms: number;
}

type Kind = Exclude<keyof JobCounts, 'total'>;

/** Order in which rows are handed out when there are fewer than one per kind. */
const KINDS: readonly Kind[] = [
  'buckets',
  'records',
  'influencers',
  'forecasts',
  'categories',
  'modelSnapshots',
  'modelStateDocs',
  'annotations',
];

/** Shares in percent; modelSnapshots takes whatever the others leave (about 3 %). */
const SHARES: Readonly<Record<Exclude<Kind, 'modelSnapshots'>, number>> = {
  buckets: 20,
  records: 35,
  influencers: 20,
  forecasts: 10,
  categories: 4,
  modelStateDocs: 5,
  annotations: 3,
};

/** Deterministic split of `rows` over the kinds: at least one each from 8 rows on, sum exactly `rows`. */
export function planSeed(rows: number): Record<Kind, number> {
  const plan = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  if (rows < KINDS.length) {
    for (let i = 0; i < rows; i++) plan[KINDS[i]] = 1;
    return plan;
  }
  const spread = rows - KINDS.length;
  let given = 0;
  for (const [kind, pct] of Object.entries(SHARES) as [Kind, number][]) {
    plan[kind] = 1 + Math.floor((spread * pct) / 100);
    given += plan[kind];
  }
  plan.modelSnapshots = rows - given;
  return plan;
}

/** How the model_state_docs share splits: one quantiles doc, a few categorizer docs, model state. */
function stateDocSplit(docs: number): { quantiles: number; categorizer: number; modelState: number } {
  if (docs <= 0) return { quantiles: 0, categorizer: 0, modelState: 0 };
  if (docs === 1) return { quantiles: 1, categorizer: 0, modelState: 0 };
  const categorizer = Math.min(docs - 1, Math.max(1, Math.floor(docs / 50)));
  return { quantiles: 1, categorizer, modelState: docs - 1 - categorizer };
}

const ANALYSIS_CONFIG = JSON.stringify({
  bucket_span: '15m',
  detectors: [{ function: 'mean', field_name: 'responsetime', by_field_name: 'airline' }],
  influencers: ['airline', 'clientip'],
  categorization_field_name: 'message',
});
const DATA_DESCRIPTION = JSON.stringify({ time_field: '@timestamp', time_format: 'epoch_ms' });

/** Results start here and advance one 15-minute bucket at a time. */
const BASE_TIME = '2024-01-01 00:00:00';
const BASE_EPOCH = 1_704_067_200; // BASE_TIME in epoch seconds: snapshot ids are epoch seconds, as in ML.
const BUCKET_SPAN = 900;
const SNAPSHOT_EVERY = 3600;

/** One INSERT ... SELECT over `generate_series($2, $3)` (g is 0-based), $1 is the job id. */
interface Statement {
  kind: Kind;
  sql: string;
  /** Extra parameters after $1..$3. */
  params: unknown[];
  rows: number;
}

const series = 'FROM generate_series($2::bigint, $3::bigint) AS g';

function statementsFor(plan: Record<Kind, number>): Statement[] {
  const docs = stateDocSplit(plan.modelStateDocs);
  const snapshots = plan.modelSnapshots;
  const ts = (expr: string) => `($4::timestamp + (${expr}) * interval '1 second')`;
  const base = [BASE_TIME];
  // Each entry: a statement template and how many rows it covers, grouped so that the snapshots
  // are written before the state documents that name them (no FK, but readers see them so).
  const groups: { kind: Kind; rows: number; sql: string; params: unknown[] }[][] = [
    [
      {
        kind: 'buckets',
        rows: plan.buckets,
        sql: `INSERT INTO buckets (job_id, timestamp, bucket_span_seconds, anomaly_score)
              SELECT $1, ${ts(`g * ${BUCKET_SPAN}`)}, ${BUCKET_SPAN}, ((g * 7919) % 10000) / 100.0 ${series}`,
        params: base,
      },
    ],
    [
      {
        kind: 'records',
        rows: plan.records,
        sql: `INSERT INTO records (job_id, timestamp, record_score, field_name, actual, typical)
              SELECT $1, ${ts(`(g / 2) * ${BUCKET_SPAN}`)}, ((g * 6151) % 10000) / 100.0, 'responsetime',
                     100 + (g * 3571) % 900, 100 + (g * 127) % 50 ${series}`,
        params: base,
      },
    ],
    [
      {
        kind: 'influencers',
        rows: plan.influencers,
        sql: `INSERT INTO influencers (job_id, timestamp, field_name, field_value, influencer_score)
              SELECT $1, ${ts(`(g / 2) * ${BUCKET_SPAN}`)},
                     CASE WHEN g % 2 = 0 THEN 'airline' ELSE 'clientip' END,
                     CASE WHEN g % 2 = 0 THEN 'AAL' || (g % 20) ELSE '10.0.' || (g % 256) || '.' || ((g / 256) % 256) END,
                     ((g * 4889) % 10000) / 100.0 ${series}`,
        params: base,
      },
    ],
    [
      {
        kind: 'forecasts',
        rows: plan.forecasts,
        sql: `INSERT INTO forecasts (job_id, forecast_id, timestamp, prediction)
              SELECT $1, 'forecast-' || (g / 10000), ${ts(`(g % 10000) * ${BUCKET_SPAN}`)}, 100 + (g * 2711) % 500 ${series}`,
        params: base,
      },
    ],
    [
      {
        kind: 'categories',
        rows: plan.categories,
        sql: `INSERT INTO categories (job_id, category_id, terms, examples)
              SELECT $1, (g + 1)::int, 'GET api v1 orders ' || (g + 1),
                     ARRAY['GET /api/v1/orders/' || (g + 1) || ' 200'] ${series}`,
        params: [],
      },
    ],
    [
      {
        kind: 'modelSnapshots',
        rows: snapshots,
        // doc_count: the MODEL_STATE documents below go to snapshot g % snapshots.
        sql: `INSERT INTO model_snapshots (job_id, snapshot_id, timestamp, description, doc_count)
              SELECT $1, ($5::bigint + g * ${SNAPSHOT_EVERY})::text, ${ts(`g * ${SNAPSHOT_EVERY}`)},
                     'State persisted due to job close at ' || ${ts(`g * ${SNAPSHOT_EVERY}`)},
                     (($6::bigint - g + $7::bigint - 1) / $7::bigint)::int ${series}`,
        params: [BASE_TIME, BASE_EPOCH, docs.modelState, Math.max(snapshots, 1)],
      },
      {
        kind: 'modelStateDocs',
        rows: docs.quantiles,
        sql: `INSERT INTO model_state_docs (job_id, kind, snapshot_id, doc)
              SELECT $1, 'QUANTILES', NULL, '{"quantile_state":"seeded","timestamp":' || $4::bigint * 1000 || '}' ${series}`,
        params: [BASE_EPOCH],
      },
      {
        kind: 'modelStateDocs',
        rows: docs.categorizer,
        sql: `INSERT INTO model_state_docs (job_id, kind, snapshot_id, doc)
              SELECT $1, 'CATEGORIZER_STATE', NULL, 'categorizer_state#' || (g + 1) ${series}`,
        params: [],
      },
      {
        kind: 'modelStateDocs',
        rows: docs.modelState,
        // With no snapshot at all (fewer than 8 rows) the document is tied to none.
        sql: `INSERT INTO model_state_docs (job_id, kind, snapshot_id, doc)
              SELECT $1, 'MODEL_STATE',
                     CASE WHEN $5::bigint > 0 THEN ($4::bigint + (g % GREATEST($5::bigint, 1)) * ${SNAPSHOT_EVERY})::text END,
                     'model_state#' || (g + 1) ${series}`,
        params: [BASE_EPOCH, snapshots],
      },
    ],
    [
      {
        kind: 'annotations',
        rows: plan.annotations,
        sql: `INSERT INTO annotations (job_id, timestamp, text, created_by)
              SELECT $1, ${ts(`g * ${BUCKET_SPAN * 96}`)},
                     CASE g % 3 WHEN 0 THEN 'Datafeed stopped' WHEN 1 THEN 'Job model snapshot stored'
                                ELSE 'Datafeed has been retrieving no data for a while' END,
                     $5 ${series}`,
        params: [BASE_TIME, SYSTEM_AUTHOR],
      },
    ],
  ];
  // Chunk every statement, then interleave the kinds' chunks so that statements running side by
  // side mostly write different tables (two writers at the end of one index slow each other).
  const perKind = groups.map((group) =>
    group.flatMap(({ kind, rows, sql, params }) => {
      const chunks: Statement[] = [];
      for (let from = 0; from < rows; from += SEED_CHUNK) {
        const to = Math.min(rows, from + SEED_CHUNK);
        chunks.push({ kind, sql, params: [from, to - 1, ...params], rows: to - from });
      }
      return chunks;
    }),
  );
  const queue: Statement[] = [];
  for (let i = 0; perKind.some((chunks) => i < chunks.length); i++) {
    for (const chunks of perKind) if (i < chunks.length) queue.push(chunks[i]);
  }
  return queue;
}

export async function seedJob(
  db: Database,
  jobId: string,
  rows: number,
  onProgress?: (done: number) => void,
  signal?: AbortSignal,
): Promise<SeedResult> {
  assertValidId(jobId);
  if (!Number.isInteger(rows) || rows < 0 || rows > MAX_SEED_ROWS) {
    throw new BadInputError(`results must be an integer between 0 and ${MAX_SEED_ROWS}, got ${rows}`);
  }
  signal?.throwIfAborted();
  const started = performance.now();

  // ON CONFLICT DO NOTHING and the row count: of two concurrent seeds of one id, exactly one wins.
  const created = await db.pool.query(
    `INSERT INTO jobs (id, description, groups, state, analysis_config, data_description, updated_at)
     VALUES ($1, $2, '{}', 'CLOSED', $3::jsonb, $4::jsonb, now())
     ON CONFLICT (id) DO NOTHING`,
    [jobId, `Seeded with ${rows} rows`, ANALYSIS_CONFIG, DATA_DESCRIPTION],
  );
  if (created.rowCount !== 1) throw new ConflictError(`The job [${jobId}] already exists`);

  // Annotations outlive their job: an earlier job of this id may have left some, which the new
  // job then owns (JobCounts counts them). They take part of the budget so that total == rows.
  let leftover = 0;
  let lastAnnotation = '0';
  try {
    const { rows: [prior] } = await db.pool.query<{ n: number; last: string }>(
      `SELECT count(*)::int AS n, coalesce(max(id), 0)::text AS last FROM annotations WHERE job_id = $1`,
      [jobId],
    );
    leftover = prior.n;
    lastAnnotation = prior.last;
    if (leftover > rows) {
      throw new ConflictError(
        `The job [${jobId}] would own ${leftover} annotations left by an earlier job of that id, more than the ${rows} rows asked for`,
      );
    }
    const plan = planSeed(rows - leftover);
    let done = leftover;
    if (done > 0) onProgress?.(done);

    // Independent kinds run side by side on a server (2 statements at a time use both cores of a
    // small machine); the embedded database has one session, so one at a time there.
    const queue = statementsFor(plan);
    const lanes = db.embedded ? 1 : Number(process.env.SEED_LANES ?? 2);
    let failed = false;
    const lane = async () => {
      for (let statement = queue.shift(); statement && !failed; statement = queue.shift()) {
        signal?.throwIfAborted();
        await db.pool.query(statement.sql, [jobId, ...statement.params]);
        done += statement.rows;
        onProgress?.(done);
      }
    };
    const results = await Promise.allSettled(
      Array.from({ length: lanes }, () =>
        lane().catch((err) => {
          failed = true;
          throw err;
        }),
      ),
    );
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;

    const counts = { ...plan, annotations: plan.annotations + leftover };
    return { ...counts, total: rows, ms: performance.now() - started };
  } catch (err) {
    // Undo: the job's rows go with it (cascade); the annotations written here do not (no FK).
    await db.pool
      .query(`DELETE FROM annotations WHERE job_id = $1 AND id > $2::bigint AND created_by = $3`, [jobId, lastAnnotation, SYSTEM_AUTHOR])
      .catch(() => {});
    await db.pool.query(`DELETE FROM jobs WHERE id = $1`, [jobId]).catch(() => {});
    throw err;
  }
}
