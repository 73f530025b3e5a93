// A seed into the embedded database of a running server (PGlite: one session, shared through a
// socket) goes in small statements that take turns with the server's, so the server keeps
// answering while it runs: a job(id) read is answered during the seed (the wait is printed).
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQuery } from './operations/documents.ts';
import { putJob } from './support/jobs.ts';
import { gql, startServer, uniqueId, type TestServer } from './support/server.ts';

describe('seeding the embedded database of a running server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ databaseUrl: undefined });
  });
  afterAll(async () => server?.stop());

  it('job(id) reads are answered while a 600,000-row seed runs', async () => {
    const reader = uniqueId('reader');
    await putJob(server, reader);
    const seeded = uniqueId('seeded');
    const seed = spawn(
      process.execPath,
      ['--experimental-wasm-modules', '--no-warnings', '--import', 'tsx', 'src/cli/seed.ts', '--job', seeded, '--results', '600000'],
      { env: { ...process.env, DATABASE_URL: '', DATA_DIR: server.config.dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    seed.stdout.on('data', (d) => (out += d));
    seed.stderr.on('data', (d) => (out += d));
    let running = true;
    const exited = new Promise<number | null>((resolve) => seed.once('exit', (code) => ((running = false), resolve(code))));
    // Reads while the seed's rows are being written (its job row is the first thing it writes).
    const during: number[] = [];
    let seen = false;
    while (running) {
      const since = performance.now();
      const read = await gql(server, JobQuery, { id: reader });
      const ms = performance.now() - since;
      expect(read.data?.job?.id, JSON.stringify(read.errors)).toBe(reader);
      seen ||= (await gql(server, JobQuery, { id: seeded })).data?.job?.id === seeded;
      if (seen && running) during.push(ms);
    }
    expect(await exited, out).toBe(0);
    console.log(
      `[measure] embedded: job(id) during a 600,000-row seed: ${during.length} reads, max ${Math.max(...during).toFixed(0)} ms (${out.trim().split('\n').at(-2)})`,
    );
    expect(during.length).toBeGreaterThan(0);
  });
});
