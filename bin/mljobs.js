#!/usr/bin/env node
// The `mljobs` command: the client compiled to dist/ (by `npm ci`, or `npm run build` after a
// change to src/), so that it starts at once, with nothing compiled at run time.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/client.js', import.meta.url);
if (!existsSync(entry)) {
  console.error(`mljobs: ${entry.pathname} is missing: run \`npm run build\` in ${new URL('..', import.meta.url).pathname}`);
  process.exit(1);
}
await import(entry.href);
