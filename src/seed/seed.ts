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
// itself, once (`FOR KEY SHARE`, the lock that check takes), and writes nothing if the job is
// gone, so the per-row check adds nothing. Where the role may set it (superusers; PG15+: GRANT SET
// ON PARAMETER) and the tables carry no trigger or rule besides PostgreSQL's internal foreign-key
// triggers, each statement is therefore sent as `SET LOCAL session_replication_role = replica;
// INSERT ...` in one simple query, one implicit transaction: the checks are skipped (about 2.5x
// faster) and the setting ends with that transaction, so nothing leaks into the pool. Otherwise
// the plain statement runs, checks and all. On the embedded database this is done only when the
// caller says it has the database to itself (`exclusive`): a server sharing PGlite's one session
// could have a transaction open that the statement would join.
import pg from 'pg';
import type { Database } from '../db/client.ts';
import { PG } from '../db/pg-errors.ts';
import { REPLICA_MODE, replicaModeAllowed } from '../db/replica-mode.ts';
import { BadInputError, ConflictError } from '../errors.ts';
import { inLanes } from '../lanes.ts';
import type { JobCounts } from '../jobs/counts.ts';
import { assertValidId } from '../jobs/ids.ts';
import { COUNT_FIELD, isJobTable, JOB_TABLES, OWNED_TABLES } from '../jobs/owned-tables.ts';
import { countedStatement } from '../jobs/row-counts.ts';
import { dropDedicatedTables, relationOf } from '../jobs/storage.ts';
import type { JobStorage } from '../generated/prisma/client.ts';
import { SYSTEM_AUTHOR } from '../auth/principal.ts';

export const MAX_SEED_ROWS = 50_000_000;
/** Rows per INSERT statement: big enough to be fast, small enough for regular progress. */
export const SEED_CHUNK = 100_000;
/**
 * Rows per statement, and jobs per fleet batch, into an embedded database a running server shares
 * (PGlite is one session: each statement holds it whole, and the server's reads queue behind it).
 * Small enough that a read waits a fraction of a second; the statements take turns with the
 * server's in arrival order.
 */
const SHARED_SESSION_CHUNK = 10_000;
const sharesSession = (db: Database, exclusive: boolean) => db.embedded && !exclusive;

export interface SeedResult extends JobCounts {
  /** Wall time of the whole seed, job row included. */
  ms: number;
}

type Kind = Exclude<keyof JobCounts, 'total'>;

/** Order in which rows are handed out when there are fewer than one per kind. */
const KINDS: readonly Kind[] = ['buckets', 'records', 'influencers', 'forecasts', 'categories', 'modelSnapshots', 'modelStateDocs', 'annotations'];

/** The shared tables the seed writes: every counted table a job owns (OWNED_TABLES). */
const TABLES = OWNED_TABLES.filter((t) => t.field !== null).map((t) => t.table);

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

/** One chunk: an INSERT ... SELECT over g in [$2, $3] (0-based) for job $1 (or jobs, the fleet), extra parameters from $4. */
interface Statement {
  sql: string;
  params: unknown[];
  rows: number;
}

/** Writes `values` (over g) as rows of `table` (columns `columns` besides job_id). */
type Insert = (table: string, columns: string, values: string) => string;

/**
 * One job's rows, into its storage. The job row is locked once by the statement (as the
 * foreign-key check would lock it per row) and joined in: if the job is gone, nothing is written
 * and the row count says so.
 */
const insertForJob =
  (storage: JobStorage, jobId: string): Insert =>
  (table, columns, values) => {
    const relation = isJobTable(table) ? relationOf(storage, table, jobId) : table;
    const rows = `WITH job AS (SELECT id FROM jobs WHERE id = $1 FOR KEY SHARE)
   INSERT INTO ${relation} (job_id, ${columns})
   SELECT job.id, ${values} FROM job, generate_series($2::bigint, $3::bigint) AS g`;
    // The job's kept count moves in the same statement (annotations have none: row-counts.ts).
    return isJobTable(table) ? countedStatement(table, rows) : rows;
  };

/** Every job of a fleet batch ($1, an array of ids) gets the same rows, in the shared tables; counts are written apart. */
const insertForFleet: Insert = (table, columns, values) =>
  `INSERT INTO ${table} (job_id, ${columns})
   SELECT job.id, ${values} FROM unnest($1::text[]) AS job(id), generate_series($2::bigint, $3::bigint) AS g`;

