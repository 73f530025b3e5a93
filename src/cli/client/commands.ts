// The commands: each writes its answer to stdout (progress, hints and notes to stderr) and
// returns the exit code; refusals are thrown as ClientErrors (client.ts prints them and picks
// the exit code).
import { ClientError, type Api } from './api.ts';
import { EXIT } from './exit-codes.ts';
import { CliDeleteJobMutation, CliJobsQuery, CliTaskProgressSubscription, CliTasksQuery } from './operations.ts';
import { ProgressTracker, formatCount, formatDuration, renderLine, type ProgressSnapshot } from './progress.ts';
import type { Hint } from './self.ts';

type Stream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

export interface Output {
  stdout: Stream;
  stderr: Stream;
}

/** What every command gets: the service, where to write, and how to print a command line. */
export interface Run {
  api: Api;
  out: Output;
  json: boolean;
  hint: Hint;
}

export async function listJobs({ api, out, json }: Run, ids: string | undefined): Promise<number> {
  const { jobs } = await api.request(CliJobsQuery, { ids: ids ?? null });
  if (json) {
    out.stdout.write(`${JSON.stringify(jobs)}\n`);
    return EXIT.OK;
  }
  if (jobs.length === 0) {
    out.stdout.write('No jobs.\n');
    return EXIT.OK;
  }
  const rows = jobs.map((j) => [
    j.id,
    j.state.toLowerCase(),
    j.deleting ? 'yes' : 'no',
    j.datafeed ? `${j.datafeed.id} (${j.datafeed.state.toLowerCase()})` : '-',
    formatCount(j.counts.total),
  ]);
  out.stdout.write(table(['JOB', 'STATE', 'DELETING', 'DATAFEED', 'ROWS'], rows, [false, false, false, false, true]));
  return EXIT.OK;
}

/**
 * A waiting delete is accepted in the background (waitForCompletion: false) and then followed,
 * so that a terminal shows its progress as it goes instead of a silent wait; the answer and
 * the exit code are those of the deletion's outcome, as with waitForCompletion: true.
 */
