// Creates a CLOSED job that owns exactly `rows` rows, spread over every kind JobCounts counts,
// for demos, tests and benchmarks (contract: `npm run seed`).
//
// The rows are generated inside PostgreSQL by set-based statements
// (INSERT ... SELECT ... FROM generate_series), one chunk per statement so that progress can be
// reported, each statement its own (autocommit) transaction: the embedded database is one session
// shared through a socket, where an explicit BEGIN would take in other clients' statements. The
// job row is inserted first; if a later statement fails, the job is deleted again (cascade),
// together with the system annotations this seed wrote (they have no foreign key), and the error
// is rethrown.
//
// Speed. On PostgreSQL most of an insert's cost is the foreign-key check, a locking look-up of the
// job row per inserted row (measured: ~5 of ~9 us a row). Every statement here locks the job row
// itself, once (`FOR KEY SHARE`, the lock that check takes) and writes nothing if the job is gone,
// so the check adds nothing. Where the role may set it (superusers; PG15+: GRANT SET ON PARAMETER)
// and the tables carry no trigger other than PostgreSQL's internal foreign-key ones, each
// statement therefore runs with `session_replication_role = replica`, which skips those per-row
// checks: about 2.5x faster. The setting lives on a connection taken out of the pool for the
// seed and is reset before it goes back (the connection is destroyed if that fails). Otherwise
// the plain path runs, with the checks. The embedded database always takes the plain path through
// `db.pool.query`, so that a server sharing its one session can interleave its queries.
import type pg from 'pg';
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

const TABLES = ['buckets', 'records', 'influencers', 'forecasts', 'categories', 'model_snapshots', 'model_state_docs', 'annotations'];

/** Shares in percent (results-heavy, like a real job's); they sum to 100. */
const SHARES: Readonly<Record<Kind, number>> = {
  buckets: 20,
  records: 35,
  influencers: 20,
  forecasts: 10,
  categories: 4,
  modelSnapshots: 3,
  modelStateDocs: 5,
  annotations: 3,
};

/**
 * Deterministic split of `rows` over the kinds, summing to exactly `rows`: from 8 rows on every
 * kind has one, from 10 on the state documents have one of each of their 3 kinds; the rest goes
 * by SHARES, largest remainder first (ties in KINDS order).
 */
export function planSeed(rows: number): Record<Kind, number> {
  const plan = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  if (rows < KINDS.length) {
    for (let i = 0; i < rows; i++) plan[KINDS[i]] = 1;
    return plan;
  }
  for (const kind of KINDS) plan[kind] = 1;
  if (rows >= 10) plan.modelStateDocs = 3;
  const spread = rows - KINDS.reduce((sum, kind) => sum + plan[kind], 0);
  let given = 0;
  const remainders = KINDS.map((kind, order) => {
    const exact = (spread * SHARES[kind]) / 100;
    plan[kind] += Math.floor(exact);
    given += Math.floor(exact);
    return { kind, order, rest: exact - Math.floor(exact) };
  });
  remainders.sort((a, b) => b.rest - a.rest || a.order - b.order);
  for (let i = 0; i < spread - given; i++) plan[remainders[i].kind] += 1;
  return plan;
}

/** How the model_state_docs share splits: one quantiles doc, a few categorizer docs, the rest model state. */
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
/** BASE_TIME in epoch seconds: snapshot ids are epoch seconds, as Elasticsearch's ML writes them. */
const BASE_EPOCH = 1_704_067_200;
const BUCKET_SPAN = 900;
const SNAPSHOT_EVERY = 3600;

/** One chunk: an INSERT ... SELECT over g in [$2, $3] (0-based) for job $1, extra parameters from $4. */
interface Statement {
  sql: string;
  params: unknown[];
  rows: number;
}

/**
 * The job row is locked once by the statement (as the foreign-key check would lock it per row) and
 * joined in: if the job is gone, nothing is written and the row count says so.
 */
const insert = (table: string, columns: string, values: string) =>
  `WITH job AS (SELECT id FROM jobs WHERE id = $1 FOR KEY SHARE)
   INSERT INTO ${table} (job_id, ${columns})
   SELECT job.id, ${values} FROM job, generate_series($2::bigint, $3::bigint) AS g`;

/** A timestamp `seconds` after $4 (BASE_TIME). */
const at = (seconds: string) => `($4::timestamp + (${seconds}) * interval '1 second')`;

