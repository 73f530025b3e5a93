// Recent deletion tasks, newest first, with their outcome (and the reason of a failure).
import { formatCount, formatDuration, formatWhen, nanosToSeconds } from '../format.ts';
import type { Task } from '../use-dashboard-data.ts';
import type { TrackedTask } from '../use-task-progress.ts';
import { TaskStateBadge } from './badges.tsx';

const SHOWN = 10;

interface Props {
  tasks?: Task[];
  /** Fresher states from the live streams, by task id. */
  tracked: Record<string, TrackedTask>;
}

export function TasksTable({ tasks, tracked }: Props) {
  if (!tasks) return <p class="empty">Loading tasks…</p>;
  if (tasks.length === 0) return <p class="empty">No deletions yet.</p>;
  const shown = tasks.slice(0, SHOWN).map((t) => tracked[t.id]?.task ?? t);

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
                <code class="muted small">{task.id}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {tasks.length > SHOWN && (
        <p class="muted small table-note">
          Showing the {SHOWN} most recent of {formatCount(tasks.length)} tasks.
        </p>
      )}
    </div>
  );
}
