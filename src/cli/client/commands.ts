// The commands: each writes its answer to `out` and returns the exit code; refusals are thrown
// as ClientErrors (client.ts prints them and picks the exit code).
import { ClientError, type Api } from './api.ts';
import { EXIT } from './exit-codes.ts';
import { CliDeleteJobMutation, CliJobsQuery, CliTaskProgressSubscription } from './operations.ts';
import { ProgressTracker, formatCount, formatDuration, renderLine, type ProgressSnapshot } from './progress.ts';

export interface Output {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
}

export async function listJobs(api: Api, out: Output, json: boolean, ids: string | undefined): Promise<number> {
  const { jobs } = await api.request(CliJobsQuery, { ids: ids ?? null });
  if (json) {
    out.stdout.write(`${JSON.stringify(jobs)}\n`);
    return EXIT.OK;
  }
  if (jobs.length === 0) {
    out.stderr.write('No jobs.\n');
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

export async function deleteJob(
  api: Api,
  out: Output,
  json: boolean,
  opts: { jobId: string; force: boolean; wait: boolean; deleteUserAnnotations: boolean },
): Promise<number> {
  const { deleteJob: result } = await api.request(CliDeleteJobMutation, {
    jobId: opts.jobId,
    force: opts.force,
    waitForCompletion: opts.wait,
    deleteUserAnnotations: opts.deleteUserAnnotations,
  });
  if (result.__typename === 'Acknowledged') {
    out.stdout.write(json ? `${JSON.stringify({ acknowledged: result.acknowledged })}\n` : `Deleted job [${opts.jobId}].\n`);
    return EXIT.OK;
  }
  if (!opts.wait) {
    out.stdout.write(
      json
        ? `${JSON.stringify({ task: result.task })}\n`
        : `Deleting job [${opts.jobId}] in the background: task ${result.task}\nFollow it with: mljobs follow ${result.task}\n`,
    );
    return EXIT.OK;
  }
  // The service stopped holding the request (SYNC_DELETE_TIMEOUT_MS) and answered with the task.
  out.stderr.write(`The deletion is taking a while; following task ${result.task}.\n`);
  return followTask(api, out, json, result.task);
}

export async function followTask(api: Api, out: Output, json: boolean, taskId: string): Promise<number> {
  const tracker = new ProgressTracker();
  const redraw = !json && Boolean(out.stdout.isTTY);
  let last: ProgressSnapshot | undefined;
  try {
    for await (const { taskProgress } of api.subscribe(CliTaskProgressSubscription, { id: taskId })) {
      last = tracker.add(taskProgress);
      if (json) out.stdout.write(`${JSON.stringify(last)}\n`);
      else if (redraw) out.stdout.write(`\r${renderLine(last, out.stdout.columns, true)}\x1b[K`);
      else out.stdout.write(`${renderLine(last, undefined, false)}\n`);
    }
  } finally {
    if (redraw && last) out.stdout.write('\n');
  }
  if (!last) throw new ClientError(`task [${taskId}]: the service ended the stream without a state`, 'INTERNAL_SERVER_ERROR');
  if (last.state === 'FAILED') {
    const reason = last.error ? `${last.error.reason} (${last.error.type})` : 'no reason given';
    if (!json) out.stderr.write(`error: task ${taskId} failed: ${reason}\n`);
    return EXIT.OTHER;
  }
  if (!json) {
    out.stderr.write(`Job [${last.jobId}] deleted: ${formatCount(last.deleted)} rows in ${formatDuration(last.elapsedSeconds)}.\n`);
  }
  return EXIT.OK;
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