function statementsFor(plan: Record<Kind, number>): Statement[] {
  const docs = stateDocSplit(plan.modelStateDocs);
  const snapshots = plan.modelSnapshots;
  // Grouped per kind; within a group, the snapshots are written before the documents naming them.
  const groups: { rows: number; sql: string; params: unknown[] }[][] = [
    [
      {
        rows: plan.buckets,
        sql: insert('buckets', 'timestamp, bucket_span_seconds, anomaly_score', `${at(`g * ${BUCKET_SPAN}`)}, ${BUCKET_SPAN}, ((g * 7919) % 10000)::float8 / 100`),
        params: [BASE_TIME],
      },
    ],
    [
      {
        rows: plan.records,
        sql: insert(
          'records',
          'timestamp, record_score, field_name, actual, typical',
          `${at(`(g / 2) * ${BUCKET_SPAN}`)}, ((g * 6151) % 10000)::float8 / 100, 'responsetime', 100 + (g * 3571) % 900, 100 + (g * 127) % 50`,
        ),
        params: [BASE_TIME],
      },
    ],
    [
      {
        rows: plan.influencers,
        sql: insert(
          'influencers',
          'timestamp, field_name, field_value, influencer_score',
          `${at(`(g / 2) * ${BUCKET_SPAN}`)},
           CASE WHEN g % 2 = 0 THEN 'airline' ELSE 'clientip' END,
           CASE WHEN g % 2 = 0 THEN 'AAL' || (g % 20) ELSE '10.0.' || (g % 256) || '.' || ((g / 256) % 256) END,
           ((g * 4889) % 10000)::float8 / 100`,
        ),
        params: [BASE_TIME],
      },
    ],
    [
      {
        rows: plan.forecasts,
        sql: insert('forecasts', 'forecast_id, timestamp, prediction', `'forecast-' || (g / 10000), ${at(`(g % 10000) * ${BUCKET_SPAN}`)}, 100 + (g * 2711) % 500`),
        params: [BASE_TIME],
      },
    ],
    [
      {
        rows: plan.categories,
        sql: insert('categories', 'category_id, terms, examples', `(g + 1)::int, 'GET api v1 orders ' || (g + 1), ARRAY['GET /api/v1/orders/' || (g + 1) || ' 200']`),
        params: [],
      },
    ],
    [
      {
        rows: snapshots,
        // doc_count: the MODEL_STATE documents below go to snapshot number g % snapshots.
        sql: insert(
          'model_snapshots',
          'snapshot_id, timestamp, description, doc_count',
          `($5::bigint + g * ${SNAPSHOT_EVERY})::text, ${at(`g * ${SNAPSHOT_EVERY}`)},
           'State persisted due to job close at ' || ${at(`g * ${SNAPSHOT_EVERY}`)},
           (($6::bigint - g + $7::bigint - 1) / $7::bigint)::int`,
        ),
        params: [BASE_TIME, BASE_EPOCH, docs.modelState, Math.max(snapshots, 1)],
      },
      {
        rows: docs.quantiles,
        sql: insert('model_state_docs', 'kind, snapshot_id, doc', `'QUANTILES', NULL, '{"quantile_state":"seeded","timestamp":' || $4::bigint * 1000 || '}'`),
        params: [BASE_EPOCH],
      },
      {
        rows: docs.categorizer,
        sql: insert('model_state_docs', 'kind, snapshot_id, doc', `'CATEGORIZER_STATE', NULL, 'categorizer_state#' || (g + 1)`),
        params: [],
      },
      {
        rows: docs.modelState,
        // With no snapshot at all (fewer than 8 rows) a document names none.
        sql: insert(
          'model_state_docs',
          'kind, snapshot_id, doc',
          `'MODEL_STATE', CASE WHEN $5::bigint > 0 THEN ($4::bigint + (g % GREATEST($5::bigint, 1)) * ${SNAPSHOT_EVERY})::text END, 'model_state#' || (g + 1)`,
        ),
        params: [BASE_EPOCH, snapshots],
      },
    ],
    [
      {
        rows: plan.annotations,
        sql: insert(
          'annotations',
          'timestamp, text, created_by',
          `${at(`g * ${BUCKET_SPAN * 96}`)},
           CASE g % 3 WHEN 0 THEN 'Datafeed stopped' WHEN 1 THEN 'Job model snapshot stored'
                      ELSE 'Datafeed has been retrieving no data for a while' END,
           $5`,
        ),
        params: [BASE_TIME, SYSTEM_AUTHOR],
      },
    ],
  ];
  // Chunk every statement, then interleave the kinds' chunks so that statements running side by
  // side mostly write different tables.
  const perKind = groups.map((group) =>
    group.flatMap(({ rows, sql, params }) => {
      const chunks: Statement[] = [];
      for (let from = 0; from < rows; from += SEED_CHUNK) {
        const to = Math.min(rows, from + SEED_CHUNK);
        chunks.push({ sql, params: [from, to - 1, ...params], rows: to - from });
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

/** Where a lane sends its statements, and how it gives its connection back. */
interface Lane {
  query(sql: string, params: unknown[]): Promise<pg.QueryResult>;
  release(): Promise<void>;
}

/** True when the seeded tables have no trigger or rule that replica mode would skip besides the FK checks. */
async function onlyForeignKeyTriggers(db: Database): Promise<boolean> {
  const { rows } = await db.pool.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgrelid = ANY($1::regclass[]))
          + (SELECT count(*) FROM pg_rewrite WHERE ev_class = ANY($1::regclass[]) AND rulename <> '_RETURN') AS n`,
    [TABLES],
  );
  return Number(rows[0].n) === 0;
}

async function openLanes(db: Database, count: number): Promise<Lane[]> {
  const pooled: Lane = { query: (sql, params) => db.pool.query(sql, params), release: async () => {} };
  if (db.embedded) return [pooled];
  if (!(await onlyForeignKeyTriggers(db))) return Array.from({ length: count }, () => pooled);
  const lanes: Lane[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const client = await db.pool.connect();
      try {
        await client.query('SET session_replication_role = replica');
      } catch {
        // Not permitted for this role: the plain path, with the foreign-key checks.
        client.release();
        lanes.push(pooled);
        continue;
      }
      lanes.push({
        query: (sql, params) => client.query(sql, params),
        async release() {
          try {
            await client.query('RESET session_replication_role');
            client.release();
          } catch (err) {
            client.release(err instanceof Error ? err : new Error(String(err))); // destroys it
          }
        },
      });
    }
    return lanes;
  } catch (err) {
    await Promise.all(lanes.map((lane) => lane.release()));
    throw err;
  }
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

  let lastAnnotation = '0';
  try {
    // Annotations outlive their job: an earlier job of this id may have left some, which the new
    // job then owns (JobCounts counts them). They take part of the budget so that total == rows.
    const { rows: [prior] } = await db.pool.query<{ n: number; last: string }>(
      `SELECT count(*)::int AS n, coalesce(max(id), 0)::text AS last FROM annotations WHERE job_id = $1`,
      [jobId],
    );
    const leftover = prior.n;
    lastAnnotation = prior.last;
    if (leftover > rows) {
      throw new ConflictError(
        `The job [${jobId}] would own ${leftover} annotations left by an earlier job of that id, more than the ${rows} rows asked for`,
      );
    }
    const plan = planSeed(rows - leftover);
    let done = leftover;
    if (done > 0) onProgress?.(done);

    const queue = statementsFor(plan);
    if (queue.length > 0) {
      // Two statements at a time keep both cores of a small server busy; one on the embedded database.
      const lanes = await openLanes(db, Math.min(2, queue.length));
      let failed = false;
      const drain = async (lane: Lane) => {
        for (let statement = queue.shift(); statement && !failed; statement = queue.shift()) {
          signal?.throwIfAborted();
          const { rowCount } = await lane.query(statement.sql, [jobId, ...statement.params]);
          if (rowCount !== statement.rows) throw new ConflictError(`The job [${jobId}] was deleted while it was being seeded`);
          done += statement.rows;
          onProgress?.(done);
        }
      };
      const results = await Promise.allSettled(
        lanes.map((lane) =>
          drain(lane)
            .catch((err) => {
              failed = true;
              throw err;
            })
            .finally(() => lane.release()),
        ),
      );
      const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failure) throw failure.reason;
    }

    return { ...plan, annotations: plan.annotations + leftover, total: rows, ms: performance.now() - started };
  } catch (err) {
    // Undo: the job's rows go with it (cascade); the annotations written here do not (no FK).
    await db.pool
      .query(`DELETE FROM annotations WHERE job_id = $1 AND id > $2::bigint AND created_by = $3`, [jobId, lastAnnotation, SYSTEM_AUTHOR])
      .catch(() => {});
    await db.pool.query(`DELETE FROM jobs WHERE id = $1`, [jobId]).catch(() => {});
    throw err;
  }
}
