// Dependencies a test may break at will: an own PostgreSQL cluster (pg_createcluster, on a port
// of its own) and an own redis-server, never the machine's shared ones. Removed after the test.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { until } from './wait.ts';

const run = promisify(execFile);

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A loopback port nobody listens on now: two suites on one machine never share a cluster or a Redis. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const has = (tool: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Why the fault tests cannot run here ('' when they can). In CI nothing is skipped: missing tools fail the run. */
export function faultToolsMissing(): string {
  const missing = ['pg_createcluster', 'pg_ctlcluster', 'pg_dropcluster', 'redis-server'].filter((t) => !has(t));
  if (!missing.length) return '';
  if (process.env.CI) throw new Error(`fault tests need ${missing.join(', ')} (CI is set: not skipping)`);
  return `${missing.join(', ')} not installed`;
}

export interface PgCluster {
  /** The cluster's `postgres` database. */
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  drop(): Promise<void>;
}

const ctl = (name: string, action: string) => run('pg_ctlcluster', ['--skip-systemctl-redirect', '15', name, action]);

/** A new PostgreSQL 15 cluster named after `label` and this process, on a free port, trusting 127.0.0.1, started. */
export async function createPgCluster(label: string): Promise<PgCluster> {
  const name = `${label}_${process.pid}`;
  const port = await freePort();
  await run('pg_dropcluster', ['15', name, '--stop']).catch(() => {});
  await run('pg_createcluster', ['15', name, '-p', String(port)]);
  writeFileSync(`/etc/postgresql/15/${name}/pg_hba.conf`, 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
  await ctl(name, 'start');
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start: () => ctl(name, 'start').then(() => undefined),
    // Fast shutdown: sessions are terminated (57P01), as in a restart by an operator.
    stop: () => ctl(name, 'stop').then(() => undefined),
    drop: () => run('pg_dropcluster', ['15', name, '--stop']).then(() => undefined),
  };
}

export interface RedisServer {
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** An own redis-server on a free port (no persistence), started. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ml-redis-'));
  const pidfile = join(dir, 'redis.pid');
  const start = async () => {
    await run('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--daemonize', 'yes', '--pidfile', pidfile, '--dir', dir]);
    // A pid file not written yet reads as a throw: not yet.
    await until('redis-server to write its pid file', () => Number(readFileSync(pidfile, 'utf8')) > 0);
  };
  const stop = async () => {
    let pid: number;
    try {
      pid = Number(readFileSync(pidfile, 'utf8'));
    } catch {
      return; // never started
    }
    process.kill(pid, 'SIGTERM');
    await until(`redis-server ${pid} to exit`, () => !isRunning(pid));
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, stop };
}
