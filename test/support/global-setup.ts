// With DATABASE_URL (CI, developers with PostgreSQL): a fresh database on that server for this
// run, dropped afterwards. Without it: each test file runs on its own embedded database.
import pg from 'pg';
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
  const name = `mltest_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  project.provide('databaseUrl', url.toString());
  return async () => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
}
