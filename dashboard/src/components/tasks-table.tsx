// The deletion history, newest first and paged: job, outcome (and the reason of a failure),
// rows, start date, duration and task, each task linked to its page.
import { formatCount, formatDuration, formatWhen, nanosToSeconds } from '../format.ts';
import type { TrackedTask } from '../use-task-progress.ts';
import type { useTaskHistory } from '../use-task-history.ts';
import { TaskStateBadge } from './badges.tsx';
import { Pager } from './pager.tsx';

interface Props {
  history: ReturnType<typeof useTaskHistory>;
  /** Fresher states from the live stream, by task id. */
  tracked: Record<string, TrackedTask>;
}

export const taskHref = (taskId: string) => `#task/${encodeURIComponent(taskId)}`;

export function TasksTable({ history, tracked }: Props) {
  const { page } = history;
  if (!page) return <p class="empty">Loading tasks…</p>;
  if (page.totalCount === 0) return <p class="empty">No deletions yet.</p>;
  const shown = page.edges.map(({ node }) => tracked[node.id]?.task ?? node);

  return (
    <div class="table-wrap">
      <table class="table tasks-table">
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Outcome</th>
            <th scope="col" class="numeric">
              Rows deleted
            </th>
            <th scope="col">Started</th>
            <th scope="col" class="numeric">
              Took
            </th>
            <th scope="col">Task</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((task) => (
            <tr key={task.id}>
              <th scope="row" data-label="Job">
                <code class="job-id">{task.jobId}</code>
              </th>
              <td data-label="Outcome">
                <TaskStateBadge task={task} />
                {task.error && <span class="error-text block small">{task.error.reason}</span>}
              </td>
              <td data-label="Rows deleted" class="numeric">
                {formatCount(task.progress.deleted)} <span class="muted">/ {formatCount(task.progress.total)}</span>
              </td>
              <td data-label="Started">{formatWhen(task.startTime)}</td>
              <td data-label="Took" class="numeric">
                {task.completed ? formatDuration(nanosToSeconds(task.runningTimeNanos)) : '…'}
              </td>
              <td data-label="Task">
                <a href={taskHref(task.id)} aria-label={`Task ${task.id} of ${task.jobId}`}>
                  <code class="small">{task.id}</code>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        label="Pages of deletion tasks"
        offset={history.offset}
        shown={page.edges.length}
        total={page.totalCount}
        hasPrevious={history.offset > 0}
        hasNext={page.pageInfo.hasNextPage && history.offset + page.edges.length < page.totalCount}
        onPrevious={history.previous}
        onNext={history.next}
      />
    </div>
  );
}
