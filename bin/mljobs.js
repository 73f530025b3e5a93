#!/usr/bin/env node
// The `mljobs` command: runs the TypeScript client (src/cli/client.ts) through tsx, in this process.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/client.ts');
