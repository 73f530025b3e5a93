// With DATABASE_URL (CI, developers with PostgreSQL): a fresh database on that server for this
// run, dropped afterwards. Without it: each test file runs on its own embedded database.
import { createScratchDatabase } from './databases.ts';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string | undefined;
    redisUrl: string | undefined;
  }
}

export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  project.provide('redisUrl', process.env.REDIS_URL || undefined);
  if (!base) {
    project.provide('databaseUrl', undefined);
    console.log('[tests] DATABASE_URL unset: every test file runs on its own embedded PostgreSQL (PGlite)');
    return;
  }
  const database = await createScratchDatabase(base, 'mltest');
  project.provide('databaseUrl', database.url);
  return () => database.drop();
}
