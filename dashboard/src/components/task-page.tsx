// One deletion task's page (`#task/<id>`): outcome, dates and duration, progress and phase, the
// job (linked while it exists, "deleted" once gone, with its rows left by kind) and the job's
// audit lines from the task's start on.
import { useEffect, useState } from 'preact/hooks';
import { formatCount, formatDuration, formatRows, formatWhen, nanosToSeconds } from '../format.ts';
import type { DashboardAuditQuery, DashboardTaskPageQuery } from '../generated/graphql.ts';
import { ApiError, request } from '../graphql-client.ts';
import { AuditQuery, TaskPageQuery } from '../operations.ts';
import { TaskStateBadge } from './badges.tsx';

interface Props {
  apiKey: string;
  taskId: string;
  /** Changes when the dashboard refreshes: the page reads the task again. */
  version: unknown;
  onShowJob(jobId: string): void;
}

type Loaded = { task: NonNullable<DashboardTaskPageQuery['task']>; audit: DashboardAuditQuery['notifications'] };

export function TaskPage({ apiKey, taskId, version, onShowJob }: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>();
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    let alive = true;
    (async () => {
      const { task } = await request(apiKey, TaskPageQuery, { id: taskId });
      if (!task) return alive && setLoaded(null);
      const { notifications } = await request(apiKey, AuditQuery, { jobId: task.jobId });
      if (alive) setLoaded({ task, audit: notifications.filter((n) => n.timestamp >= task.startTime) });
    })().catch((err: unknown) => alive && setError(err instanceof ApiError ? err : new ApiError(String(err))));
    return () => {
      alive = false;
    };
  }, [apiKey, taskId, version]);

  return (
    <section class="section" aria-labelledby="task-title">
      <div class="section-head">
        <h2 id="task-title" tabIndex={-1}>
          Task <code>{taskId}</code>
        </h2>
        <a href="#" class="small">
          Back to the dashboard
        </a>
      </div>
      {error && (
        <p class="alert alert-error" role="alert">
          {error.message} <span class="code">{error.code}</span>
        </p>
      )}
      {loaded === undefined && !error && <p class="empty">Loading the task…</p>}
      {loaded === null && <p class="empty">No task with this id (tasks are kept at least 24 hours after they end).</p>}
      {loaded && <TaskDetails {...loaded} onShowJob={onShowJob} />}
    </section>
  );
}

function TaskDetails({ task, audit, onShowJob }: Loaded & { onShowJob(jobId: string): void }) {
  const c = task.job?.counts;
  return (
    <div class="task-details">
      <dl class="stats">
        <div>
          <dt>Outcome</dt>
          <dd>
            <TaskStateBadge task={task} />
          </dd>
        </div>
        <div>
          <dt>Job</dt>
          <dd>
            {task.job ? (
              <a
                href="#"
                onClick={(e) => {
                  e.preventDefault();
                  onShowJob(task.jobId);
                }}
              >
                <code>{task.jobId}</code>
              </a>
            ) : (
              <span>
                <code>{task.jobId}</code> <span class="muted">deleted</span>
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{formatWhen(task.startTime)}</dd>
        </div>
        <div>
          <dt>{task.completed ? 'Took' : 'Running for'}</dt>
          <dd>{formatDuration(nanosToSeconds(task.runningTimeNanos))}</dd>
        </div>
        <div>
          <dt>Rows deleted</dt>
          <dd>
            {formatCount(task.progress.deleted)} <span class="muted">of {formatRows(task.progress.total)}</span>
          </dd>
        </div>
        <div>
          <dt>Attempts</dt>
          <dd>
            {task.attempts}
            {task.lastError && task.state !== 'FAILED' && <span class="muted small block">last passing error: {task.lastError}</span>}
          </dd>
        </div>
        <div>
          <dt>Step</dt>
          <dd>
            <code>{task.progress.phase}</code>
          </dd>
        </div>
      </dl>
      {task.error && (
        <p class="alert alert-error">
          {task.error.reason} <span class="code">{task.error.type}</span>
        </p>
      )}
      {c && (
        <p class="muted small task-rows">
          Left in the job: {formatRows(c.total)} ({formatCount(c.buckets)} buckets, {formatCount(c.records)} records, {formatCount(c.influencers)}{' '}
          influencers, {formatCount(c.categories)} categories, {formatCount(c.forecasts)} forecasts, {formatCount(c.modelSnapshots)} model snapshots,{' '}
          {formatCount(c.modelStateDocs)} model state documents, {formatCount(c.annotations)} annotations)
        </p>
      )}
      <h3 class="task-audit-title">Audit</h3>
      {audit.length === 0 ? (
        <p class="muted small task-rows">No audit line since the task started.</p>
      ) : (
        <ol class="audit">
          {audit.map((line, i) => (
            <li key={i}>
              <span class="muted small nowrap">{formatWhen(line.timestamp)}</span>{' '}
              <span class={`badge badge-${line.level === 'error' ? 'bad' : 'info'}`}>{line.level}</span> {line.message}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
