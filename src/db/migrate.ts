// Migrations through Prisma's own schema engine, in its WebAssembly build (the native engine
// cannot be downloaded on our machines). applyMigrations records history in _prisma_migrations
// exactly as `prisma migrate deploy` does, so both tools see the same state.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DiffTarget, MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';

/**
 * The package's root, found from this file (src/db/ or, built, dist/src/db/), not from the
 * working directory: started elsewhere, the migrations must still be found (an empty list would
 * silently apply nothing).
 */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'prisma', 'schema.prisma'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('prisma/schema.prisma not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

const root = packageRoot();
export const schemaPath = join(root, 'prisma', 'schema.prisma');
export const migrationsDir = join(root, 'prisma', 'migrations');
const filters = { externalTables: [], externalEnums: [] };

async function withEngine<T>(url: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  // Imported lazily: it is large, and only start-up and tooling need it.
  const { SchemaEngine } = await import('@prisma/schema-engine-wasm');
  // A pool we own and end: an adapter left to create its own keeps an idle connection that holds
  // a CLI process open for pg's 10 s idle timeout.
  const pool = migrationPool(url);
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPg(pool));
    const engine = await SchemaEngine.new({ datamodels: [[schemaPath, readFileSync(schemaPath, 'utf8')]] }, () => {}, adapter);
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}

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
function migrationPool(url: string): pg.Pool {
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

export function migrationList(): MigrationList {
  const lockPath = join(migrationsDir, 'migration_lock.toml');
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((path) => ({
      path,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: readFileSync(join(migrationsDir, path, 'migration.sql'), 'utf8') } },
    })),
  };
}

/**
 * Names of committed migrations the database has not applied yet, read from Prisma's own
 * history table, so a start with nothing to do never loads the schema engine (about 35 MB).
 */
async function unapplied(url: string): Promise<string[]> {
  const names = migrationList().migrationDirectories.map((d) => d.path);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return names.filter((n) => !applied.has(n));
  } catch {
    return names; // no history table yet: a new database
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations; returns the names applied. Data that a migration leaves to move
 * in many small transactions is moved in the background once the server runs
 * (src/jobs/legacy-upgrade.ts).
 */
export async function migrate(url: string): Promise<string[]> {
  if ((await unapplied(url)).length === 0) return [];
  return withEngine(url, async (engine) => (await engine.applyMigrations({ migrationsList: migrationList(), filters })).appliedMigrationNames);
}

const datamodel = (): DiffTarget => ({ tag: 'schemaDatamodel', files: [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }] });

/** SQL that takes the committed migrations to the current Prisma schema ('' when none is needed). */
export async function pendingSchemaChange(url: string): Promise<string> {
  return withEngine(url, async (engine) => {
    const from: DiffTarget = migrationList().migrationDirectories.length ? { tag: 'migrations', ...migrationList() } : { tag: 'empty' };
    const out = await engine.diff({ from, to: datamodel(), script: true, exitCode: null, filters });
    return scriptOf(out);
  });
}

/** SQL that would take the live database to the Prisma schema ('' when there is no drift). */
export async function drift(url: string): Promise<string> {
  return withEngine(url, async (engine) => {
    const out = await engine.diff({
      from: { tag: 'schemaDatasource', files: [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }], configDir: root },
      to: datamodel(),
      script: true,
      exitCode: null,
      filters,
    });
    return scriptOf(out);
  });
}

function scriptOf(out: { stdout?: string | null }): string {
  const sql = (out.stdout ?? '').trim();
  return sql === '-- This is an empty migration.' ? '' : sql;
}
