// The jobs: id, state (and how its deletion goes), datafeed, rows by kind, and the actions. A
// table with fixed columns on wide screens (nothing shifts while a deletion runs); on phones each
// row stacks into a card (styles.css). A failed deletion shows its reason and a Resume button on
// the job's own row.
import { formatCount, formatPercent, formatRows, plural } from '../format.ts';
import type { BulkJob } from '../bulk-delete.ts';
import type { JobDeletion } from '../deletion-state.ts';
import type { Job } from '../use-dashboard-data.ts';
import { JobStateBadge } from './badges.tsx';

interface Props {
  /** Undefined until the first answer. */
  jobs?: Job[];
  deletionOf(job: Job): JobDeletion | undefined;
  /** False for read-only keys: no delete controls at all. */
  canDelete: boolean;
  onDelete(job: Job): void;
  onResume(job: Job): void;
  onRemoveDatafeed(job: Job): void;
  /** The jobs selected for a bulk delete, by id. */
  selected: ReadonlyMap<string, BulkJob>;
  onSelect(jobs: BulkJob[], on: boolean): void;
  /** Some jobs are hidden by the search or filters (changes what "no jobs" says). */
  filtered: boolean;
}

export const jobRowId = (jobId: string) => `job-${jobId}`;

export function JobsTable({ jobs, deletionOf, canDelete, onDelete, onResume, onRemoveDatafeed, selected, onSelect, filtered }: Props) {
  if (!jobs) return <p class="empty">Loading jobs…</p>;
  if (jobs.length === 0 && filtered) return <p class="empty">No job matches.</p>;
  if (jobs.length === 0) {
    return (
      <p class="empty">
        No jobs. Create one with the <code>putJob</code> mutation, or seed one: <code>npm run seed -- --job demo --results 100000</code>.
      </p>
    );
  }

  const selectable = jobs.filter((j) => !j.deleting);
  const allSelected = selectable.length > 0 && selectable.every((j) => selected.has(j.id));
  return (
    <div class="table-wrap">
      <table class="table jobs-table">
        <colgroup>
          {canDelete && <col class="col-select" />}
          <col class="col-job" />
          <col class="col-state" />
          <col class="col-datafeed" />
          <col class="col-rows" />
          {canDelete && <col class="col-actions" />}
        </colgroup>
        <thead>
          <tr>
            {canDelete && (
              <th scope="col" class="select">
                <input
                  type="checkbox"
                  aria-label="Select all jobs shown"
                  checked={allSelected}
                  disabled={selectable.length === 0}
                  onChange={(e) => onSelect(selectable, e.currentTarget.checked)}
                />
              </th>
            )}
            <th scope="col">Job</th>
            <th scope="col">State</th>
            <th scope="col">Datafeed</th>
            <th scope="col" class="numeric">
              Rows
            </th>
            {canDelete && (
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => {
            const deletion = job.deleting ? deletionOf(job) : undefined;
            return (
              <tr key={job.id} id={jobRowId(job.id)} class={deletion?.status === 'failed' ? 'row-failed' : job.deleting ? 'row-deleting' : undefined}>
                {canDelete && (
                  <td class="select">
                    <input
                      type="checkbox"
                      aria-label={`Select job ${job.id}`}
                      checked={selected.has(job.id)}
                      disabled={job.deleting}
                      onChange={(e) => onSelect([job], e.currentTarget.checked)}
                    />
                  </td>
                )}
                <th scope="row" data-label="Job">
                  <code class="job-id">{job.id}</code>
                  {job.description && <span class="muted small block">{job.description}</span>}
                </th>
                <td data-label="State">
                  <span class="badges">
                    <JobStateBadge state={job.state} />
                    {job.deleting && <DeletionBadge deletion={deletion} />}
                  </span>
                  {deletion?.status !== 'failed' && deletion?.task && deletion.task.attempts > 1 && deletion.task.lastError && (
                    <span class="muted small block" data-testid="deletion-retrying">
                      retrying (attempt {deletion.task.attempts}): {deletion.task.lastError}
                    </span>
                  )}
                  {deletion?.status === 'failed' && deletion.task.error && (
                    <span class="error-text block small" data-testid="deletion-error">
                      {deletion.task.error.reason}
                    </span>
                  )}
                </td>
                <td data-label="Datafeed">
                  {job.datafeed ? (
                    <span>
                      <code class="nowrap">{job.datafeed.id}</code>
                      <span class="muted small block">{job.datafeed.state.toLowerCase()}</span>
                      {canDelete && (
                        <button
                          type="button"
                          class="button button-ghost button-small datafeed-remove"
                          aria-label={`Remove datafeed ${job.datafeed.id}`}
                          title="The datafeed blocks deleting this job: stop and delete it"
                          onClick={() => onRemoveDatafeed(job)}
                        >
                          Remove datafeed…
                        </button>
                      )}
                    </span>
                  ) : (
                    <span class="muted">none</span>
                  )}
                </td>
                <td data-label="Rows" class="numeric">
                  <span class="rows-total">{job.deleting ? `${formatRows(job.counts.total)} left` : formatCount(job.counts.total)}</span>
                  <RowBreakdown counts={job.counts} />
                </td>
                {canDelete && (
                  <td class="actions">
                    <RowAction job={job} deletion={deletion} onDelete={onDelete} onResume={onResume} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function DeletionBadge({ deletion }: { deletion?: JobDeletion }) {
  const percent = deletion ? formatPercent(deletion.task.progress.percent) : undefined;
  switch (deletion?.status) {
    case 'failed':
      return <span class="badge badge-bad">deletion failed at {percent}</span>;
    case 'stuck':
      return <span class="badge badge-warn">deletion stalled at {percent}</span>;
    case 'queued':
      return <span class="badge badge-warn">deletion queued</span>;
    case 'running':
      return <span class="badge badge-warn">deleting · {percent}</span>;
    default:
      return <span class="badge badge-warn">deleting</span>;
  }
}

function RowAction({ job, deletion, onDelete, onResume }: { job: Job; deletion?: JobDeletion; onDelete(job: Job): void; onResume(job: Job): void }) {
  if (deletion?.status === 'failed') {
    return (
      <button type="button" class="button button-primary button-small" aria-label={`Resume deleting job ${job.id}`} onClick={() => onResume(job)}>
        Resume
      </button>
    );
  }
  return (
    <button
      type="button"
      class="button button-danger-outline button-small"
      disabled={job.deleting}
      aria-label={job.deleting ? `Job ${job.id} is being deleted` : `Delete job ${job.id}`}
      onClick={() => onDelete(job)}
    >
      {job.deleting ? 'Deleting…' : 'Delete'}
    </button>
  );
}

function RowBreakdown({ counts: c }: { counts: Job['counts'] }) {
  const results = c.buckets + c.records + c.influencers + c.categories + c.forecasts;
  const model = c.modelSnapshots + c.modelStateDocs;
  return (
    <span class="muted small block breakdown">
      {plural(results, 'result')} · {formatCount(model)} model · {plural(c.annotations, 'annotation')}
    </span>
  );
}
