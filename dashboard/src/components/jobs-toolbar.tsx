// Finding jobs in a fleet: search (id, description, group), state, deletion status and order.
// The search waits for a pause in typing.
import { useEffect, useState } from 'preact/hooks';
import type { JobOrderField, JobState, OrderDirection } from '../generated/graphql.ts';

export type DeletionFilter = 'all' | 'deleting' | 'failed' | 'not-deleting';

export interface JobsControls {
  search: string;
  state: JobState | '';
  deletion: DeletionFilter;
  order: `${JobOrderField}:${OrderDirection}`;
}

export const DEFAULT_CONTROLS: JobsControls = { search: '', state: '', deletion: 'all', order: 'ID:ASC' };

const STATES: JobState[] = ['OPENED', 'OPENING', 'CLOSING', 'CLOSED', 'FAILED'];
const ORDERS: [JobsControls['order'], string][] = [
  ['ID:ASC', 'Id, A to Z'],
  ['ID:DESC', 'Id, Z to A'],
  ['CREATED_AT:DESC', 'Newest first'],
  ['CREATED_AT:ASC', 'Oldest first'],
  ['TOTAL_ROWS:DESC', 'Most rows'],
  ['TOTAL_ROWS:ASC', 'Fewest rows'],
];
const SEARCH_PAUSE_MS = 250;

export function JobsToolbar({ controls, onChange }: { controls: JobsControls; onChange(next: JobsControls): void }) {
  const [typed, setTyped] = useState(controls.search);
  useEffect(() => setTyped(controls.search), [controls.search]); // set from elsewhere (a task's "show job")
  useEffect(() => {
    if (typed === controls.search) return;
    const timer = setTimeout(() => onChange({ ...controls, search: typed }), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  return (
    <div class="toolbar" role="search" aria-label="Find jobs">
      <label class="toolbar-field toolbar-search">
        <span class="sr-only">Search jobs</span>
        <input type="search" placeholder="Search id, description or group" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
      </label>
      <label class="toolbar-field">
        <span class="sr-only">State</span>
        <select value={controls.state} onChange={(e) => onChange({ ...controls, state: e.currentTarget.value as JobsControls['state'] })}>
          <option value="">Any state</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {s.toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      <label class="toolbar-field">
        <span class="sr-only">Deletion</span>
        <select value={controls.deletion} onChange={(e) => onChange({ ...controls, deletion: e.currentTarget.value as DeletionFilter })}>
          <option value="all">Deleting or not</option>
          <option value="deleting">Being deleted</option>
          <option value="failed">Deletion failed</option>
          <option value="not-deleting">Not being deleted</option>
        </select>
      </label>
      <label class="toolbar-field">
        <span class="sr-only">Sort by</span>
        <select value={controls.order} onChange={(e) => onChange({ ...controls, order: e.currentTarget.value as JobsControls['order'] })}>
          {ORDERS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
