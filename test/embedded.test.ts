// `npm start` with nothing configured: no DATABASE_URL (embedded PostgreSQL under DATA_DIR) and no
// ML_ADMIN_API_KEY (a bootstrap key generated on first start, printed once, stored hashed). The
// real server process (src/server.ts), stopped with SIGTERM and started again on the same data.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runningEmbeddedUrl } from '../src/db/embedded.ts';
import { analysisConfig } from './support/jobs.ts';
import { spawnServer, type ServerProcess } from './support/process.ts';
import { gql, ok, uniqueId } from './support/server.ts';
import { JobQuery, PutJobMutation } from './operations/documents.ts';
import { ApiApiKeysQuery } from './operations/api.ts';

const BANNER = 'Generated a bootstrap API key with privilege ALL';
const dataDir = mkdtempSync(join(tmpdir(), 'ml-embedded-'));
/** Nothing configured: empty values read as unset. */
const env = { DATABASE_URL: '', ML_ADMIN_API_KEY: '', REDIS_URL: '', DATA_DIR: dataDir };
const started: ServerProcess[] = [];

afterAll(async () => {
  for (const p of started) {
    if (p.proc.exitCode === null && p.proc.signalCode === null) {
      p.proc.kill('SIGKILL');
      await p.exited;
    }
  }
});

async function start(): Promise<ServerProcess> {
  const p = await spawnServer(env);
  started.push(p);
  return p;
}

async function stop(p: ServerProcess) {
  p.proc.kill('SIGTERM');
  expect(await p.exited).toBe(0);
}

/** The bootstrap secret printed by the first start. */
function printedSecret(output: string): string {
  const match = new RegExp(`${BANNER}[^\\n]*\\n\\s*\\n\\s+(\\S+)\\s*\\n`).exec(output);
  if (!match) throw new Error(`no bootstrap key in the output:\n${output}`);
  return match[1];
}

const as = (p: ServerProcess, key: string) => ({ graphqlUrl: p.graphqlUrl, adminKey: key });

describe('embedded database and bootstrap key', () => {
  const jobId = uniqueId('embedded');
  let secret = '';

  it('first start: prints a generated key once; /health, /ready and the key work; only a hash is stored', async () => {
    const first = await start();
    const out = first.output();
    secret = printedSecret(out);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(out.split(BANNER)).toHaveLength(2);
    expect(out).toContain(`Authorization: ApiKey ${secret}`);

    const health = await fetch(`${first.url}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${first.url}/ready`);
    expect(ready.status).toBe(200);

    expect((await ok(as(first, secret), PutJobMutation, { input: { jobId, analysisConfig } })).putJob).toMatchObject({ id: jobId, state: 'CLOSED' });
    expect((await ok(as(first, secret), JobQuery, { id: jobId })).job).toMatchObject({ id: jobId, state: 'CLOSED', analysisConfig });
    const keys = (await ok(as(first, secret), ApiApiKeysQuery)).apiKeys;
    expect(keys).toEqual([expect.objectContaining({ name: 'admin', privileges: ['ALL'], invalidated: false })]);
    expect((await gql(as(first, secret), JobQuery, { id: jobId }, 'not-the-key')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // The server's embedded database is reachable by other processes of the project (as the seed
    // does): no column of api_keys holds the printed secret.
    const url = runningEmbeddedUrl(dataDir);
    expect(url).toBeDefined();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ row: string }>('SELECT t::text AS row FROM api_keys t');
      expect(rows).toHaveLength(1);
      expect(rows[0].row).not.toContain(secret);
    } finally {
      await client.end();
    }

    const metrics = await fetch(`${first.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await metrics.text();
    expect(body).toMatch(/^# HELP process_cpu_user_seconds_total /m);
    expect(body).toMatch(/^# TYPE ml_tasks gauge$/m);
    expect(body).not.toContain(secret);

    await stop(first);
  });

  it('second start on the same DATA_DIR: no new key; the job and the old key are still there', async () => {
    expect(secret).not.toBe('');
    const second = await start();
    expect(second.output()).not.toContain(BANNER);
    expect((await fetch(`${second.url}/ready`)).status).toBe(200);
    expect((await ok(as(second, secret), JobQuery, { id: jobId })).job).toMatchObject({ id: jobId, state: 'CLOSED', analysisConfig });
    const another = uniqueId('embedded-again');
    expect((await ok(as(second, secret), PutJobMutation, { input: { jobId: another, analysisConfig } })).putJob.id).toBe(another);
    expect((await ok(as(second, secret), ApiApiKeysQuery)).apiKeys).toHaveLength(1);
    await stop(second);
    expect(second.output()).not.toContain(secret);
  });
});
