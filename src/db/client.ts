// The one place that opens the database. A server has separate connection budgets, each its own
// pg pool with its Prisma client: API requests (`db.pool`, `db.prisma`: statement timeout and a
// bounded wait for a connection, so an overload answers 503 instead of hanging), deletion work
// and the task queue (`db.work`: no statement timeout; its size follows DELETE_CONCURRENCY), and
// a one-connection probe for /ready (answers within a second even when the others are full).
// Deletions never starve the API, nor the API a deletion.
//
// With the embedded database every budget is the same single connection, because PGlite is one
// session: several connections would see each other's open transactions. pg-pool hands it out
// first come, first served, so a deletion's statements and the API's take turns.
//
// Every connection has an error listener from the moment it is made (the pool's 'connect' event):
// pg-pool drops its own listener from a client it checks out, and a connection lost while checked
// out (a server restart) would otherwise raise an unhandled 'error' and end the process.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../log.ts';
import { outageReporter } from '../outage.ts';
import { startEmbedded, runningEmbeddedUrl, type EmbeddedDatabase } from './embedded.ts';
import { cancelWhenAbandoned } from './held-connections.ts';
import { migrate } from './migrate.ts';

export interface Database {
  /** API work. */
  prisma: PrismaClient;
  pool: pg.Pool;
  /** Deletion work and the task queue: the same shape, on its own connections. */
  work: Database;
  /** One connection for health checks; every query on it is bounded by PROBE_TIMEOUT_MS. */
  probe: pg.Pool;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

export interface Budgets {
  apiPoolSize: number;
  workPoolSize: number;
  /** Longest an API statement runs (PostgreSQL's statement_timeout); 0: unbounded. */
  statementTimeoutMs: number;
  /** Longest an API request waits for a connection of its pool; 0: unbounded. */
  acquireTimeoutMs: number;
}

export interface OpenOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  /** Apply pending migrations before returning (seed, tests); a server does it in its start loop. */
  migrate?: boolean;
  /** A server's budgets; unset (CLI, bench): one pool of `poolSize` (10) without timeouts, shared by every use. */
  budgets?: Budgets;
  poolSize?: number;
  /** Where connection errors are reported (once per outage); unset: ignored. */
  log?: Logger;
}

export const PROBE_TIMEOUT_MS = 800;

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = opts.databaseUrl;
  if (!url) {
    // A CLI run next to a running server uses that server's embedded database.
    url = runningEmbeddedUrl(opts.dataDir);
    if (!url) {
      embedded = await startEmbedded(opts.dataDir);
      url = embedded.url;
    }
  }
  const isEmbedded = !opts.databaseUrl;
  try {
    if (opts.migrate) await migrate(url);
  } catch (err) {
    await embedded?.close();
    throw err;
  }
  const report = opts.log ? outageReporter(opts.log, 'postgresql', 'database connection') : undefined;
  const newPool = (config: pg.PoolConfig) => {
    // Idle connections stay open: a new backend starts with cold caches, and a deletion that
    // opens its lanes' connections afresh was measured several times slower than on warm ones.
    const pool = new pg.Pool({ connectionString: url, idleTimeoutMillis: 0, ...config });
    const onError = (err: Error) => report?.failed(err, { pool: config.application_name });
    // An idle connection that the server drops: the pool replaces it.
    pool.on('error', onError);
    pool.on('connect', (client) => {
      client.on('error', onError);
      report?.recovered();
    });
    return pool;
  };
  const b = opts.budgets;
  const pools = isEmbedded
    ? [newPool({ max: 1 })]
    : [
        newPool({
          max: b?.apiPoolSize ?? opts.poolSize ?? 10,
          application_name: 'ml-api',
          ...(b?.statementTimeoutMs && { statement_timeout: b.statementTimeoutMs }),
          ...(b?.acquireTimeoutMs && { connectionTimeoutMillis: b.acquireTimeoutMs }),
        }),
        ...(b ? [newPool({ max: b.workPoolSize, application_name: 'ml-work' })] : []),
      ];
  const [apiPool, workPool = apiPool] = pools;
  // A request whose client went away stops its statements (held-connections.ts). Not on the
  // embedded database: its one session is shared with the deletions, and it takes no cancel requests.
  if (!isEmbedded) cancelWhenAbandoned(apiPool, url);
  const probe = isEmbedded
    ? apiPool
    : newPool({ max: 1, application_name: 'ml-probe', statement_timeout: PROBE_TIMEOUT_MS, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  if (probe !== apiPool) pools.push(probe);
  const clients = new Map<pg.Pool, PrismaClient>();
  const prismaOf = (pool: pg.Pool) => clients.get(pool) ?? clients.set(pool, new PrismaClient({ adapter: new PrismaPg(pool) })).get(pool)!;

  const db: Database = {
    prisma: prismaOf(apiPool),
    pool: apiPool,
    work: undefined as unknown as Database,
    probe,
    url,
    embedded: isEmbedded,
    async close() {
      await Promise.allSettled([...clients.values()].map((c) => c.$disconnect()));
      await Promise.allSettled(pools.map((p) => p.end()));
      await embedded?.close();
    },
  };
  const work: Database = workPool === apiPool ? db : { ...db, prisma: prismaOf(workPool), pool: workPool };
  work.work = work;
  db.work = work;
  return db;
}
