// The embedded PostgreSQL (PGlite) used when no DATABASE_URL is given. It is one database
// session, so it is exposed on a loopback socket and every user of it in this process shares a
// single connection (see client.ts). The socket's address is written to `<dataDir>/embedded.json`
// so that `npm run seed` can reach a running server's database instead of opening it twice.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  close(): Promise<void>;
}

interface Beacon {
  pid: number;
  port: number;
}

const beaconPath = (dataDir: string) => join(dataDir, 'embedded.json');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The URL of the embedded database another process of this project is serving, if any. */
export function runningEmbeddedUrl(dataDir: string): string | undefined {
  const path = beaconPath(dataDir);
  if (!existsSync(path)) return undefined;
  const beacon = JSON.parse(readFileSync(path, 'utf8')) as Beacon;
  if (beacon.pid === process.pid || !isAlive(beacon.pid)) return undefined;
  return urlFor(beacon.port);
}

const urlFor = (port: number) => `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;

export async function startEmbedded(dataDir: string): Promise<EmbeddedDatabase> {
  // PGlite creates only the last level of its directory.
  mkdirSync(dataDir, { recursive: true });
  // Loaded only in embedded mode: it costs about 25 MB of memory that a server on PostgreSQL
  // does not need.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(join(dataDir, 'pgdata'));
  // Two connections: this process's pool of one, and one for a CLI run alongside (seed).
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 2 });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  writeFileSync(beaconPath(dataDir), JSON.stringify({ pid: process.pid, port } satisfies Beacon));
  return {
    url: urlFor(port),
    async close() {
      rmSync(beaconPath(dataDir), { force: true });
      await server.stop();
      await db.close();
    },
  };
}
