// The jobs: id, state (and whether it is being deleted), datafeed, rows by kind, and the delete
// action. A table on wide screens; on phones each row stacks into a card (styles.css).
import { formatCount, formatPercent } from '../format.ts';
import type { Job } from '../use-dashboard-data.ts';
import type { TrackedTask } from '../use-task-progress.ts';
import { JobStateBadge } from './badges.tsx';

interface Props {
  /** Undefined until the first answer. */
  jobs?: Job[];
  tracked: TrackedTask[];
  onDelete(job: Job): void;
}

export function JobsTable({ jobs, tracked, onDelete }: Props) {
  if (!jobs) return <p class="empty">Loading jobs…</p>;
  if (jobs.length === 0) {
    return (
      <p class="empty">
        No jobs. Create one with the <code>putJob</code> mutation, or seed one: <code>npm run seed -- --job demo --results 100000</code>.
      </p>
    );
  }
  const progressOf = (jobId: string) => tracked.find((t) => t.jobId === jobId && !t.endedAt)?.task?.progress.percent;

  return (
    <div class="table-wrap">
      <table class="table jobs-table">
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">State</th>
            <th scope="col">Datafeed</th>
            <th scope="col" class="numeric">
              Rows
            </th>
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => {
            const percent = progressOf(job.id);
            return (
              <tr key={job.id} class={job.deleting ? 'row-deleting' : undefined}>
                <th scope="row" data-label="Job">
                  <code class="job-id">{job.id}</code>
                  {job.description && <span class="muted small block">{job.description}</span>}
                </th>
                <td data-label="State">
                  <span class="badges">
                    <JobStateBadge state={job.state} />
                    {job.deleting && <span class="badge badge-warn">deleting{percent !== undefined ? ` · ${formatPercent(percent)}` : ''}</span>}
                  </span>
                </td>
                <td data-label="Datafeed">
                  {job.datafeed ? (
                    <span>
                      <code class="nowrap">{job.datafeed.id}</code>
                      <span class="muted small block">{job.datafeed.state.toLowerCase()}</span>
                    </span>
                  ) : (
                    <span class="muted">none</span>
                  )}
                </td>
                <td data-label="Rows" class="numeric">
                  <span class="rows-total">{formatCount(job.counts.total)}</span>
                  <RowBreakdown counts={job.counts} />
                </td>
                <td class="actions">
                  <button
                    type="button"
                    class="button button-danger-outline button-small"
                    disabled={job.deleting}
                    aria-label={job.deleting ? `Job ${job.id} is being deleted` : `Delete job ${job.id}`}
                    onClick={() => onDelete(job)}
                  >
                    {job.deleting ? 'Deleting…' : 'Delete'}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function RowBreakdown({ counts: c }: { counts: Job['counts'] }) {
  const results = c.buckets + c.records + c.influencers + c.categories + c.forecasts;
  const model = c.modelSnapshots + c.modelStateDocs;
  return (
    <span class="muted small block breakdown">
      {formatCount(results)} results · {formatCount(model)} model · {formatCount(c.annotations)} annotations
    </span>
  );
}
