// The seed command as users run it (`npm run seed -- --job <id> --results <n>`, here from the
// sources), against the test database; the result is read back through a running server's API.
// With the embedded database the command uses the running server's database (same DATA_DIR).
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnServer, type ServerProcess } from './support/process.ts';
import { ok, uniqueId } from './support/server.ts';
import { analysisConfig } from './support/jobs.ts';
import { JobsQuery, PutJobMutation } from './operations/documents.ts';
import { ApiAnnotationsQuery, ApiJobCountsQuery } from './operations/api.ts';

const databaseUrl = inject('databaseUrl');
const dataDir = mkdtempSync(join(tmpdir(), 'ml-seed-'));
/** Unset DATABASE_URL (empty reads as unset) means the embedded database under DATA_DIR. */
const env = { DATABASE_URL: databaseUrl ?? '', DATA_DIR: dataDir, REDIS_URL: '' };
const USAGE = 'usage: npm run seed -- --job <id> --results <n> [--dedicated]   (n: an integer from 0 to 50000000)';

let server: ServerProcess;
beforeAll(async () => {
  server = await spawnServer({ ...env, ML_ADMIN_API_KEY: randomBytes(24).toString('base64url') });
});
afterAll(async () => {
  if (server && server.proc.exitCode === null) {
    server.proc.kill('SIGTERM');
    await server.exited;
  }
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function seed(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--experimental-wasm-modules', '--no-warnings', '--import', 'tsx', 'src/cli/seed.ts', ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

const counts = async (id: string) => (await ok(server, ApiJobCountsQuery, { id })).job;

describe('npm run seed', () => {
  it('--results 1000 creates a CLOSED job owning exactly 1000 rows over every kind, with system annotations only', async () => {
    const jobId = uniqueId('seeded');
    const run = await seed('--job', jobId, '--results', '1000');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^seeded job ${jobId}: 1000 rows in \\d+\\.\\d\\ds \\(\\d+ rows/s\\)$`, 'm'));
    const job = (await counts(jobId))!;
    expect(job).toMatchObject({ id: jobId, state: 'CLOSED', deleting: false });
    const { total, ...kinds } = job.counts;
    expect(total).toBe(1000);
    expect(Object.values(kinds).reduce((a, b) => a + b, 0)).toBe(1000);
    for (const [kind, n] of Object.entries(kinds)) expect(n, kind).toBeGreaterThan(0);
    const annotations = (await ok(server, ApiAnnotationsQuery, { jobId })).annotations;
    expect(annotations).toHaveLength(kinds.annotations);
    expect(new Set(annotations.map((a) => a.createdBy))).toEqual(new Set(['_xpack']));
    // The summary line names what was written, kind by kind.
    expect(run.stdout).toContain(
      Object.entries(kinds)
        .map(([kind, n]) => `${kind}=${n}`)
        .join(' '),
    );

    // Seeding the same id again is refused and changes nothing.
    const again = await seed('--job', jobId, '--results', '10');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`error: The job [${jobId}] already exists`);
    expect((await counts(jobId))!.counts).toEqual(job.counts);
  });

  it('refuses the id of a job created through the API, and leaves that job alone', async () => {
    const jobId = uniqueId('existing');
    await ok(server, PutJobMutation, { input: { jobId, analysisConfig } });
    const run = await seed('--job', jobId, '--results', '50');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error: The job [${jobId}] already exists`);
    expect((await counts(jobId))!.counts.total).toBe(0);
  });

  it('--jobs 50 --results 40 --prefix p creates 50 CLOSED jobs p01..p50 of exactly 40 rows each; --dedicated gives them tables of their own', async () => {
    const prefix = `${uniqueId('fleet')}-`;
    const run = await seed('--jobs', '50', '--results', '40', '--prefix', prefix);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^seeded 50 shared jobs .*: 2000 rows in \d+\.\d\ds \(\d+ jobs\/s, \d+ rows\/s\)$/m);
    const jobs = (await ok(server, JobsQuery, { ids: `${prefix}*` })).jobs;
    expect(jobs.map((j) => j.id).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`));
    for (const id of [`${prefix}01`, `${prefix}50`]) expect((await counts(id))!).toMatchObject({ state: 'CLOSED', counts: { total: 40 } });
    const dedicated = await seed('--jobs', '2', '--results', '40', '--prefix', `${prefix}d-`, '--dedicated');
    expect(dedicated.code, dedicated.stderr).toBe(0);
    expect(dedicated.stdout).toMatch(/^seeded 2 dedicated jobs /m);
    expect((await counts(`${prefix}d-2`))!.counts.total).toBe(40);
  });

  it('a handful of rows is still exact', async () => {
    const jobId = uniqueId('few');
    const run = await seed(`--job=${jobId}`, '--results=7');
    expect(run.code, run.stderr).toBe(0);
    expect((await counts(jobId))!.counts.total).toBe(7);
  });

  it('bad arguments exit with 2 and the usage, creating nothing', async () => {
    const jobId = uniqueId('never');
    const cases: [string[], string][] = [
      [['--results', '5'], 'error: --job or --jobs is required'],
      [['--job', jobId, '--jobs', '3', '--results', '5'], 'error: --job and --jobs exclude each other'],
      [['--jobs', '0', '--results', '5', '--prefix', `${jobId}-`], `error: --jobs must be an integer from 1 to 1000000, got '0'`],
      [['--job', jobId, '--results', 'abc'], `error: --results must be an integer from 0 to 50000000, got 'abc'`],
      [['--job', jobId, '--results', '50000001'], `error: --results must be an integer from 0 to 50000000, got '50000001'`],
      [['--job', jobId, '--results', '5', '--force'], `error: unknown argument '--force'`],
      [
        ['--job', 'Bad_Id', '--results', '5'],
        `error: Invalid job_id; 'Bad_Id' can contain lowercase alphanumeric (a-z and 0-9), hyphens or underscores; must start and end with alphanumeric`,
      ],
    ];
    const runs = await Promise.all(cases.map(([args]) => seed(...args)));
    runs.forEach((run, i) => {
      const [args, message] = cases[i];
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.split('\n'), args.join(' ')).toEqual(expect.arrayContaining([message, USAGE]));
      expect(run.stdout).toBe('');
    });
    expect((await ok(server, JobsQuery, { ids: `${jobId}*` })).jobs).toEqual([]);
  });
});
