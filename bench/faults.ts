// npm run bench:faults: the fault and load figures (README, "Operating it"). Runs the fault suite
// (own PostgreSQL cluster and redis-server, restarted at will), the load suite (300 heavy clients
// against a server process of its own: latencies and its peak RSS), the abandoned-request and the
// full-disk tests (an own cluster on a tmpfs) as tests do, then prints what they measured. Needs DATABASE_URL (the load suite's SIGTERM case) and the
// tools the fault suite names when it skips; REDIS_URL is not used (it starts its own Redis).
import { spawn } from 'node:child_process';

const child = spawn(
  'npx',
  ['vitest', 'run', 'test/faults.test.ts', 'test/load.test.ts', 'test/abandoned-requests.test.ts', 'test/disk-full.test.ts'],
  {
    env: { ...process.env, TEST_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
let out = '';
child.stdout.on('data', (d) => (out += d));
child.stderr.on('data', (d) => (out += d));
const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
// eslint-disable-next-line no-control-regex
const plain = out.replace(/\x1b\[[0-9;]*m/g, '');
const figures = plain.split('\n').filter((l) => l.startsWith('[measure]') || l.startsWith('[tests] skipping'));
const summary = plain.split('\n').filter((l) => /^\s*(Tests|Test Files)\s/.test(l));
console.log(`faults and load, ${new Date().toISOString()}`);
for (const line of [...figures, ...summary]) console.log(`  ${line.replace(/^\[measure\] /, '').trim()}`);
if (code !== 0)
  console.log(
    plain
      .split('\n')
      .filter((l) => /FAIL|AssertionError|Error:/.test(l))
      .slice(0, 20)
      .join('\n'),
  );
process.exit(code ?? 1);
