// Applies the committed migrations at start through Prisma's schema engine (schema-engine.ts).
// applyMigrations records history in _prisma_migrations exactly as `prisma migrate deploy` does,
// so both tools see the same state.
import pg from 'pg';
import { migrationList } from './prisma-files.ts';
import { filters, withEngine } from './schema-engine.ts';

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