export async function deleteJob(run: Run, opts: { jobId: string; force: boolean; wait: boolean; deleteUserAnnotations: boolean }): Promise<number> {
  const { api, out, json, hint } = run;
  const { deleteJob: result } = await api.request(CliDeleteJobMutation, {
    jobId: opts.jobId,
    force: opts.force,
    waitForCompletion: false,
    deleteUserAnnotations: opts.deleteUserAnnotations,
  });
  if (result.__typename === 'Acknowledged') {
    out.stdout.write(json ? `${JSON.stringify({ acknowledged: result.acknowledged })}\n` : `Deleted job [${opts.jobId}].\n`);
    return EXIT.OK;
  }
  if (!opts.wait) {
    out.stdout.write(json ? `${JSON.stringify({ task: result.task })}\n` : `${result.task}\n`);
    if (!json) out.stderr.write(`Deleting job [${opts.jobId}] in the background. Follow it with:\n  ${hint('follow', result.task)}\n`);
    return EXIT.OK;
  }
  const bar = !json && Boolean(out.stderr.isTTY);
  if (!bar && !json) out.stderr.write(`Deleting job [${opts.jobId}]: task ${result.task}\n`);
  // Ctrl-C stops watching, not the deletion: say how to pick it up again.
  const interrupted = () => {
    out.stderr.write(`${bar ? '\n' : ''}Stopped watching; the deletion goes on. Follow it with:\n  ${hint('follow', result.task)}\n`);
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  try {
    const last = await watch(api, result.task, (state) => bar && out.stderr.write(`\r${renderLine(state, out.stderr.columns, true)}\x1b[K`));
    if (bar) out.stderr.write('\n');
    if (last.state === 'FAILED') return failed(run, last);
    out.stdout.write(
      json
        ? `${JSON.stringify({ acknowledged: true, task: last.id, deleted: last.deleted })}\n`
        : `Deleted job [${opts.jobId}]: ${formatCount(last.deleted)} rows in ${formatDuration(last.elapsedSeconds)}.\n`,
    );
    return EXIT.OK;
  } finally {
    process.off('SIGINT', interrupted);
  }
}

/** A task's progress on stdout (a redrawn bar on a terminal, a line per state otherwise, JSON lines with --json), then its summary. */
export async function followTask(run: Run, taskId: string): Promise<number> {
  const { api, out, json } = run;
  const redraw = !json && Boolean(out.stdout.isTTY);
  let drawn = false;
  const last = await watch(api, taskId, (state) => {
    if (json) out.stdout.write(`${JSON.stringify(state)}\n`);
    else if (redraw) out.stdout.write(`\r${renderLine(state, out.stdout.columns, true)}\x1b[K`);
    else out.stdout.write(`${renderLine(state, undefined, false)}\n`);
    drawn = true;
  }).finally(() => redraw && drawn && out.stdout.write('\n'));
  if (last.state === 'FAILED') return failed(run, last);
  if (!json) out.stdout.write(`Job [${last.jobId}] deleted: ${formatCount(last.deleted)} rows in ${formatDuration(last.elapsedSeconds)}.\n`);
  return EXIT.OK;
}

/** Recent deletion tasks, failed ones first (with the command that resumes each), then running, then ended. */
export async function listTasks({ api, out, json, hint }: Run, limit: number): Promise<number> {
  const { tasks, jobs } = await api.request(CliTasksQuery, { limit });
  const jobsById = new Map(jobs.map((j) => [j.id, j]));
  const rank = { FAILED: 0, RUNNING: 1, QUEUED: 1, COMPLETED: 2 } as const;
  const sorted = [...tasks].sort((a, b) => rank[a.state] - rank[b.state]);
  const next = (t: (typeof tasks)[number]): string | null => {
    const job = jobsById.get(t.jobId);
    // A failed deletion is resumed by deleting again, while the job is still there; D4 applies.
    if (t.state === 'FAILED') return job?.deleting ? hint('delete', t.jobId, job.state === 'CLOSED' ? '' : ' --force') : null;
    return t.completed ? null : hint('follow', t.id);
  };
  if (json) {
    out.stdout.write(`${JSON.stringify(sorted.map((t) => ({ ...t, next: next(t) })))}\n`);
    return EXIT.OK;
  }
  if (sorted.length === 0) {
    out.stdout.write('No deletion tasks.\n');
    return EXIT.OK;
  }
  const rows = sorted.map((t) => [
    t.id,
    t.jobId,
    t.state.toLowerCase(),
    `${t.progress.percent.toFixed(1)}%`,
    `${formatCount(t.progress.deleted)}/${formatCount(t.progress.total)}`,
    t.startTime.replace(/\.\d+Z$/, 'Z'),
    t.error ? `${t.error.reason} (${t.error.type})` : '',
  ]);
  out.stdout.write(table(['TASK', 'JOB', 'STATE', 'DONE', 'ROWS', 'STARTED', 'ERROR'], rows, [false, false, false, true, true, false, false]));
  const hints = sorted.flatMap((t) => {
    const command = next(t);
    if (!command) return [];
    return [`${t.state === 'FAILED' ? `Resume the deletion of [${t.jobId}]` : `Follow ${t.id}`}: ${command}`];
  });
  if (hints.length) out.stderr.write(`\n${hints.join('\n')}\n`);
  return EXIT.OK;
}

/** Every state of a task until it ends; the last one. */
async function watch(api: Api, taskId: string, onState: (state: ProgressSnapshot) => void): Promise<ProgressSnapshot> {
  const tracker = new ProgressTracker();
  let last: ProgressSnapshot | undefined;
  for await (const { taskProgress } of api.subscribe(CliTaskProgressSubscription, { id: taskId })) {
    last = tracker.add(taskProgress);
    onState(last);
  }
  if (!last) throw new ClientError(`task [${taskId}]: the service ended the stream without a state`, 'INTERNAL_SERVER_ERROR');
  return last;
}

function failed({ out, json, hint }: Run, task: ProgressSnapshot): number {
  const reason = task.error ? `${task.error.reason} (${task.error.type})` : 'no reason given';
  if (json) out.stderr.write(`${JSON.stringify({ error: { message: `task ${task.id} failed: ${reason}`, code: 'TASK_FAILED', task: task.id } })}\n`);
  else out.stderr.write(`error: task ${task.id} failed: ${reason}\nThe job is left deleting; resume with:\n  ${hint('delete', task.jobId)}\n`);
  return EXIT.OTHER;
}

function table(head: string[], rows: string[][], right: boolean[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return `${[line(head), ...rows.map(line)].join('\n')}\n`;
}
