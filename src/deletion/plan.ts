// What a deletion removes, in Elasticsearch's order (D9): state and snapshots, annotations,
// results, forecasts, calendar membership; the configuration row goes last (D10), in the
// finishing transaction. Each step deletes by (job_id, id) ranges, so it tolerates rows that are
// already gone and can simply be run again after an interruption.

export interface TableStep {
  /** Progress phase name (stable, shown to clients). */
  phase: string;
  table: string;
  /** Rows of this table count towards progress.total (calendar membership does not). */
  counted: boolean;
  /** Only system annotations go unless the caller asked for user annotations too. */
  annotationsOnly?: boolean;
  /** calendar_jobs has no id column: one statement is enough (a job is in few calendars). */
  whole?: boolean;
}

export const STEPS: readonly TableStep[] = [
  { phase: 'MODEL_STATE', table: 'model_state_docs', counted: true },
  { phase: 'MODEL_SNAPSHOTS', table: 'model_snapshots', counted: true },
  { phase: 'ANNOTATIONS', table: 'annotations', counted: true, annotationsOnly: true },
  { phase: 'RESULTS', table: 'buckets', counted: true },
  { phase: 'RESULTS', table: 'records', counted: true },
  { phase: 'RESULTS', table: 'influencers', counted: true },
  { phase: 'RESULTS', table: 'categories', counted: true },
  { phase: 'FORECASTS', table: 'forecasts', counted: true },
  { phase: 'CALENDARS', table: 'calendar_jobs', counted: false, whole: true },
];

export const PHASE_CONFIG = 'CONFIG';
export const PHASE_STOPPING = 'STOPPING_JOB';
