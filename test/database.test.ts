// The database as the contract describes it ("Database" in the contract README), read from the
// PostgreSQL catalog of the migrated test database; and the committed migrations match the
// Prisma schema (a schema change without its migration fails here).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrationsDir } from '../src/db/prisma-files.ts';
import { drift, pendingSchemaChange } from '../src/db/schema-diff.ts';
import { OWNED_TABLES, rowsOwnedBy } from './support/data.ts';
import { jobWithData } from './support/jobs.ts';
import { postgresServer, unmet } from './support/requirements.ts';
import { ok, rowsOf, startServer, uniqueId, type TestServer } from './support/server.ts';
import { AnnotationsQuery, CalendarQuery, JobQuery, NotificationsQuery, PutCalendarMutation } from './operations/documents.ts';

let server: TestServer;
beforeAll(async () => {
  // Starting the server applies the migrations (to the test database, or to its own embedded one).
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const query = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => rowsOf<T>(server, sql, params);

/** Tables whose rows outlive their job: `job_id` without a foreign key. */
const OUTLIVE = ['annotations', 'notifications', 'tasks'];
/** Tables that belong to a job (contract), with the ON DELETE action of their job_id foreign key. */
const BELONG = Object.fromEntries(OWNED_TABLES.filter((t) => t !== 'jobs').map((t) => [t, t === 'datafeeds' ? 'RESTRICT' : 'CASCADE']));

// Comparing schemas replays the migrations into a shadow database, which needs a PostgreSQL
// server (the embedded PGlite has one database, and Prisma's describer does not read it).
const server_url = inject('databaseUrl');

describe.skipIf(unmet('the migration-drift checks (a shadow database)', postgresServer()))('migrations', () => {
  it('the committed migrations produce exactly the Prisma schema: pendingSchemaChange(test database) is empty', async () => {
    expect(await pendingSchemaChange(server.app.db.url)).toBe('');
  });

  it('pendingSchemaChange leaves the database it is given as it was (here: an empty one stays empty)', async () => {
    const empty = await emptyDatabase(server_url!);
    try {
      const outcome = await pendingSchemaChange(empty.url).catch((err: Error) => err);
      expect(await empty.tables()).toEqual([]);
      expect(outcome).toBe('');
    } finally {
      await empty.drop();
    }
  });

  it('the migrated database does not drift from the Prisma schema', async () => {
    expect(await drift(server.app.db.url)).toBe('');
  });
});

describe('the migrations are found from the package root', () => {
  it('a process started in another folder lists every committed migration (not an empty list)', async () => {
    const committed = readdirSync(migrationsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const list = new URL('../src/db/prisma-files.ts', import.meta.url).href;
    const script = `const { migrationList } = await import(${JSON.stringify(list)}); console.log(JSON.stringify(migrationList().migrationDirectories.map((d) => d.path)));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', import.meta.resolve('tsx'), '--input-type=module', '-e', script], {
      cwd: mkdtempSync(join(tmpdir(), 'ml-cwd-')),
    });
    expect(committed.length).toBeGreaterThan(0);
    expect(JSON.parse(stdout)).toEqual(committed);
  });
});

/** A database with nothing in it, on the test PostgreSQL server. */
async function emptyDatabase(base: string): Promise<{ url: string; tables(): Promise<string[]>; drop(): Promise<void> }> {
  const name = `${new URL(base).pathname.slice(1)}_empty`;
  await server.app.db.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await server.app.db.pool.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    tables: async () => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const { rows } = await client.query<{ name: string }>(
          `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
        );
        return rows.map((r) => r.name);
      } finally {
        await client.end();
      }
    },
    drop: async () => void (await server.app.db.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

describe('the catalog follows the contract', () => {
  it('tables are snake_case and plural; the job table is `jobs` with primary key `id`', async () => {
    const tables = (
      await query<{ name: string }>(
        `SELECT table_name::text AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
      )
    ).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['jobs', ...Object.keys(BELONG), ...OUTLIVE, 'calendars', 'api_keys']));
    for (const table of tables) expect(table, table).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*s$/);
    const pk = await query<{ columns: string[] }>(
      `SELECT array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_constraint c
       CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
       WHERE c.contype = 'p' AND c.conrelid = 'public.jobs'::regclass
       GROUP BY c.oid`,
    );
    expect(pk).toEqual([{ columns: ['id'] }]);
  });

  it('every table with job_id references jobs(id) ON DELETE CASCADE (datafeeds RESTRICT), except the ones that outlive the job', async () => {
    const withJobId = (
      await query<{ name: string }>(
        `SELECT table_name::text AS name FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name = 'job_id' ORDER BY 1`,
      )
    ).map((t) => t.name);
    expect(withJobId).toEqual(expect.arrayContaining([...Object.keys(BELONG), ...OUTLIVE]));
    // Every foreign key on a job_id column, with what it references and its ON DELETE action.
    const fks = await query<{ table: string; columns: string[]; ref: string; refColumns: string[]; onDelete: string }>(
      `SELECT c.conrelid::regclass::text AS "table", c.confrelid::regclass::text AS ref, c.confdeltype::text AS "onDelete",
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS "refColumns"
       FROM pg_constraint c
       WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    );
    const actions: Record<string, string> = { c: 'CASCADE', r: 'RESTRICT', a: 'NO ACTION', n: 'SET NULL', d: 'SET DEFAULT' };
    const onJobId = (table: string) => fks.filter((fk) => fk.table === table && fk.columns.includes('job_id'));
    for (const table of withJobId) {
      const found = onJobId(table).map((fk) => ({ columns: fk.columns, ref: fk.ref, refColumns: fk.refColumns, onDelete: actions[fk.onDelete] }));
      if (OUTLIVE.includes(table)) expect(found, table).toEqual([]);
      else expect(found, table).toEqual([{ columns: ['job_id'], ref: 'jobs', refColumns: ['id'], onDelete: BELONG[table] ?? 'CASCADE' }]);
    }
  });

  it('every job_id column leads an index', async () => {
    const indexes = await query<{ table: string; name: string; lead: string }>(
      `SELECT i.tablename::text AS "table", i.indexname::text AS name, a.attname::text AS lead
       FROM pg_indexes i
       JOIN pg_class ic ON ic.relname = i.indexname AND ic.relnamespace = 'public'::regnamespace
       JOIN pg_index x ON x.indexrelid = ic.oid
       JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]
       WHERE i.schemaname = 'public'`,
    );
    const withJobId = (
      await query<{ name: string }>(
        `SELECT table_name::text AS name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'job_id'`,
      )
    ).map((t) => t.name);
    expect(withJobId.length).toBeGreaterThanOrEqual(Object.keys(BELONG).length + OUTLIVE.length);
    for (const table of withJobId) {
      expect(
        indexes.filter((i) => i.table === table && i.lead === 'job_id').map((i) => i.name),
        table,
      ).not.toEqual([]);
    }
  });
});

describe('the rules at work', () => {
  it('deleting a job row cascades to what it owns; annotations and notifications stay', async () => {
    const jobId = uniqueId('cascade');
    await jobWithData(server, jobId);
    await ok(server, PutCalendarMutation, { calendarId: `cal-${jobId}`, jobIds: [jobId] });
    expect(await rowsOwnedBy(server.app.db, jobId)).toEqual({
      jobs: 1,
      datafeeds: 0,
      model_snapshots: 1,
      model_state_docs: 4,
      buckets: 1,
      records: 1,
      influencers: 1,
      categories: 1,
      forecasts: 1,
      calendar_jobs: 1,
    });
    await server.app.db.pool.query('DELETE FROM jobs WHERE id = $1', [jobId]);
    expect(Object.values(await rowsOwnedBy(server.app.db, jobId)).reduce((a, b) => a + b, 0)).toBe(0);
    expect((await ok(server, JobQuery, { id: jobId })).job).toBeNull();
    expect((await ok(server, CalendarQuery, { id: `cal-${jobId}` })).calendar).toEqual({ id: `cal-${jobId}`, jobIds: [] });
    expect((await ok(server, AnnotationsQuery, { jobId })).annotations).toHaveLength(2);
    expect((await ok(server, NotificationsQuery, { jobId })).notifications.map((n) => n.message)).toContain('Job created');
  });
});
