// Several jobs at once: the bar that says what is selected, the one confirmation (how many jobs,
// how many rows, which ones), and what came of it (the jobs refused, each with its reason).
import { useRef, useState } from 'preact/hooks';
import { deleteJobs, type BulkJob, type BulkResult } from '../bulk-delete.ts';
import { formatCount, formatRows, plural } from '../format.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';

const NAMED = 12;

interface BarProps {
  jobs: BulkJob[];
  /** Jobs matching the list's filter, and whether every one is selected already. */
  matching: number;
  onSelectMatching?(): void;
  onDelete(): void;
  onClear(): void;
}

export function SelectionBar({ jobs, matching, onSelectMatching, onDelete, onClear }: BarProps) {
  if (jobs.length === 0) return null;
  const rows = jobs.reduce((sum, j) => sum + j.counts.total, 0);
  return (
    <div class="selection-bar" role="region" aria-label="Selection">
      <p>
        <strong>{plural(jobs.length, 'job')} selected</strong> <span class="muted">· {formatRows(rows)}</span>
      </p>
      {onSelectMatching && jobs.length < matching && (
        <button type="button" class="button button-ghost button-small" onClick={onSelectMatching}>
          Select all {formatCount(matching)} matching
        </button>
      )}
      <button type="button" class="button button-ghost button-small" onClick={onClear}>
        Clear
      </button>
      <button type="button" class="button button-danger button-small" onClick={onDelete}>
        Delete {plural(jobs.length, 'job')}…
      </button>
    </div>
  );
}

interface DialogProps {
  apiKey: string;
  /** The jobs to delete; empty when closed. */
  jobs: BulkJob[];
  onStarted(job: BulkJob, taskId: string): void;
  onDone(result: BulkResult | undefined): void;
}

export function BulkDeleteDialog({ apiKey, jobs, onStarted, onDone }: DialogProps) {
  const [force, setForce] = useState(false);
  const result = useRef<BulkResult>();
  const rows = jobs.reduce((sum, j) => sum + j.counts.total, 0);
  const title = `Delete ${plural(jobs.length, 'job')}?`;
  const byId = new Map(jobs.map((j) => [j.id, j]));
  async function run() {
    result.current = await deleteJobs(apiKey, [...byId.keys()], force, (jobId, taskId) => onStarted(byId.get(jobId)!, taskId));
  }
  return (
    <ConfirmDialog
      open={jobs.length > 0}
      label={title}
      title={title}
      confirmLabel={`Delete ${plural(jobs.length, 'job')}`}
      busyLabel="Deleting…"
      run={run}
      onClose={(done) => {
        setForce(false);
        onDone(done ? result.current : undefined);
        result.current = undefined;
      }}
    >
      <p>
        This removes <strong>{plural(jobs.length, 'job')}</strong> and the <strong>{formatRows(rows)}</strong> they own. Each is deleted in the
        background by its own task; it cannot be undone.
      </p>
      <p class="muted small bulk-names">
        {jobs
          .slice(0, NAMED)
          .map((j) => j.id)
          .join(', ')}
        {jobs.length > NAMED && ` and ${plural(jobs.length - NAMED, 'other')}`}
      </p>
      <label class="option">
        <input type="checkbox" checked={force} onChange={(e) => setForce(e.currentTarget.checked)} />
        <span>
          <span class="option-label">Force</span>
          <span class="hint">Stop open jobs first instead of refusing them.</span>
        </span>
      </label>
    </ConfirmDialog>
  );
}

export function BulkOutcome({ result, onDismiss }: { result: BulkResult; onDismiss(): void }) {
  const total = result.started.length + result.refused.length;
  return (
    <section class={`alert ${result.refused.length ? 'alert-warning' : 'alert-success'} bulk-outcome`} aria-label="Bulk delete">
      <p>
        <strong>
          Deleting {result.started.length} of {plural(total, 'job')}
        </strong>
        {result.refused.length > 0 && `; ${result.refused.length} refused:`}
      </p>
      {result.refused.length > 0 && (
        <ul>
          {result.refused.map(({ jobId, error }) => (
            <li key={jobId}>
              <code>{jobId}</code>: {error.message} <span class="code">{error.code}</span>
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="button button-ghost button-small" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  );
}
