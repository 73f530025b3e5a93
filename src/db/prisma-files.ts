// The Prisma schema and the committed migrations, found from the package root (never from the
// working directory), the migrations as the schema engine reads them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { packageRoot } from '../package-root.ts';

export const schemaPath = join(packageRoot, 'prisma', 'schema.prisma');
export const migrationsDir = join(packageRoot, 'prisma', 'migrations');

/** The committed migrations, oldest first. A missing folder is an error: an empty list would apply nothing, silently. */
export function migrationList(): MigrationList {
  if (!existsSync(migrationsDir)) throw new Error(`no migrations folder at ${migrationsDir}`);
  const lockPath = join(migrationsDir, 'migration_lock.toml');
  const dirs = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
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