/** A timestamp `seconds` after $4 (BASE_TIME). */
const at = (seconds: string) => `($4::timestamp + (${seconds}) * interval '1 second')`;

function statementsFor(plan: Record<Kind, number>, insert: Insert, chunk = SEED_CHUNK): Statement[] {
  const docs = stateDocSplit(plan.modelStateDocs);
  const snapshots = plan.modelSnapshots;
  // Grouped per kind; within a group, the snapshots are written before the documents naming them.
  const groups: { rows: number; sql: string; params: unknown[] }[][] = [
    [
      {
        rows: plan.buckets,
        sql: insert(
          'buckets',
          'timestamp, bucket_span_seconds, anomaly_score',
          `${at(`g * ${BUCKET_SPAN}`)}, ${BUCKET_SPAN}, ((g * 7919) % 10000)::float8 / 100`,
        ),
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
        sql: insert(
          'forecasts',
          'forecast_id, timestamp, prediction',
          `'forecast-' || (g / 10000), ${at(`(g % 10000) * ${BUCKET_SPAN}`)}, 100 + (g * 2711) % 500`,
        ),
        params: [BASE_TIME],
      },
    ],
    [
      {
        rows: plan.categories,
        sql: insert(
          'categories',
          'category_id, terms, examples',
          `(g + 1)::int, 'GET api v1 orders ' || (g + 1), ARRAY['GET /api/v1/orders/' || (g + 1) || ' 200']`,
        ),
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
        sql: insert(
          'model_state_docs',
          'kind, snapshot_id, doc',
          `'QUANTILES', NULL, '{"quantile_state":"seeded","timestamp":' || $4::bigint * 1000 || '}'`,
        ),
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
      for (let from = 0; from < rows; from += chunk) {
        const to = Math.min(rows, from + chunk);
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

const REPLICA = `${REPLICA_MODE};`;

/** Whether statements may skip the per-row foreign-key checks (see the top of this file). */
async function mayUseReplicaMode(db: Database, exclusive: boolean): Promise<boolean> {
  if (db.embedded && !exclusive) return false;
  return replicaModeAllowed(db.pool, TABLES);
}

/** The statement with its parameters written in, for the simple query protocol (numbers, short strings, lists of ids). */
function inline(sql: string, params: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = params[Number(n) - 1];
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    if (typeof value === 'string') return pg.escapeLiteral(value);
    if (Array.isArray(value)) return `ARRAY[${value.map((v: string) => pg.escapeLiteral(v)).join(', ')}]::text[]`;
    throw new Error(`cannot inline parameter $${n}`);
  });
}

/** Runs one chunk; returns how many rows it wrote. */
async function run(db: Database, statement: Statement, jobId: string, replica: boolean): Promise<number> {
  const params = [jobId, ...statement.params];
  const written = (result: pg.QueryResult) => (result.rows[0]?.n as number | undefined) ?? result.rowCount ?? 0;
  if (!replica) return written(await db.pool.query(statement.sql, params));
  // Two statements in one simple query: pg answers with one result each.
  const results = (await db.pool.query(`${REPLICA} ${inline(statement.sql, params)}`)) as unknown as pg.QueryResult[];
  return written(results[results.length - 1]);
}

export interface SeedOptions {
  /** Stops between two statements; the job is then removed and the abort reason thrown. */
  signal?: AbortSignal;
  /** The embedded database serves nobody else (e.g. the CLI started it): see the top of this file. */
  exclusive?: boolean;
  /** Tables of its own for the job (storage.ts); default shared. */
  storage?: JobStorage;
}

const deletedWhileSeeding = (jobId: string) => new ConflictError(`The job [${jobId}] was deleted while it was being seeded`);

export async function seedJob(
  db: Database,
  jobId: string,
  rows: number,
  onProgress?: (done: number) => void,
  { signal, exclusive = false, storage = 'SHARED' }: SeedOptions = {},
): Promise<SeedResult> {
  assertValidId(jobId);
  assertRows(rows);
  signal?.throwIfAborted();
  const started = performance.now();

  // ON CONFLICT DO NOTHING and the row count: of two concurrent seeds of one id, exactly one wins.
  // A dedicated job's tables come in the same statement (one transaction): never a job without them.
  const created = await db.pool.query(
    `WITH created AS (
       INSERT INTO jobs (id, description, groups, state, analysis_config, data_description, updated_at, storage)
       VALUES ($1, $2, '{}', 'CLOSED', $3::jsonb, $4::jsonb, now(), $5::"JobStorage")
       ON CONFLICT (id) DO NOTHING RETURNING id)
     SELECT CASE WHEN $5 = 'DEDICATED' THEN job_parts.create_tables(id) END FROM created`,
    [jobId, `Seeded with ${rows} rows`, ANALYSIS_CONFIG, DATA_DESCRIPTION, storage],
  );
  if (created.rowCount !== 1) throw new ConflictError(`The job [${jobId}] already exists`);

  // Annotations outlive their job, so the undo below removes only the ones written from here on.
  // (Those an earlier job of this id left behind are not the new job's: JobCounts only counts
  // annotations written since the job row was.)
  let lastAnnotation = '0';
  try {
    const {
      rows: [prior],
    } = await db.pool.query<{ last: string }>(`SELECT coalesce(max(id), 0)::text AS last FROM annotations WHERE job_id = $1`, [jobId]);
    lastAnnotation = prior.last;
    const plan = planSeed(rows);
    let done = 0;

    const queue = statementsFor(plan, insertForJob(storage, jobId), sharesSession(db, exclusive) ? SHARED_SESSION_CHUNK : SEED_CHUNK);
    if (queue.length > 0) {
      const replica = await mayUseReplicaMode(db, exclusive);
      // Two statements at a time keep both cores of a small server busy; one on the embedded database.
      const lanes = db.embedded ? 1 : Math.min(2, queue.length);
      await inLanes(lanes, async (stopped) => {
        for (let statement = queue.shift(); statement && !stopped(); statement = queue.shift()) {
          signal?.throwIfAborted();
          const written = await run(db, statement, jobId, replica);
          if (written !== statement.rows) throw deletedWhileSeeding(jobId);
          done += statement.rows;
          onProgress?.(done);
        }
      });
    }

    return { ...plan, total: rows, ms: performance.now() - started };
  } catch (err) {
    // Undo: a dedicated job's tables are dropped (its rows with them), then the job row (the
    // cascade takes shared rows); the annotations written here have no FK to go with it.
    await db.pool
      .query(`DELETE FROM annotations WHERE job_id = $1 AND id > $2::bigint AND created_by = $3`, [jobId, lastAnnotation, SYSTEM_AUTHOR])
      .catch(() => {});
    if (storage === 'DEDICATED') await dropDedicatedTables(db.pool, JOB_TABLES, jobId).catch(() => {});
    await db.pool.query(`DELETE FROM jobs WHERE id = $1`, [jobId]).catch(() => {});
    // A deletion that dropped a dedicated table under a running statement.
    if ((err as { code?: string }).code === PG.UNDEFINED_TABLE) throw deletedWhileSeeding(jobId);
    throw err;
  }
}

function assertRows(rows: number): void {
  if (!Number.isInteger(rows) || rows < 0 || rows > MAX_SEED_ROWS) {
    throw new BadInputError(`results must be an integer between 0 and ${MAX_SEED_ROWS}, got ${rows}`);
  }
}

export const MAX_FLEET_JOBS = 1_000_000;
/** Jobs per fleet transaction: 500 jobs of 40 rows are ~20,000 rows, a fraction of a second. */
const FLEET_BATCH = 500;

export interface FleetOptions {
  jobs: number;
  /** Rows per job, split over the kinds as for one job (planSeed). */
  results: number;
  /** Job ids are `<prefix><n>`, n from 1 padded to the width of `jobs`. */
  prefix?: string;
  storage?: JobStorage;
  /** Dedicated jobs at most, those that exist included (MAX_DEDICATED_JOBS, as putJob). */
  maxDedicatedJobs?: number;
  signal?: AbortSignal;
  exclusive?: boolean;
}

export interface FleetResult {
  jobs: number;
  rows: number;
  ms: number;
}

/** The ids a fleet seed creates. */
export function fleetIds(jobs: number, prefix: string): string[] {
  const width = String(jobs).length;
  return Array.from({ length: jobs }, (_, i) => `${prefix}${String(i + 1).padStart(width, '0')}`);
}

/**
 * Many CLOSED jobs at once (`npm run seed -- --jobs <n> --results <m>`), each owning exactly
 * `results` rows spread like one seeded job's. Shared jobs go FLEET_BATCH at a time, each batch
 * one transaction (one simple query: atomic on the embedded database's shared session too) of a
 * dozen set-based statements: the job rows, every table's rows for all of them, their kept
 * counts; two batches run at a time. A batch that fails (an id that exists) leaves nothing; others stay. Dedicated
 * jobs need seven tables each and go one by one (seedJob); there are few of them.
 */
export async function seedFleet(db: Database, opts: FleetOptions, onProgress?: (jobsDone: number) => void): Promise<FleetResult> {
  const { jobs, results, prefix = 'fleet-', storage = 'SHARED', signal, exclusive = false } = opts;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_FLEET_JOBS)
    throw new BadInputError(`jobs must be an integer from 1 to ${MAX_FLEET_JOBS}, got ${jobs}`);
  assertRows(results);
  const ids = fleetIds(jobs, prefix);
  for (const id of [ids[0], ids.at(-1)!]) assertValidId(id);
  const started = performance.now();
  if (storage === 'DEDICATED') {
    const max = opts.maxDedicatedJobs ?? Infinity;
    const { rows } = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE storage = 'DEDICATED'`);
    if (rows[0].n + jobs > max) {
      throw new BadInputError(`Cannot seed ${jobs} dedicated jobs: ${rows[0].n} of at most ${max} exist (MAX_DEDICATED_JOBS)`);
    }
    for (const [i, id] of ids.entries()) {
      await seedJob(db, id, results, undefined, { signal, exclusive, storage });
      onProgress?.(i + 1);
    }
    return { jobs, rows: jobs * results, ms: performance.now() - started };
  }
  const plan = planSeed(results);
  const statements = statementsFor(plan, insertForFleet);
  const replica = await mayUseReplicaMode(db, exclusive);
  const counted = JOB_TABLES.map((table) => [table, plan[COUNT_FIELD[table]]] as const).filter(([, n]) => n > 0);
  const batchSize = sharesSession(db, exclusive)
    ? Math.max(1, Math.min(FLEET_BATCH, Math.floor(SHARED_SESSION_CHUNK / Math.max(1, results))))
    : FLEET_BATCH;
  const batchAt = async (from: number) => {
    const batch = ids.slice(from, from + batchSize);
    const sql = [
      ...(replica ? [REPLICA.replace(/;$/, '')] : []),
      inline(
        `INSERT INTO jobs (id, description, groups, state, analysis_config, data_description, updated_at)
         SELECT id, $2, '{}', 'CLOSED', $3::jsonb, $4::jsonb, now() FROM unnest($1::text[]) AS id`,
        [batch, `Seeded with ${results} rows`, ANALYSIS_CONFIG, DATA_DESCRIPTION],
      ),
      ...statements.map((st) => inline(st.sql, [batch, ...st.params])),
      ...(counted.length
        ? [
            inline(
              `INSERT INTO job_row_counts (job_id, kind, rows)
               SELECT job.id, c.kind, c.n FROM unnest($1::text[]) AS job(id), (VALUES ${counted.map(([t, n]) => `('${t}', ${n})`).join(', ')}) AS c(kind, n)`,
              [batch],
            ),
          ]
        : []),
    ].join(';\n');
    try {
      await db.pool.query(sql);
    } catch (err) {
      if ((err as { code?: string }).code === PG.UNIQUE_VIOLATION) {
        throw new ConflictError(`A job among [${batch[0]}] to [${batch.at(-1)}] already exists; the batches before it stay`);
      }
      throw err;
    }
    done += batch.length;
    onProgress?.(done);
  };
  // Two batches at a time keep both cores of a small server busy (as seedJob's two lanes); one on the embedded database.
  let next = 0;
  let done = 0;
  await inLanes(db.embedded ? 1 : 2, async (stopped) => {
    for (let from = next; from < jobs && !stopped(); from = next) {
      signal?.throwIfAborted();
      next += batchSize;
      await batchAt(from);
    }
  });
  return { jobs, rows: jobs * results, ms: performance.now() - started };
}
