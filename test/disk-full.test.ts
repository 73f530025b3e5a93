// A full disk, for real: an own PostgreSQL cluster whose database lives in a tablespace on a
// small tmpfs, filled to the last byte. Writes are answered 503 naming the full disk (53100),
// /ready says so, deleteJob is accepted or refused in the same honest way, and
// `npm run purge -- --job <id>` gives a dedicated job's space back to the filesystem, after which
// the deletion goes through. Needs pg_createcluster and root (mount); skipped with the reason
// otherwise (not in CI).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedJob } from '../src/seed/seed.ts';
import { DeleteJobMutation } from './operations/documents.ts';
import { ApiIngestResultsMutation } from './operations/api.ts';
import { createPgCluster, faultToolsMissing, type PgCluster } from './support/faults.ts';
import { openedJob } from './support/jobs.ts';
import { gql, startServer, uniqueId, type TestServer } from './support/server.ts';
import { until } from './support/wait.ts';

const run = promisify(execFile);

/** Why a tmpfs cannot be mounted here ('' when it can). */
async function mountMissing(): Promise<string> {
  if (process.getuid?.() !== 0) return 'not root (mount -t tmpfs needs it)';
  const probe = mkdtempSync(join(tmpdir(), 'ml-mount-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]);
    await run('umount', [probe]);
    return '';
  } catch (err) {
    return `mount -t tmpfs failed: ${(err as { stderr?: string }).stderr?.trim() ?? String(err)}`;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const why = faultToolsMissing() || (await mountMissing());
if (why) {
  if (process.env.CI) throw new Error(`the full-disk test cannot run: ${why} (CI is set: not skipping)`);
  console.log(`[tests] skipping the full-disk test: ${why}`);
}

const freeBytes = (dir: string) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};

const bucket = (minute: number) => ({ timestamp: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(), bucketSpanSeconds: 900, anomalyScore: 1 });

describe.skipIf(!!why)('a full disk', () => {
  let cluster: PgCluster;
  let mountDir: string;
  let server: TestServer;
  let databaseUrl: string;
  beforeAll(async () => {
    cluster = await createPgCluster('diskfull');
    mountDir = mkdtempSync(join(tmpdir(), 'ml-disk-'));
    // 64 MB: the database's own catalog (about 8 MB), the schema, pg-boss, and a job of rows.
    await run('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mountDir]);
    const location = join(mountDir, 'pg');
    mkdirSync(location);
    await run('chown', ['postgres:postgres', location]);
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE TABLESPACE tiny LOCATION '${location}'`);
    await admin.query('CREATE DATABASE ml TABLESPACE tiny');
    await admin.end();
    databaseUrl = cluster.url.replace(/\/postgres$/, '/ml');
    server = await startServer({ databaseUrl });
  });
  afterAll(async () => {
    await server?.stop();
    await cluster?.drop();
    if (mountDir) await run('umount', [mountDir]).catch(() => {});
    if (mountDir) rmSync(mountDir, { recursive: true, force: true });
  });

  it('writes answer 503 naming the full disk, /ready says disk full; purge frees the space and the deletion goes through', async () => {
    const big = uniqueId('full');
    await seedJob(server.app.db, big, 60_000, undefined, { storage: 'DEDICATED' });
    const small = await openedJob(server, 'full-small');
    // Fill what is left, to the last byte.
    await run('sh', ['-c', `dd if=/dev/zero of=${join(mountDir, 'filler')} bs=64k 2>/dev/null; true`]);
    expect(freeBytes(mountDir)).toBeLessThan(64 * 1024);

    // A write that needs new pages: 10,000 buckets.
    const ingest = await gql(server, ApiIngestResultsMutation, {
      jobId: small,
      input: { buckets: Array.from({ length: 10_000 }, (_, i) => bucket(i)) },
    });
    expect(ingest.status).toBe(503);
    expect(ingest.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
    expect(ingest.errors?.[0]?.message).toMatch(/disk is full/);
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, database: 'disk_full', reason: 'database disk_full' });

    // Accepting a deletion writes as little as it can: accepted, or refused naming the disk.
    const accepted = await gql(server, DeleteJobMutation, { jobId: big, waitForCompletion: false });
    const refused = accepted.errors?.[0];
    console.log(`[measure] deleteJob on a full disk: ${refused ? `refused ${accepted.status} ${refused.message}` : 'accepted'}`);
    if (refused) {
      expect(accepted.status).toBe(503);
      expect(refused.message).toMatch(/disk is full/);
    } else expect(accepted.data?.deleteJob.__typename).toBe('DeletionTask');

    // The way out: purge drops the dedicated tables without writing a task first.
    const before = freeBytes(mountDir);
    const purged = await run(
      process.execPath,
      ['--experimental-wasm-modules', '--no-warnings', '--import', 'tsx', 'src/cli/purge.ts', '--job', big],
      {
        env: { ...process.env, DATABASE_URL: databaseUrl },
      },
    );
    expect(purged.stdout).toContain(`purged job ${big}`);
    const freed = freeBytes(mountDir) - before;
    console.log(`[measure] purge of a 60,000-row dedicated job gave back ${(freed / 1024 / 1024).toFixed(1)} MB`);
    expect(freed).toBeGreaterThan(1024 * 1024);
    // The job is then deleted (its task, or the sweep's), and writes work again.
    await until('the purged job to be deleted', async () => {
      const { rows } = await server.app.db.pool.query('SELECT 1 FROM jobs WHERE id = $1', [big]);
      return rows.length === 0;
    });
    const again = await gql(server, ApiIngestResultsMutation, { jobId: small, input: { buckets: [bucket(0)] } });
    expect(again.errors).toBeUndefined();
  });
});
