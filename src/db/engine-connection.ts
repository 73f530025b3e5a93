// The connection Prisma's schema engine (WebAssembly build) migrates through: @prisma/adapter-pg
// over a pg pool of our own, with the mends the engine needs from both (below).
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

/** The adapter the engine is given, over `pool`. */
export const engineAdapter = (pool: pg.Pool) => bindMigrationAwareSqlAdapterFactory(new WholeScriptPg(pool));

/**
 * @prisma/adapter-pg runs a migration script by splitting it on every `;`, which cuts a function
 * body (dollar-quoted) or a comment in pieces: the script goes whole, in one simple query, as the
 * native `prisma migrate deploy` sends it (PostgreSQL then runs it as one implicit transaction).
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    return wholeScripts(await super.connect());
  }
  override async connectToShadowDb() {
    return wholeScripts(await super.connectToShadowDb());
  }
}

type ScriptRunner = Awaited<ReturnType<PrismaPg['connect']>>;

function wholeScripts(adapter: ScriptRunner): ScriptRunner {
  const { onError } = adapter as unknown as { onError(err: unknown): never };
  adapter.executeScript = async (script: string) => {
    try {
      await (adapter.underlyingDriver() as pg.Pool).query(script);
    } catch (err) {
      onError.call(adapter, err);
    }
  };
  return adapter;
}

/**
 * Two mends for the engine's connections, in one client class:
 * - PostgreSQL's catalog has `"char"` columns (OID 18) that @prisma/adapter-pg refuses to decode,
 *   which breaks the engine's reading of a live schema: they are reported as text (pg already
 *   returns their values as strings);
 * - the adapter drops its shadow database before closing the shadow pool, which PostgreSQL
 *   refuses while that pool is connected: the shadow's connections are closed first.
 */
class MigrationClient extends pg.Client {
  private static readonly open = new Set<MigrationClient>();

  constructor(config?: pg.ClientConfig) {
    super(config);
    MigrationClient.open.add(this);
    this.once('end', () => MigrationClient.open.delete(this));
  }

  // @ts-expect-error pg's overloads cannot be re-declared one by one; the arguments pass through.
  override query(...args: unknown[]) {
    const shadow = typeof args[0] === 'string' ? /^\s*DROP DATABASE "(prisma_migrate_shadow_db_[\w-]+)"/.exec(args[0])?.[1] : undefined;
    if (shadow) {
      const users = [...MigrationClient.open].filter((c) => c !== this && c.database === shadow);
      const drop = (): Promise<unknown> => (super.query as (sql: string) => Promise<unknown>).call(this, `DROP DATABASE "${shadow}"`);
      const dropped: Promise<unknown> = Promise.all(users.map((c) => c.end())).then(drop);
      const cb = args.find((a) => typeof a === 'function') as ((err: Error | null, res?: unknown) => void) | undefined;
      if (!cb) return dropped;
      void dropped.then(
        (res: unknown) => cb(null, res),
        (err: Error) => cb(err),
      );
      return undefined;
    }
    const callback = args.findIndex((a) => typeof a === 'function');
    if (callback >= 0) {
      const done = args[callback] as (err: Error | null, res: unknown) => void;
      args[callback] = (err: Error | null, res: unknown) => done(err, err ? res : charAsText(res));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return result instanceof Promise ? result.then(charAsText) : result;
  }
}

function charAsText<T>(result: T): T {
  for (const res of Array.isArray(result) ? result : [result]) {
    for (const field of (res as pg.QueryResult | undefined)?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
  }
  return result;
}

/**
 * The engine's pool, from discrete fields rather than a connection string: the adapter opens the
 * shadow database as `{ ...options, database }`, and pg lets a connectionString win over
 * `database`, which would make the "shadow" the live database.
 */
export function migrationPool(url: string): pg.Pool {
  const u = new URL(url);
  return new pg.Pool({
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username) || undefined,
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.slice(1)) || undefined,
    ssl: ['require', 'verify-ca', 'verify-full'].includes(u.searchParams.get('sslmode') ?? '')
      ? { rejectUnauthorized: u.searchParams.get('sslmode') !== 'require' }
      : undefined,
    max: 1,
    Client: MigrationClient as unknown as typeof pg.Client,
  });
}
