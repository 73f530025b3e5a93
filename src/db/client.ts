// The one place that opens the database. A process has one pg pool; Prisma, the task queue
// and the deletion engine's raw SQL all go through it. With the embedded database the pool
// holds a single connection, because PGlite is one session: several connections would see
// each other's open transactions.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { startEmbedded, runningEmbeddedUrl, type EmbeddedDatabase } from './embedded.ts';
import { migrate } from './migrate.ts';

export interface Database {
  prisma: PrismaClient;
  pool: pg.Pool;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  /** Apply pending migrations before returning (npm start, seed, tests). */
  migrate?: boolean;
  poolSize?: number;
}

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
  // Idle connections stay open: a new backend starts with cold caches, and a deletion that
  // opens its lanes' connections afresh was measured several times slower than on warm ones.
  const pool = new pg.Pool({ connectionString: url, max: isEmbedded ? 1 : (opts.poolSize ?? 10), idleTimeoutMillis: 0 });
  // An idle connection that the server drops must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    url,
    embedded: isEmbedded,
    async close() {
      await prisma.$disconnect();
      await pool.end();
      await embedded?.close();
    },
  };
}
