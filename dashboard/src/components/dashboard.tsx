// The signed-in page: live jobs, deletions in progress, recent deletion tasks, and the delete
// dialog. Owns the notices and where focus goes after the dialog closes.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { deletionStatus, freshest, type JobDeletion } from '../deletion-state.ts';
import { formatClock } from '../format.ts';
import { ApiError, request } from '../graphql-client.ts';
import { DeleteJobMutation } from '../operations.ts';
import { useNow } from '../use-now.ts';
import { useDashboardData, type Job } from '../use-dashboard-data.ts';
import { useHash } from '../use-hash.ts';
import { useJobsView } from '../use-jobs-view.ts';
import { useTaskHistory } from '../use-task-history.ts';
import { useSession } from '../use-session.ts';
import { useLive } from '../use-live.ts';
import { useTaskProgress, type TrackedTask } from '../use-task-progress.ts';
import { matchingJobs, type BulkJob, type BulkResult } from '../bulk-delete.ts';
import { BulkDeleteDialog, BulkOutcome } from './bulk-delete.tsx';
import { DatafeedDialog } from './datafeed-dialog.tsx';
import { DeleteDialog, type DeleteOutcome } from './delete-dialog.tsx';
import { DeletionProgress } from './deletion-progress.tsx';
import { DeletionSummary, type Problem } from './deletion-summary.tsx';
import { JobsSection } from './jobs-section.tsx';
import { DEFAULT_CONTROLS } from './jobs-toolbar.tsx';
import { TaskPage } from './task-page.tsx';
import { Logo } from './logo.tsx';
import { Notices, useNotices } from './notices.tsx';
import { TasksTable } from './tasks-table.tsx';

interface Props {
  apiKey: string;
  onSignOut(reason?: string): void;
}

