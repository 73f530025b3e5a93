// npm run purge -- --job <id>: a full disk's way out. It drops the job's rows without writing a
// task first; the sweep then starts the deletion task that finishes the job.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQuery } from './operations/documents.ts';
import { totalOwned } from './support/data.ts';
import { jobWithData } from './support/jobs.ts';
import { ok, rowsOf, startServer, uniqueId, type TestServer } from './support/server.ts';
import { until } from './support/wait.ts';

const run = promisify(execFile);
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.stop());

const purge = (...args: string[]) =>
  run(process.execPath, ['--experimental-wasm-modules', '--no-warnings', '--import', 'tsx', 'src/cli/purge.ts', ...args], {
    env: { ...process.env, DATABASE_URL: server.config.databaseUrl ?? '', DATA_DIR: server.config.dataDir },
  });

describe('purge', () => {
  it('drops a job’s rows with no task written, then the sweep deletes the job', async () => {
    const jobId = uniqueId('purge');
    await jobWithData(server, jobId);
    const { stdout } = await purge('--job', jobId);
    expect(stdout).toContain(`purged job ${jobId}`);
    // Every row of the job tables is gone at once; the job is left `deleting` (or, if the
    // sweep came by already, gone).
    const left = await rowsOf<{ n: number }>(
      server,
      `SELECT (SELECT count(*) FROM buckets WHERE job_id = $1) + (SELECT count(*) FROM records WHERE job_id = $1)
            + (SELECT count(*) FROM model_state_docs WHERE job_id = $1) + (SELECT count(*) FROM model_snapshots WHERE job_id = $1) AS n`,
      [jobId],
    );
    expect(Number(left[0].n)).toBe(0);
    expect([null, true]).toContain((await ok(server, JobQuery, { id: jobId })).job?.deleting ?? null);
    // The sweep (every 10 s) gives the deleting job a task, which finishes it.
    await until('the sweep to finish the job', async () => (await ok(server, JobQuery, { id: jobId })).job === null, 60_000);
    expect(await totalOwned(server.app.db, jobId)).toBe(0);
    expect(await rowsOf(server, 'SELECT state::text AS state, force FROM tasks WHERE job_id = $1', [jobId])).toEqual([
      { state: 'COMPLETED', force: true },
    ]);
  });

  it('refuses an unknown job (exit 1) and bad arguments (exit 2)', async () => {
    await expect(purge('--job', uniqueId('none'))).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('No known job') });
    await expect(purge()).rejects.toMatchObject({ code: 2 });
  });
});
