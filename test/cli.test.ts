// The command-line client (src/cli/client.ts, `npm run cli`, bin `mljobs`) run as a child
// process against a real server: jobs, delete --no-wait then follow with a progress bar moving
// to 100 % (plain and --json), refusals with their messages and exit codes.
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedJob } from '../src/seed/seed.ts';
import type { Api } from '../src/cli/client/api.ts';
import { followTask } from '../src/cli/client/commands.ts';
import type { CliTaskFragment } from '../src/cli/client/generated/graphql.ts';
import type { ProgressSnapshot } from '../src/cli/client/progress.ts';
import { jobWithData } from './support/jobs.ts';
import { ok, startServer, uniqueId, type TestServer } from './support/server.ts';
import { PutDatafeedMutation } from './operations/documents.ts';

let server: TestServer;

beforeAll(async () => {
  // Deletions pause between batches so that a 1,000,000-row deletion lasts long enough to follow.
  server = await startServer({ deleteBatchPauseMs: 200 });
});
afterAll(async () => {
  await server?.stop();
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run cli -- <args>`, as a child process, with the server's URL and (unless given) its admin key. */
function cli(args: string[], env: Record<string, string> = { ML_API_KEY: server.adminKey }): Promise<Run> {
  const child = spawn(process.execPath, ['--no-warnings', '--import', 'tsx', 'src/cli/client.ts', ...args, '--url', server.graphqlUrl], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('mljobs', () => {
  it('jobs lists jobs as a table, and as JSON with --json', async () => {
    const jobId = uniqueId('cli-jobs');
    await jobWithData(server, jobId);
    const json = await cli(['jobs', '--json']);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const jobs = JSON.parse(json.stdout) as { id: string; state: string; deleting: boolean; datafeed: unknown; counts: { total: number } }[];
    expect(jobs.find((j) => j.id === jobId)).toMatchObject({ state: 'CLOSED', deleting: false, datafeed: null, counts: { total: 12 } });

    const text = await cli(['jobs', jobId]);
    expect(text.code).toBe(0);
    expect(lines(text.stdout)[0]).toMatch(/^JOB\s+STATE\s+DELETING\s+DATAFEED\s+ROWS$/);
    expect(lines(text.stdout)[1]).toMatch(new RegExp(`^${jobId}\\s+closed\\s+no\\s+-\\s+12$`));
  });

  it('delete --no-wait returns the task; follow shows the bar rising to 100 % (plain and --json)', async () => {
    const jobId = uniqueId('cli-big');
    await seedJob(server.app.db, jobId, 1_000_000);
    const started = await cli(['delete', jobId, '--no-wait', '--json']);
    expect(started).toMatchObject({ code: 0, stderr: '' });
    const { task } = JSON.parse(started.stdout) as { task: string };
    expect(task).toMatch(/^[^:]+:\d+$/);

    const [json, plain] = await Promise.all([cli(['follow', task, '--json']), cli(['follow', task])]);

    expect(json).toMatchObject({ code: 0, stderr: '' });
    const events = lines(json.stdout).map((l) => JSON.parse(l) as ProgressSnapshot);
    const percents = events.map((e) => e.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(new Set(percents.filter((p) => p > 0 && p < 100)).size).toBeGreaterThanOrEqual(3);
    expect(events.at(-1)).toMatchObject({ id: task, jobId, state: 'COMPLETED', percent: 100, deleted: 1_000_000, total: 1_000_000, etaSeconds: 0 });
    expect(events.some((e) => e.state === 'RUNNING' && e.rowsPerSecond! > 0 && e.etaSeconds !== null)).toBe(true);

    // Not a terminal: one line per state, ending at 100 %.
    expect(plain.code).toBe(0);
    const bars = lines(plain.stdout).map((l) => /^\[[#-]+\]\s+(\d+\.\d)%\s+([\d,]+)\/1,000,000 rows/.exec(l));
    expect(bars.every(Boolean)).toBe(true);
    const shown = bars.map((m) => Number(m![1]));
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(shown.filter((p) => p > 0 && p < 100).length).toBeGreaterThanOrEqual(3);
    expect(shown.at(-1)).toBe(100);
    expect(lines(plain.stdout).at(-1)).toContain('done in');
    expect(plain.stderr).toContain(`Job [${jobId}] deleted: 1,000,000 rows`);

    const after = JSON.parse((await cli(['jobs', '--json'])).stdout) as { id: string }[];
    expect(after.map((j) => j.id)).not.toContain(jobId);
  });

  it('exits with the code of each refusal and prints its message', async () => {
    const unknown = uniqueId('cli-none');
    const missing = await cli(['delete', unknown]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toBe(`error: No known job with id '${unknown}' [NOT_FOUND]\n`);

    const jobId = uniqueId('cli-df');
    const datafeedId = `datafeed-${jobId}`;
    await jobWithData(server, jobId);
    await ok(server, PutDatafeedMutation, { input: { datafeedId, jobId, indices: ['logs-*'] } });
    const conflict = await cli(['delete', jobId, '--force', '--json']);
    expect(conflict.code).toBe(5);
    expect(JSON.parse(conflict.stderr)).toEqual({
      error: {
        message: `Cannot delete job [${jobId}] because datafeed [${datafeedId}] refers to it`,
        code: 'CONFLICT',
        type: 'status_exception',
        status: 409,
      },
    });

    expect((await cli(['delete', 'Not*Valid'])).code).toBe(2);
    expect((await cli(['follow', 'no-colon'])).code).toBe(2);
    expect(await cli(['jobs'], { ML_API_KEY: 'not-a-real-key' })).toMatchObject({
      code: 3,
      stderr: 'error: missing authentication credentials for request [UNAUTHENTICATED]\n',
    });
    expect((await cli(['follow', 'x:1'], { ML_API_KEY: 'not-a-real-key' })).code).toBe(3);
    expect((await cli(['follow', 'nowhere:1'])).stderr).toContain(`task [nowhere:1] isn't running and hasn't stored its results`);
    expect((await cli(['jobs'], {})).code).toBe(2); // no key at all
    expect((await cli(['frobnicate'])).code).toBe(2);
  });

  it('redraws one line with \\r on a terminal', async () => {
    const states: CliTaskFragment[] = [10, 55, 100].map((percent) => ({
      id: 'n:1',
      jobId: 'j',
      description: 'delete-job-j',
      state: percent === 100 ? 'COMPLETED' : 'RUNNING',
      completed: percent === 100,
      startTime: '2026-01-01T00:00:00.000Z',
      runningTimeNanos: String(percent * 10_000_000),
      progress: { phase: 'RESULTS', deleted: percent * 100, total: 10_000, percent },
      error: null,
    }));
    const api = {
      subscribe: async function* () {
        for (const taskProgress of states) yield { taskProgress };
      },
    } as unknown as Api;
    let stdout = '';
    let stderr = '';
    const out = {
      stdout: Object.assign(new PassThrough(), { isTTY: true, columns: 100 }).on('data', (d) => (stdout += d)),
      stderr: new PassThrough().on('data', (d) => (stderr += d)),
    };
    expect(await followTask(api, out, false, 'n:1')).toBe(0);
    expect(stdout.split('\r')).toHaveLength(4); // one redraw per state
    expect(stdout.match(/\n/g)).toHaveLength(1); // and a single newline at the end
    expect(stdout).toContain('█');
    // eslint-disable-next-line no-control-regex -- the bar redraws with ANSI erase-line
    expect(stdout).toMatch(/55\.0%\s+5,500\/10,000 rows\s+[\d,]+ rows\/s\s+ETA [\d.]+s\s+RESULTS\x1b\[K/);
    expect(stderr).toBe('Job [j] deleted: 10,000 rows in 1.0s.\n');
  });
});
