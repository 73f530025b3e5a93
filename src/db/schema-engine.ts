// Prisma's own schema engine, in its WebAssembly build (the native engine cannot be downloaded on
// our machines), run against one database and freed after.
import { readFileSync } from 'node:fs';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { engineAdapter, migrationPool } from './engine-connection.ts';
import { schemaPath } from './prisma-files.ts';

/** No table or enum is left out of the engine's view. */
export const filters = { externalTables: [], externalEnums: [] };

export async function withEngine<T>(url: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  // Imported lazily: it is large, and only start-up and tooling need it.
  const { SchemaEngine } = await import('@prisma/schema-engine-wasm');
  // A pool we own and end: an adapter left to create its own keeps an idle connection that holds
  // a CLI process open for pg's 10 s idle timeout.
  const pool = migrationPool(url);
  try {
    const adapter = engineAdapter(pool);
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
