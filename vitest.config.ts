import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One copy of graphql for tests and libraries ("Cannot use GraphQL from another realm").
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Files run one after another: they share one PostgreSQL database (or one machine's two
    // cores with the embedded one), and the big-deletion tests want the machine to themselves.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
    execArgv: ['--experimental-wasm-modules', '--no-warnings=ExperimentalWarning'],
  },
});
