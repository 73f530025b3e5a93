// What a deletion removes, in Elasticsearch's order (D9), from the one list of what a job owns
// (jobs/owned-tables.ts); the configuration row goes last (D10), in the finishing transaction.
// How each step removes its rows depends on where they are stored (engine.ts): a dedicated
// job's tables are dropped, shared tables are deleted from by (job_id, id) ranges, which
// tolerate rows already gone, so that every step can simply run again after an interruption.
import { OWNED_TABLES, type Stored } from '../jobs/owned-tables.ts';

export interface TableStep {
  /** Progress phase name (stable, shown to clients). */
  phase: string;
  table: string;
  stored: Stored;
  /** Rows of this table count towards progress.total (calendar membership does not). */
  counted: boolean;
}

export const STEPS: readonly TableStep[] = OWNED_TABLES.map(({ phase, table, stored, field }) => ({ phase, table, stored, counted: field !== null }));

export const PHASE_CONFIG = 'CONFIG';
export const PHASE_STOPPING = 'STOPPING_JOB';
