// Read by the Prisma CLI (generate). The URL is optional on purpose: `npm ci` runs `prisma
// generate` on machines with no DATABASE_URL, and migrations are applied by src/db/migrate.ts.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/postgres' },
});
