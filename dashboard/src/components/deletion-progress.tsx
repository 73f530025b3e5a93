// One deletion's live progress, from the taskEvents stream: bar, percent, rows, phase,
// elapsed time and an estimate of the time left from the recent pace. Screen readers hear the
// quarter marks and the outcome, not every update.
import { formatCount, formatDuration, formatRows, formatPercent, nanosToSeconds, recentRate, secondsLeft } from '../format.ts';
import { useNow } from '../use-now.ts';
import type { TrackedTask } from '../use-task-progress.ts';
import { TaskStateBadge } from './badges.tsx';

interface Props {
  tracked: TrackedTask;
  domId: string;
  /** One line of numbers instead of the full set: many deletions at once (a bulk delete). */
  compact?: boolean;
  onDismiss(): void;
}

export function DeletionProgress({ tracked, domId, compact, onDismiss }: Props) {
  const { task, jobId } = tracked;
  const finished = Boolean(task?.completed || tracked.endedAt);
  const now = useNow(finished ? undefined : 1000);

  const percent = task?.progress.percent ?? 0;
  const deleted = task?.progress.deleted ?? 0;
  // A task counts its rows as it starts (total 0 until then): the job's own count fills the gap.
  const counted = task && (task.progress.total > 0 || task.completed);
  const total = counted ? task.progress.total : (tracked.expectedTotal ?? 0);
  const elapsed = task ? nanosToSeconds(task.runningTimeNanos) + (finished ? 0 : Math.max(0, now - (tracked.receivedAt ?? now)) / 1000) : 0;
  const rate = recentRate(tracked.samples) ?? (elapsed > 0 ? deleted / elapsed : undefined);
  const left = task?.state === 'RUNNING' ? secondsLeft(deleted, total, rate) : undefined;
  const failed = task?.state === 'FAILED';
  const titleId = `${domId}-title`;

  return (
    <article
      id={domId}
      tabIndex={-1}
      class={`deletion ${compact ? 'deletion-compact' : ''} ${failed ? 'deletion-failed' : task?.state === 'COMPLETED' ? 'deletion-done' : ''}`}
      aria-labelledby={titleId}
    >
      <div class="deletion-head">
        <h3 id={titleId} class="deletion-title">
          <span class="muted">{failed ? 'Failed to delete' : task?.state === 'COMPLETED' ? 'Deleted' : 'Deleting'}</span> <code>{jobId}</code>
        </h3>
        {task ? <TaskStateBadge task={task} /> : <span class="badge badge-info">starting</span>}
      </div>
      <div
        class="bar"
        role="progressbar"
        aria-label={`Deletion progress of ${jobId}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${formatPercent(percent)}${left !== undefined ? `, about ${formatDuration(left)} left` : ''}`}
      >
        <div class="bar-fill" style={{ width: `${percent}%` }} />
      </div>
      {compact ? (
        <p class="compact-line small">
          {formatCount(deleted)} <span class="muted">of {formatRows(total)}</span> · <code>{task?.progress.phase ?? 'STARTING'}</code>
        </p>
      ) : (
        <dl class="stats">
          <div>
            <dt>Done</dt>
            <dd class="stat-percent">{formatPercent(percent)}</dd>
          </div>
          <div>
            <dt>Rows</dt>
            <dd>
              {formatCount(deleted)} <span class="muted">of {formatCount(total)}</span>
            </dd>
          </div>
          <div>
            <dt>Phase</dt>
            <dd>
              <code>{task?.progress.phase ?? 'STARTING'}</code>
            </dd>
          </div>
          <div>
            <dt>Elapsed</dt>
            <dd>{formatDuration(elapsed)}</dd>
          </div>
          <div>
            <dt>{finished ? 'Rate' : 'Time left'}</dt>
            <dd>
              {finished
                ? elapsed > 0 && deleted > 0
                  ? `${formatCount(Math.round(deleted / elapsed))} rows/s`
                  : '—'
                : left !== undefined
                  ? `about ${formatDuration(left)}`
                  : 'estimating…'}
            </dd>
          </div>
        </dl>
      )}
      {!finished && task && task.attempts > 1 && task.lastError && (
        <p class="alert alert-warning" data-testid="deletion-retrying">
          Retrying after a passing error (attempt {task.attempts}): {task.lastError}
        </p>
      )}
      {failed && task?.error && (
        <p class="alert alert-error">
          {task.error.reason} <span class="code">{task.error.type}</span>
        </p>
      )}
      <p class="sr-only" aria-live="polite">
        {announcement(tracked)}
      </p>
      <div class="deletion-foot">
        <span class="muted small">
          Task <code>{tracked.id}</code>
        </span>
        {finished && (
          <button type="button" class="button button-ghost button-small" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </div>
    </article>
  );
}

/** Changes only at 25 % steps and at the end, so it is announced a handful of times. */
function announcement({ task, jobId }: TrackedTask): string {
  if (!task) return '';
  if (task.state === 'COMPLETED') return `Job ${jobId} deleted: ${formatRows(task.progress.total)}.`;
  if (task.state === 'FAILED') return `Deleting job ${jobId} failed: ${task.error?.reason ?? ''}`;
  const quarter = Math.floor(task.progress.percent / 25) * 25;
  return `Deleting job ${jobId}: ${quarter} percent done.`;
}
