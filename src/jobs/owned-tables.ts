// What a job owns, declared once. The deletion plan (deletion/plan.ts), the counts (counts.ts,
// row-counts.ts), the seed, the storage SQL (prisma/sql/job_parts.sql: job_parts.tables()) and
// the tests derive from this list or are checked against it (test/storage.test.ts).
//
// `stored` says where a table's rows live and so how a deletion removes them:
// - 'job': in the job's storage (storage.ts): the shared table `public.<table>` for a SHARED job,
//   deleted in time-sized batches; a table of its own for a DEDICATED job, dropped whole. These
//   keep a row count per job (job_row_counts) and reference jobs(id) ON DELETE CASCADE.
// - 'outlives': one shared table whose rows may outlive the job (user annotations, D9): batches.
// - 'membership': a link row (calendar membership): one statement, a job is in few calendars.
import { SYSTEM_AUTHOR } from '../auth/principal.ts';

/** The condition on annotations that spares user ones: a deletion removes them only when asked (D9). */
export const SYSTEM_ANNOTATIONS = `created_by = '${SYSTEM_AUTHOR}'`;

export type Stored = 'job' | 'outlives' | 'membership';

export interface OwnedTable {
  table: string;
  /** Deletion phase shown in task progress (stable, clients see it). */
  phase: string;
  stored: Stored;
  /** The JobCounts field the table's rows are counted in; null: not counted (nor in progress.total). */
  field: string | null;
}

/** In Elasticsearch's deletion order (D9): state and snapshots, annotations, results, forecasts, calendars. */
export const OWNED_TABLES = [
  { table: 'model_state_docs', phase: 'MODEL_STATE', stored: 'job', field: 'modelStateDocs' },
  { table: 'model_snapshots', phase: 'MODEL_SNAPSHOTS', stored: 'job', field: 'modelSnapshots' },
  { table: 'annotations', phase: 'ANNOTATIONS', stored: 'outlives', field: 'annotations' },
  { table: 'buckets', phase: 'RESULTS', stored: 'job', field: 'buckets' },
  { table: 'records', phase: 'RESULTS', stored: 'job', field: 'records' },
  { table: 'influencers', phase: 'RESULTS', stored: 'job', field: 'influencers' },
  { table: 'categories', phase: 'RESULTS', stored: 'job', field: 'categories' },
  { table: 'forecasts', phase: 'FORECASTS', stored: 'job', field: 'forecasts' },
  { table: 'calendar_jobs', phase: 'CALENDARS', stored: 'membership', field: null },
] as const satisfies readonly OwnedTable[];

/** A JobCounts field other than the total: one per counted table. */
type CountField = NonNullable<(typeof OWNED_TABLES)[number]['field']>;

/** What a job owns, counted: one field per counted table (Job.counts), and their sum. */
export type JobCounts = Record<CountField, number> & { total: number };

type JobTableEntry = Extract<(typeof OWNED_TABLES)[number], { stored: 'job' }>;

/** A table in the job's storage (shared or dedicated), with a kept count per job. */
export type JobTable = JobTableEntry['table'];

export const JOB_TABLES: readonly JobTable[] = OWNED_TABLES.filter((t): t is JobTableEntry => t.stored === 'job').map((t) => t.table);

export const isJobTable = (table: string): table is JobTable => (JOB_TABLES as readonly string[]).includes(table);

/** The JobCounts field of each job table. */
export const COUNT_FIELD = Object.fromEntries(OWNED_TABLES.filter((t) => t.stored === 'job').map((t) => [t.table, t.field])) as Record<
  JobTable,
  JobTableEntry['field']
>;
