// The command-line client as users run it: the compiled build (bin/mljobs.js → dist/, rebuilt
// first when older than its sources), as a child process against a real server. jobs, delete
// (waiting, with a progress bar in a pseudo-terminal; --no-wait), follow (plain, --json and in a
// terminal), tasks with the command that resumes a failed deletion, hints that run as printed
// (through npm too), refusals with their messages and exit codes.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedJob } from '../src/seed/seed.ts';
import type { Api } from '../src/cli/client/api.ts';
import { followTask } from '../src/cli/client/commands.ts';
import { hintFor } from '../src/cli/client/self.ts';
import { resolveNodeId } from '../src/node-id.ts';
import type { CliTaskFragment } from '../src/cli/client/generated/graphql.ts';
import type { ProgressSnapshot } from '../src/cli/client/progress.ts';
import { blockDedicatedDeletion, jobWithData } from './support/jobs.ts';
import { pseudoTerminal, unmet } from './support/requirements.ts';
import { ok, startServer, uniqueId, type TestServer } from './support/server.ts';
import { PutDatafeedMutation } from './operations/documents.ts';

let server: TestServer;
const scratch = mkdtempSync(join(tmpdir(), 'mljobs-cli-'));

beforeAll(async () => {
  await buildIfStale();
  // Deletions pause between batches so that a 1,000,000-row deletion lasts long enough to follow.
  server = await startServer({ deleteBatchPauseMs: 200 });
});
afterAll(async () => {
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function collect(command: string, args: string[], env: Record<string, string | undefined>): Promise<Run> {
  const child = spawn(command, args, { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

const key = () => ({ ML_API_KEY: server.adminKey });

/** `node bin/mljobs.js <args> --url <server>`, with the server's admin key unless `env` says otherwise. */
const cli = (args: string[], env: Record<string, string> = key()) =>
  collect(process.execPath, ['bin/mljobs.js', ...args, '--url', server.graphqlUrl], env);

/** A shell command line, as a user would paste it (the hints the client prints). */
const shell = (line: string, env: Record<string, string> = key()) => collect('sh', ['-c', line], env);

/** A shell command line in a pseudo-terminal (util-linux `script`): everything the terminal showed. */
const inTerminal = (line: string, env: Record<string, string> = key()) =>
  collect('script', ['-qec', line, '/dev/null'], { ...env, TERM: 'xterm', COLUMNS: '100' });

const lines = (text: string) => text.split('\n').filter(Boolean);
const hintIn = (stderr: string, after: RegExp) => lines(stderr.slice(stderr.search(after)))[1].trim();

describe('mljobs', () => {
  it('--version and help answer without a key or a server', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await collect(process.execPath, ['bin/mljobs.js', '--version'], {})).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    const help = await collect(process.execPath, ['bin/mljobs.js', 'help'], {});
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('mljobs tasks [--limit <n>]');
    expect(help.stdout).toContain('ML_URL');
  });

  it('jobs lists jobs as a table, and as JSON with --json; the URL can come from ML_URL', async () => {
    const jobId = uniqueId('cli-jobs');
    await jobWithData(server, jobId);
    const json = await collect(process.execPath, ['bin/mljobs.js', 'jobs', '--json'], { ...key(), ML_URL: server.graphqlUrl });
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const jobs = JSON.parse(json.stdout) as { id: string; state: string; deleting: boolean; datafeed: unknown; counts: { total: number } }[];
    expect(jobs.find((j) => j.id === jobId)).toMatchObject({ state: 'CLOSED', deleting: false, datafeed: null, counts: { total: 12 } });

    const text = await cli(['jobs', jobId]);
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(lines(text.stdout)[0]).toMatch(/^JOB\s+STATE\s+DELETING\s+DATAFEED\s+ROWS$/);
    expect(lines(text.stdout)[1]).toMatch(new RegExp(`^${jobId}\\s+closed\\s+no\\s+-\\s+12$`));
    expect(await cli(['jobs', 'cli-none-such-*'])).toEqual({ code: 0, stdout: 'No jobs.\n', stderr: '' });
  });

  it('delete --no-wait prints the task, and a hint that runs as printed; follow shows the bar rising to 100 % (plain and --json)', async () => {
    const jobId = uniqueId('cli-big');
    await seedJob(server.app.db, jobId, 1_000_000);
    const started = await cli(['delete', jobId, '--no-wait']);
    expect(started.code).toBe(0);
    const task = started.stdout.trim();
    expect(task).toMatch(/^[^:]+:\d+$/);
    const hint = hintIn(started.stderr, /Follow it with:/);
    expect(hint).toBe(`node bin/mljobs.js follow ${task} --url ${server.graphqlUrl}`);

    const [json, plain] = await Promise.all([cli(['follow', task, '--json']), shell(hint)]);

    expect(json).toMatchObject({ code: 0, stderr: '' });
    const events = lines(json.stdout).map((l) => JSON.parse(l) as ProgressSnapshot);
    const percents = events.map((e) => e.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(new Set(percents.filter((p) => p > 0 && p < 100)).size).toBeGreaterThanOrEqual(3);
    expect(events.at(-1)).toMatchObject({ id: task, jobId, state: 'COMPLETED', percent: 100, deleted: 1_000_000, total: 1_000_000, etaSeconds: 0 });
    expect(events.some((e) => e.state === 'RUNNING' && e.rowsPerSecond! > 0 && e.etaSeconds !== null)).toBe(true);

    // Not a terminal: one line per state, ending at 100 %, then the summary, all on stdout.
    expect(plain).toMatchObject({ code: 0, stderr: '' });
    const out = lines(plain.stdout);
    expect(out.at(-1)).toMatch(new RegExp(`^Job \\[${jobId}\\] deleted: 1,000,000 rows in [\\d.]+s\\.$`));
    const bars = out.slice(0, -1).map((l) => /^\[[#-]+\]\s+(\d+\.\d)%\s+([\d,]+)\/1,000,000 rows/.exec(l));
    expect(bars.every(Boolean)).toBe(true);
    const shown = bars.map((m) => Number(m![1]));
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(shown.filter((p) => p > 0 && p < 100).length).toBeGreaterThanOrEqual(3);
    expect(shown.at(-1)).toBe(100);
    expect(out.at(-2)).toContain('done in');

    const after = JSON.parse((await cli(['jobs', '--json'])).stdout) as { id: string }[];
    expect(after.map((j) => j.id)).not.toContain(jobId);
  });

  const noTerminal = unmet('the pseudo-terminal tests of mljobs', pseudoTerminal());

  it.skipIf(noTerminal)(
    'in a terminal, a waiting delete redraws a progress bar (stderr) while it runs, then prints the result (stdout)',
    async () => {
      const jobId = uniqueId('cli-tty');
      await seedJob(server.app.db, jobId, 200_000);
      const result = join(scratch, `${jobId}.out`);
      const shown = await inTerminal(`node bin/mljobs.js delete ${jobId} --url ${server.graphqlUrl} > ${result}`);
      expect(shown.code).toBe(0);
      expect(readFileSync(result, 'utf8')).toMatch(new RegExp(`^Deleted job \\[${jobId}\\]: 200,000 rows in [\\d.]+s\\.\\n$`));
      // Each state redraws the line from its start; the terminal ends it with \r\n.
      const redraws = shown.stdout.split('\r').filter((r) => r !== '' && r !== '\n');
      expect(redraws.length).toBeGreaterThanOrEqual(3);
      const percents = redraws.map((r) => Number(/^\[[█░]+\]\s+(\d+\.\d)%\s+[\d,]+\/200,000 rows/.exec(r)?.[1]));
      expect(percents.every((p) => !Number.isNaN(p))).toBe(true);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      expect(percents.filter((p) => p > 0 && p < 100).length).toBeGreaterThanOrEqual(2);
      expect(percents.at(-1)).toBe(100);
    },
  );

  it.skipIf(noTerminal)('in a terminal, follow redraws one line, then prints its summary', async () => {
    const jobId = uniqueId('cli-tty-follow');
    await seedJob(server.app.db, jobId, 200_000);
    const task = (await cli(['delete', jobId, '--no-wait'])).stdout.trim();
    const shown = await inTerminal(`node bin/mljobs.js follow ${task} --url ${server.graphqlUrl}`);
    expect(shown.code).toBe(0);
    expect(shown.stdout.split('\r\n').filter(Boolean)).toHaveLength(2); // the bar's line, then the summary
    expect(shown.stdout).toContain('█');
    // eslint-disable-next-line no-control-regex -- the bar redraws with ANSI erase-line
    expect(shown.stdout).toMatch(/100\.0%\s+200,000\/200,000 rows\s+.*done in [\d.]+s\s+\w+\x1b\[K/);
    expect(shown.stdout).toContain(`Job [${jobId}] deleted: 200,000 rows`);
  });

  it('a waiting delete with --json prints only its answer', async () => {
    const jobId = uniqueId('cli-wait-json');
    await jobWithData(server, jobId);
    const done = await cli(['delete', jobId, '--json']);
    expect(done).toMatchObject({ code: 0, stderr: '' });
    // 11 of the 12 rows: the user annotation stays.
    expect(JSON.parse(done.stdout)).toEqual({ acknowledged: true, task: expect.stringMatching(/^[^:]+:\d+$/), deleted: 11 });
  });

  it('a failed deletion: delete exits 1 with the reason; tasks lists it first with the command that resumes it, which runs as printed', async () => {
    const jobId = uniqueId('cli-fail');
    await jobWithData(server, jobId, 'closed', 'DEDICATED');
    const unblock = await blockDedicatedDeletion(server, jobId);
    let resume: string;
    try {
      const failed = await cli(['delete', jobId]);
      expect(failed.code).toBe(1);
      expect(failed.stdout).toBe('');
      expect(failed.stderr).toMatch(
        /^Deleting job \[cli-fail[^\]]*\]: task \S+\nerror: task \S+ failed: 2BP01: cannot drop table job_parts\.records_\w+ because other objects depend on it/,
      );
      resume = hintIn(failed.stderr, /resume with:/);
      expect(resume).toBe(`node bin/mljobs.js delete ${jobId} --url ${server.graphqlUrl}`);

      const other = uniqueId('cli-done');
      await jobWithData(server, other);
      expect((await cli(['delete', other])).code).toBe(0);
      const listed = await cli(['tasks']);
      expect(listed.code).toBe(0);
      const rows = lines(listed.stdout);
      expect(rows[0]).toMatch(/^TASK\s+JOB\s+STATE\s+DONE\s+ROWS\s+STARTED\s+ERROR$/);
      expect(rows[1]).toMatch(new RegExp(`^\\S+\\s+${jobId}\\s+failed\\s+[\\d.]+%\\s+[\\d,]+/11\\s+\\S+Z\\s+2BP01: cannot drop table`));
      expect(rows.slice(2).some((r) => new RegExp(`^\\S+\\s+${other}\\s+completed\\s+100\\.0%\\s+11/11`).test(r))).toBe(true);
      expect(listed.stderr).toContain(`Resume the deletion of [${jobId}]: ${resume}`);
      const json = JSON.parse((await cli(['tasks', '--json', '--limit', '5'])).stdout) as { jobId: string; state: string; next: string | null }[];
      expect(json.length).toBeLessThanOrEqual(5);
      expect(json[0]).toMatchObject({ jobId, state: 'FAILED', next: resume });
    } finally {
      await unblock();
    }
    const resumed = await shell(resume);
    expect(resumed).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`^Deleted job \\[${jobId}\\]: `)) });
  });

  it('through npm (npm run cli --), the printed hint is an npm command, with the non-default URL, and runs as printed', async () => {
    const jobId = uniqueId('cli-npm');
    await jobWithData(server, jobId);
    const started = await collect('npm', ['run', '-s', 'cli', '--', 'delete', jobId, '--no-wait', '--url', server.graphqlUrl], key());
    expect(started.code).toBe(0);
    const task = started.stdout.trim();
    const hint = hintIn(started.stderr, /Follow it with:/);
    expect(hint).toBe(`npm run cli -- follow ${task} --url ${server.graphqlUrl}`);
    const followed = await shell(hint);
    expect(followed.code).toBe(0);
    expect(followed.stdout).toContain(`Job [${jobId}] deleted: 11 rows`);
  });

  it('a task id starting with "-" (its node id does) is printed after "--" in a hint, which runs as printed', async () => {
    const hint = hintFor({ url: server.graphqlUrl, apiKeyFromFlag: false }, {}, 'bin/mljobs.js');
    const line = hint('follow', '-lead:1');
    expect(line).toBe(`node bin/mljobs.js follow --url ${server.graphqlUrl} -- -lead:1`);
    // Read as the task id, not as an option: the server answers that it does not know the task (4), not a usage error (2).
    const followed = await shell(line);
    expect(followed).toMatchObject({ code: 4, stdout: '' });
    expect(followed.stderr).toContain(`task [-lead:1] isn't running and hasn't stored its results`);
    // The ids a node makes up for itself never start so.
    for (let i = 0; i < 2_000; i++) expect(resolveNodeId(undefined, scratch, 0)).toMatch(/^[A-Za-z0-9]/);
  });

  it('exits with the code of each refusal and prints its message on stderr', async () => {
    const unknown = uniqueId('cli-none');
    expect(await cli(['delete', unknown])).toEqual({ code: 4, stdout: '', stderr: `error: No known job with id '${unknown}' [NOT_FOUND]\n` });

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
    expect((await cli(['tasks', '--limit', '0'])).stderr).toContain('--limit must be a whole number from 1 to 1000');
    expect((await collect(process.execPath, ['bin/mljobs.js', 'jobs'], { ...key(), ML_URL: 'ftp://x' })).stderr).toContain(
      "ML_URL must be an http(s) URL, got 'ftp://x'",
    );
  });

  it('followTask redraws one line with \\r on a terminal', async () => {
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
    expect(await followTask({ api, out, json: false, hint: (args) => `mljobs ${args}` }, 'n:1')).toBe(0);
    expect(stdout.split('\r')).toHaveLength(4); // one redraw per state
    expect(stdout.match(/\n/g)).toHaveLength(2); // a newline after the bar, one after the summary
    expect(stdout).toContain('█');
    // eslint-disable-next-line no-control-regex -- the bar redraws with ANSI erase-line
    expect(stdout).toMatch(/55\.0%\s+5,500\/10,000 rows\s+[\d,]+ rows\/s\s+ETA [\d.]+s\s+RESULTS\x1b\[K/);
    expect(stdout).toMatch(/\nJob \[j\] deleted: 10,000 rows in 1\.0s\.\n$/);
    expect(stderr).toBe('');
  });
});

/** The client runs from dist/ (as users run it): compile it first when a source is newer. */
async function buildIfStale() {
  const built = 'dist/src/cli/client.js';
  const sources = [
    'src/cli/client.ts',
    ...readdirSync('src/cli/client', { recursive: true, encoding: 'utf8' }).map((f) => join('src/cli/client', f)),
  ];
  const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs));
  let builtAt = 0;
  try {
    builtAt = statSync(built).mtimeMs;
  } catch {
    // not built yet
  }
  if (builtAt >= newest) return;
  await promisify(execFile)(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
}
