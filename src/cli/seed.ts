// npm run seed -- --job <id> --results <n>: applies pending migrations (like npm start), then
// creates the CLOSED job <id> owning exactly <n> rows spread over every kind JobCounts counts.
// npm run seed -- --jobs <n> --results <m> [--prefix fleet-]: a fleet of <n> such jobs of <m>
// rows each (ids <prefix>0001...). --dedicated: the jobs get tables of their own (storage.ts).
// Exit codes: 0 done, 1 refused or failed (e.g. the id exists), 2 bad arguments, 130 interrupted.
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { runningEmbeddedUrl } from '../db/embedded.ts';
import { MlError } from '../errors.ts';
import { assertValidId } from '../jobs/ids.ts';
import { MAX_FLEET_JOBS, MAX_SEED_ROWS, seedFleet, seedJob } from '../seed/seed.ts';

const USAGE = `usage: npm run seed -- --job <id> --results <n> [--dedicated]   (n: an integer from 0 to ${MAX_SEED_ROWS})
       npm run seed -- --jobs <n> --results <m> [--prefix <p>] [--dedicated]   (n: 1 to ${MAX_FLEET_JOBS}; ids <p><n>, default prefix fleet-)`;

function usage(problem?: string): never {
  if (problem) console.error(`error: ${problem}`);
  console.error(USAGE);
  process.exit(2);
}

interface Args {
  jobId?: string;
  jobs?: number;
  prefix: string;
  rows: number;
  dedicated: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const values: Record<string, string> = {};
  let dedicated = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    }
    if (arg === '--dedicated') {
      dedicated = true;
      continue;
    }
    const match = /^--(job|jobs|results|prefix)(?:=(.*))?$/s.exec(arg);
    if (!match) usage(`unknown argument '${arg}'`);
    const [, name, inline] = match;
    let value = inline;
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) usage(`--${name} needs a value`);
    }
    if (name in values) usage(`--${name} given twice`);
    values[name] = value;
  }
  if (values.job === undefined && values.jobs === undefined) usage('--job or --jobs is required');
  if (values.job !== undefined && values.jobs !== undefined) usage('--job and --jobs exclude each other');
  if (values.prefix !== undefined && values.jobs === undefined) usage('--prefix needs --jobs');
  if (values.results === undefined) usage('--results is required');
  const raw = values.results.replaceAll('_', '');
  if (!/^\d+$/.test(raw) || Number(raw) > MAX_SEED_ROWS) usage(`--results must be an integer from 0 to ${MAX_SEED_ROWS}, got '${values.results}'`);
  const prefix = values.prefix ?? 'fleet-';
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    const n = values.jobs.replaceAll('_', '');
    if (!/^\d+$/.test(n) || Number(n) < 1 || Number(n) > MAX_FLEET_JOBS)
      usage(`--jobs must be an integer from 1 to ${MAX_FLEET_JOBS}, got '${values.jobs}'`);
    jobs = Number(n);
  }
  try {
    assertValidId(values.job ?? `${prefix}${jobs}`);
  } catch (err) {
    usage(err instanceof Error ? err.message : String(err));
  }
  return { jobId: values.job, jobs, prefix, rows: Number(raw), dedicated };
}

const { jobId, jobs, prefix, rows, dedicated } = parseArgs(process.argv.slice(2));
const storage = dedicated ? 'DEDICATED' : 'SHARED';

/** On a terminal a line at most every second; in a log, one at each quarter. */
function progressReporter(total: number, what: string, unit: string): (done: number) => void {
  const started = performance.now();
  const line = (done: number) => {
    const s = (performance.now() - started) / 1000;
    const pct = total ? Math.floor((done / total) * 100) : 100;
    console.error(`seeding ${what}: ${done}/${total} ${unit} (${pct}%), ${s.toFixed(1)}s`);
  };
  if (process.stderr.isTTY) {
    let last = started;
    return (done) => {
      const now = performance.now();
      if (done < total && now - last >= 1000) {
        last = now;
        line(done);
      }
    };
  }
  // A run shorter than half a second needs no progress at all.
  let nextQuarter = 1;
  return (done) => {
    if (done >= total || !total) return;
    const quarter = Math.floor((done / total) * 4);
    if (quarter >= nextQuarter) {
      nextQuarter = quarter + 1;
      if (performance.now() - started >= 500) line(done);
    }
  };
}

const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrate: true });
// An embedded database this process started serves nobody else (a running server's would be
// another process's): then the seed may use its fast path there too (see src/seed/seed.ts).
const exclusive = db.embedded && !runningEmbeddedUrl(config.dataDir);
// Ctrl-C stops between two statements and removes the half-made job instead of leaving it.
const abort = new AbortController();
const onSignal = () => abort.abort();
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);
let exitCode = 0;
try {
  if (jobs !== undefined) {
    const result = await seedFleet(
      db,
      { jobs, results: rows, prefix, storage, maxDedicatedJobs: config.maxDedicatedJobs, signal: abort.signal, exclusive },
      progressReporter(jobs, `${jobs} jobs`, 'jobs'),
    );
    const seconds = result.ms / 1000;
    const rate = (n: number) => (seconds > 0 ? Math.round(n / seconds) : n);
    console.log(
      `seeded ${jobs} ${storage.toLowerCase()} jobs ${prefix}*: ${result.rows} rows in ${seconds.toFixed(2)}s (${rate(jobs)} jobs/s, ${rate(result.rows)} rows/s)`,
    );
  } else {
    const result = await seedJob(db, jobId!, rows, progressReporter(rows, `job ${jobId}`, 'rows'), { signal: abort.signal, exclusive, storage });
    const seconds = result.ms / 1000;
    const rate = seconds > 0 ? Math.round(rows / seconds) : rows;
    console.log(`seeded job ${jobId}: ${rows} rows in ${seconds.toFixed(2)}s (${rate} rows/s)`);
    const { buckets, records, influencers, categories, forecasts, modelSnapshots, modelStateDocs, annotations } = result;
    const kinds = { buckets, records, influencers, categories, forecasts, modelSnapshots, modelStateDocs, annotations };
    console.log(
      '  ' +
        Object.entries(kinds)
          .map(([kind, n]) => `${kind}=${n}`)
          .join(' '),
    );
  }
} catch (err) {
  if (err instanceof MlError) {
    console.error(`error: ${err.message}`);
    exitCode = 1;
  } else if (abort.signal.aborted) {
    console.error(jobId ? `interrupted: job ${jobId} was not created` : `interrupted: the jobs seeded so far stay`);
    exitCode = 130;
  } else {
    console.error(err);
    exitCode = 1;
  }
} finally {
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  await db.close();
}
// Exit once the output is flushed rather than when the event loop drains: anything a library
// leaves behind (an idle pg pool kept ~10 s, seen with the migration step) must not hold a CLI.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
process.exit(exitCode);
