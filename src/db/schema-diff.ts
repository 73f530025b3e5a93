// Development tools of the schema engine: the SQL a schema change needs (npm run db:migration)
// and the drift of a live database from the Prisma schema (test/database.test.ts).
import { readFileSync } from 'node:fs';
import type { DiffTarget } from '@prisma/schema-engine-wasm';
import { packageRoot } from '../package-root.ts';
import { migrationList, schemaPath } from './prisma-files.ts';
import { filters, withEngine } from './schema-engine.ts';

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
      from: { tag: 'schemaDatasource', files: [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }], configDir: packageRoot },
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
