// Unused files, dependencies and exports (npm run check:deps; CI runs it). Knip's plugins read
// vitest.config.ts, codegen.ts, eslint.config.js, prisma.config.ts, dashboard/vite.config.ts
// and the package scripts; the entries below are what they cannot see.
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: [
    // Dev tools run through tsx, and what npm run seed runs from dist/.
    'src/cli/*.ts',
    // The dashboard's index.html loads it.
    'dashboard/src/main.tsx',
    // relay-compiler's sources and artifacts (test/consumers/relay.test.ts compiles and validates them).
    'test/consumers/relay/**/*.ts',
  ],
  project: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'bin/*.js', 'dashboard/src/**/*.{ts,tsx}', '*.ts'],
  vite: { config: ['dashboard/vite.config.ts'] },
  // The generated Prisma client imports it (src/generated/prisma is written by postinstall and
  // not committed, so knip does not read it).
  // relay-compiler is run as a binary by test/consumers/relay.test.ts; @types/relay-runtime is
  // read by TypeScript for relay-runtime's types, not imported by name.
  ignoreDependencies: ['@prisma/client', 'relay-compiler', '@types/relay-runtime'],
  // A constant or type exported for its own file's readers is still read.
  ignoreExportsUsedInFile: true,
  // GraphQL documents: a fragment is exported for codegen, which finds it by name in the
  // operations that spread it; no TypeScript imports it.
  ignoreIssues: {
    'test/operations/documents.ts': ['exports'],
    'src/cli/client/operations.ts': ['exports'],
    'dashboard/src/operations.ts': ['exports'],
    // relay-compiler writes an artifact per operation with its types; a consumer imports only some.
    'test/consumers/relay/generated/*.ts': ['types'],
  },
};

export default config;