export function Dashboard({ apiKey, onSignOut }: Props) {
  const notices = useNotices();
  const onUnauthenticated = useCallback(
    (error: ApiError) => onSignOut(`Signed out: the service refused the API key (${error.message}).`),
    [onSignOut],
  );
  const jobsView = useJobsView();
  const hash = useHash();
  const taskPage = /^#task\/(.+)$/.exec(hash)?.[1];
  const { data, updatedAt, error, refresh } = useDashboardData(apiKey, jobsView.view, onUnauthenticated);
  const session = useSession(apiKey, onUnauthenticated);
  const onEnded = useCallback(
    (t: TrackedTask) => {
      if (t.task?.state === 'FAILED') notices.push('error', `Deleting job [${t.jobId}] failed: ${t.task.error?.reason ?? 'unknown error'}`);
      void refresh();
    },
    [notices.push, refresh],
  );
  const onStreamError = useCallback(
    (error: ApiError) =>
      error.code === 'UNAUTHENTICATED' ? onUnauthenticated(error) : notices.push('error', `Live updates stopped: ${error.message}`, error.code),
    [onUnauthenticated, notices.push],
  );
  const live = useLive(apiKey, refresh, onStreamError);
  const progress = useTaskProgress(live.client, onEnded, onStreamError);
  const [deleting, setDeleting] = useState<Job>();
  const [unblocking, setUnblocking] = useState<Job>();
  const [selected, setSelected] = useState<ReadonlyMap<string, BulkJob>>(new Map());
  const [bulkJobs, setBulkJobs] = useState<BulkJob[]>([]);
  const [bulkResult, setBulkResult] = useState<BulkResult>();
  const select = (jobs: BulkJob[], on: boolean) =>
    setSelected((before) => {
      const after = new Map(before);
      for (const job of jobs)
        if (on) after.set(job.id, job);
        else after.delete(job.id);
      return after;
    });
  async function selectMatching() {
    try {
      select(await matchingJobs(apiKey, jobsView.view.filter ?? {}), true);
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError(String(err));
      notices.push('error', `Could not list the matching jobs: ${error.message}`, error.code);
    }
  }
  const opener = useRef<HTMLElement | null>(null);

  // Follow every deletion still going on, whoever started it, and catch up on what the stream missed.
  useEffect(() => {
    if (data) progress.sync(data.tasks, (jobId) => data.deleting.find((j) => j.id === jobId)?.counts.total);
  }, [data, progress.sync]);

  function openDialog(job: Job) {
    opener.current = document.activeElement as HTMLElement | null;
    setDeleting(job);
  }

  function closeDialog(outcome?: DeleteOutcome) {
    const job = deleting;
    setDeleting(undefined);
    if (!job) return;
    if (outcome?.kind === 'task') {
      progress.follow(outcome.taskId, job.id, job.counts.total);
      // The row's button is disabled now: go to the deletion's progress instead.
      requestAnimationFrame(() => document.getElementById(`deletion-${cssId(outcome.taskId)}`)?.focus());
    } else {
      if (outcome?.kind === 'acknowledged') notices.push('success', `Job [${job.id}] deleted.`);
      if (outcome?.kind === 'pending') {
        notices.push(
          'info',
          outcome.background
            ? `Starting the deletion of job [${job.id}] in the background; its progress shows here once the service answers.`
            : `Deleting job [${job.id}]; the service answers once everything is gone.`,
        );
        outcome.answer.then(
          (result) => {
            if (result.kind === 'acknowledged') notices.push('success', `Job [${job.id}] deleted.`);
            else progress.follow(result.taskId, job.id, job.counts.total);
            void refresh();
          },
          (err: ApiError) => notices.push('error', err.message, err.code),
        );
      }
      const back = opener.current;
      requestAnimationFrame(() =>
        (back?.isConnected && !(back as HTMLButtonElement).disabled ? back : document.getElementById('jobs-title'))?.focus(),
      );
    }
    if (outcome) void refresh();
  }

  async function resume(job: Job) {
    try {
      const { deleteJob: answer } = await request(apiKey, DeleteJobMutation, {
        jobId: job.id,
        force: false,
        waitForCompletion: false,
        deleteUserAnnotations: false,
      });
      if (answer.__typename === 'DeletionTask') progress.follow(answer.task, job.id);
      notices.push('info', `Resumed deleting job [${job.id}].`);
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError(String(err));
      notices.push('error', `Could not resume deleting job [${job.id}]: ${error.message}`, error.code);
    }
    void refresh();
  }

  const now = useNow(5000);
  const deletionOf = (job: Job): JobDeletion | undefined => {
    if (!job.deletionTask) return undefined;
    const task = freshest(job.deletionTask, progress.tracked);
    const status = deletionStatus(task, progress.tracked[task.id], now);
    return status && { status, task };
  };

  const problems: Problem[] = (data?.deleting ?? []).flatMap((job) => {
    const deletion = deletionOf(job);
    return deletion && (deletion.status === 'failed' || deletion.status === 'stuck') ? [{ jobId: job.id, deletion }] : [];
  });
  const running = Object.values(progress.tracked);
  const history = useTaskHistory(apiKey, updatedAt);
  function showJob(jobId: string) {
    jobsView.setControls({ ...DEFAULT_CONTROLS, search: jobId });
    location.hash = '';
    requestAnimationFrame(() => document.getElementById('jobs-title')?.focus());
  }

  return (
    <>
      <a class="skip-link" href="#jobs-title">
        Skip to jobs
      </a>
      <header class="topbar">
        <div class="topbar-inner">
          <div class="brand">
            <Logo />
            <span>ML jobs</span>
          </div>
          <p class="live" aria-live="off">
            <span class={`live-dot ${error || live.status === 'reconnecting' ? 'live-dot-error' : ''}`} aria-hidden="true" />
            {error ? (
              'Updates paused'
            ) : live.status === 'reconnecting' ? (
              'Reconnecting…'
            ) : live.status === 'live' && updatedAt ? (
              <span>
                Live<span class="wide-only"> · updated {formatClock(updatedAt)}</span>
              </span>
            ) : (
              'Connecting…'
            )}
          </p>
          {session.key && (
            <p class="signed-in">
              <code class="wide-only">{session.key.name}</code>
              {!session.canWrite && <span class="badge badge-neutral">read-only</span>}
            </p>
          )}
          <button type="button" class="button button-ghost" onClick={() => onSignOut()}>
            Sign out
          </button>
        </div>
      </header>

      <main class="page">
        <Notices notices={notices} />
        <DeletionSummary problems={problems} />
        {bulkResult && <BulkOutcome result={bulkResult} onDismiss={() => setBulkResult(undefined)} />}
        {error && (
          <p class="alert alert-error" role="alert">
            Could not refresh: {error.message} <span class="code">{error.code}</span>{' '}
            <button type="button" class="button button-secondary button-small alert-action" onClick={() => void refresh()}>
              Retry
            </button>
          </p>
        )}

        {taskPage ? (
          <TaskPage apiKey={apiKey} taskId={decodeURIComponent(taskPage)} version={updatedAt} onShowJob={showJob} />
        ) : (
          <>
            {running.length > 0 && (
              <section class="section" aria-labelledby="deletions-title">
                <div class="section-head">
                  <h2 id="deletions-title">Deletions</h2>
                  {running.some((t) => t.endedAt) && (
                    <button
                      type="button"
                      class="button button-ghost button-small"
                      onClick={() => running.forEach((t) => t.endedAt && progress.dismiss(t.id))}
                    >
                      Dismiss finished
                    </button>
                  )}
                </div>
                <div class="deletions">
                  {running.map((t) => (
                    <DeletionProgress
                      key={t.id}
                      tracked={t}
                      domId={`deletion-${cssId(t.id)}`}
                      compact={running.length > 3}
                      onDismiss={() => progress.dismiss(t.id)}
                    />
                  ))}
                </div>
              </section>
            )}

            <JobsSection
              data={data}
              jobsView={jobsView}
              deletionOf={deletionOf}
              canDelete={session.canWrite}
              selected={selected}
              onSelect={select}
              onSelectMatching={() => void selectMatching()}
              onClearSelection={() => setSelected(new Map())}
              onBulkDelete={() => setBulkJobs([...selected.values()])}
              onDelete={openDialog}
              onResume={resume}
              onRemoveDatafeed={setUnblocking}
            />

            <section class="section" aria-labelledby="tasks-title">
              <div class="section-head">
                <h2 id="tasks-title">Deletion history</h2>
              </div>
              <TasksTable history={history} tracked={progress.tracked} />
            </section>
          </>
        )}
      </main>

      <DeleteDialog apiKey={apiKey} job={deleting} onClose={closeDialog} />
      <BulkDeleteDialog
        apiKey={apiKey}
        jobs={bulkJobs}
        onStarted={(job, taskId) => progress.follow(taskId, job.id, job.counts.total)}
        onDone={(result) => {
          setBulkJobs([]);
          if (!result) return;
          setBulkResult(result);
          setSelected(new Map());
          void refresh();
        }}
      />
      <DatafeedDialog
        apiKey={apiKey}
        job={unblocking}
        onClose={(done) => {
          if (done && unblocking?.datafeed)
            notices.push('success', `Datafeed [${unblocking.datafeed.id}] deleted: job [${unblocking.id}] can be deleted now.`);
          setUnblocking(undefined);
          if (done) void refresh();
        }}
      />
    </>
  );
}

/** Task ids contain `:`; keep element ids simple. */
const cssId = (taskId: string) => taskId.replace(/[^A-Za-z0-9_-]/g, '-');
