// npm run bench:api [-- --subscribers 1000 --runs 15 --deletions 3]
// The client API's costs (issue 14): a page of 500 jobs with counts, datafeed and deletion task
// against the same page with ids only (target <= 2x); a page of 50 at 10,000 jobs against one at
// 100 jobs; and 1,000 jobEvents subscribers on one instance receiving a job's DELETED (p99 lag
// < 200 ms), side by side with 100 subscribers on the same server. Needs DATABASE_URL (creates
// and drops its own database); runs the compiled build.
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../src/db/client.ts';
import { createScratchDatabase } from '../test/support/databases.ts';
import { benchArgs, databaseUrlFor, FigureTable, median, pct } from './figures.ts';
import { closeConnections, gql } from './graphql-http.ts';
import { connectedClient, spawnBenchServer, type BenchServer } from './server-process.ts';
import { DELETE_JOB, PUT_JOB } from './operations.ts';

const args = benchArgs();
const subscribers = Number(args.get('subscribers') ?? 1000);
const runs = Number(args.get('runs') ?? 15);
const deletions = Number(args.get('deletions') ?? 3);

const IDS_ONLY = `query ($first: Int, $after: String) { jobsConnection(first: $first, after: $after) { totalCount edges { cursor node { id } } } }`;
const FULL = `query ($first: Int, $after: String) { jobsConnection(first: $first, after: $after) { totalCount edges { cursor node {
  id counts { total } datafeed { id state } deletionTask { id state }
} } } }`;
const JOB_EVENTS = `subscription { jobEvents { kind jobId deletedNodeId } }`;

/** Median milliseconds of `runs` sends (after two unmeasured ones). */
async function timed(server: BenchServer, query: string, variables: Record<string, unknown>): Promise<number> {
  for (let i = 0; i < 2; i++) await gql(server, query, variables);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await gql(server, query, variables);
    ms.push(performance.now() - t);
  }
  return median(ms);
}

/**
 * Jobs `from`..`to`-1 in one set-based statement each for jobs, counts, datafeeds (every 5th)
 * and failed deletion tasks (every 7th, so Job.deletionTask has something to load).
 */
async function seedJobs(db: Database, from: number, to: number) {
  const q = (sql: string) => db.pool.query(sql, [from, to]);
  await q(`INSERT INTO jobs (id, groups, analysis_config, updated_at)
           SELECT 'bench-' || lpad(n::text, 5, '0'), ARRAY['bench'], '{}'::jsonb, now() FROM generate_series($1::int, $2::int - 1) AS n`);
  await q(`INSERT INTO job_row_counts (job_id, kind, rows)
           SELECT 'bench-' || lpad(n::text, 5, '0'), 'buckets', n FROM generate_series($1::int, $2::int - 1) AS n`);
  await q(`INSERT INTO datafeeds (id, job_id, indices)
           SELECT 'feed-' || lpad(n::text, 5, '0'), 'bench-' || lpad(n::text, 5, '0'), ARRAY['logs']
           FROM generate_series($1::int, $2::int - 1) AS n WHERE n % 5 = 0`);
  await q(`INSERT INTO tasks (id, node_id, action, description, job_id, state, error_type, error_reason, end_time)
           SELECT 'bench:' || n, 'bench', 'cluster:admin/xpack/ml/job/delete', 'delete-job-bench-' || lpad(n::text, 5, '0'),
                  'bench-' || lpad(n::text, 5, '0'), 'FAILED', 'exception', 'bench', now()
           FROM generate_series($1::int, $2::int - 1) AS n WHERE n % 7 = 0`);
  await q(`UPDATE jobs SET deleting = true, deletion_task_id = 'bench:' || ltrim(substr(id, 7), '0')
           WHERE id >= 'bench-' || lpad($1::text, 5, '0') AND id < 'bench-' || lpad($2::text, 5, '0') AND substr(id, 7)::int % 7 = 0`);
  await db.pool.query('ANALYZE jobs, job_row_counts, datafeeds, tasks');
}

/**
 * `count` sockets, one jobEvents subscription each; `deletions` jobs deleted one after another.
 * Lag of each DELETED after its task ended: p99 and median over every subscriber and deletion,
 * and the first subscriber's (what all share: commit, publish, the shared read) against the
 * spread to the last one (what each subscriber adds: execution, send, the client's parse).
 */
async function deletedFanOut(server: BenchServer, db: Database, count: number, deletions: number) {
  const clients = await Promise.all(Array.from({ length: count }, () => connectedClient(server)));
  const heard = new Map<string, number[]>();
  const stops = clients.map((c) =>
    c.subscribe<{ jobEvents: { kind: string; jobId: string } }>(
      { query: JOB_EVENTS },
      {
        next: (v) => {
          const e = v.data!.jobEvents;
          const key = `${e.kind}:${e.jobId}`;
          if (!heard.has(key)) heard.set(key, []);
          heard.get(key)!.push(Date.now());
        },
        error: (err) => console.error('subscription error', err),
        complete: () => {},
      },
    ),
  );
  const heardBy = async (key: string, ms: number) => {
    const deadline = Date.now() + ms;
    while ((heard.get(key)?.length ?? 0) < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return heard.get(key) ?? [];
  };
  // Every subscription is live once each has heard a probe's CREATED.
  for (let n = 0; ; n++) {
    const probe = `probe-${randomBytes(3).toString('hex')}`;
    await gql(server, PUT_JOB, { input: { jobId: probe, analysisConfig: {} } });
    if ((await heardBy(`CREATED:${probe}`, 2_000)).length === count) break;
    if (n > 20) throw new Error('subscriptions never all live');
  }
  const lags: number[] = [];
  const firsts: number[] = [];
  const spreads: number[] = [];
  let received = 0;
  for (let d = 0; d < deletions; d++) {
    const jobId = `gone-${randomBytes(3).toString('hex')}`;
    await gql(server, PUT_JOB, { input: { jobId, analysisConfig: {} } });
    await gql(server, DELETE_JOB, { jobId, waitForCompletion: true });
    const times = await heardBy(`DELETED:${jobId}`, 10_000);
    const { rows } = await db.pool.query<{ end: Date }>('SELECT end_time AS end FROM tasks WHERE job_id = $1', [jobId]);
    const these = times.map((t) => t - rows[0].end.getTime());
    received += these.length;
    lags.push(...these);
    firsts.push(Math.min(...these));
    spreads.push(Math.max(...these) - Math.min(...these));
  }
  for (const stop of stops) stop();
  await Promise.all(clients.map((c) => c.dispose()));
  return { received, expected: count * deletions, p99: pct(lags, 99), median: median(lags), first: median(firsts), spread: median(spreads) };
}

const database = await createScratchDatabase(databaseUrlFor('npm run bench:api'), 'mlbenchapi');
const db = await openDatabase({ databaseUrl: database.url, dataDir: '.data', migrate: true, poolSize: 4 });
const server = await spawnBenchServer(database.url, subscribers);
try {
  const table = new FigureTable();
  const { check } = table;
  const ms = (x: number) => `${x.toFixed(1)} ms`;

  await seedJobs(db, 0, 100);
  const small = await timed(server, FULL, { first: 50 });
  await seedJobs(db, 100, 500);
  const ids500 = await timed(server, IDS_ONLY, { first: 500 });
  const full500 = await timed(server, FULL, { first: 500 });
  check(
    'page of 500 jobs: counts+datafeed+deletionTask / ids only',
    `${ms(full500)} / ${ms(ids500)} = ${(full500 / ids500).toFixed(2)}x`,
    '<= 2x',
    full500 / ids500 <= 2,
  );
  await seedJobs(db, 500, 10_000);
  const large = await timed(server, FULL, { first: 50 });
  const middle = (await gql(server, IDS_ONLY, { first: 500, after: null })).jobsConnection.edges.at(-1).cursor as string;
  const largeMiddle = await timed(server, FULL, { first: 50, after: middle });
  check(
    'page of 50 (full fields): 10,000 jobs / 100 jobs',
    `${ms(large)} / ${ms(small)} = ${(large / small).toFixed(2)}x`,
    '<= 1.5x',
    large / small <= 1.5,
  );
  check(
    'the same, a page after job 500 / 100 jobs',
    `${ms(largeMiddle)} / ${ms(small)} = ${(largeMiddle / small).toFixed(2)}x`,
    '<= 1.5x',
    largeMiddle / small <= 1.5,
  );

  // Side by side on the same server: what 10x the subscribers costs.
  const few = Math.min(100, subscribers);
  const fans = [];
  for (const count of few < subscribers ? [few, subscribers] : [subscribers])
    fans.push({ count, ...(await deletedFanOut(server, db, count, deletions)) });
  for (const fan of fans) {
    const what = `${fan.count} jobEvents subscribers x ${deletions} deletions`;
    check(`${what}: DELETED received`, `${fan.received}/${fan.expected}`, 'all', fan.received === fan.expected);
    check(`${what}: DELETED lag p99 (median)`, `${fan.p99} ms (${fan.median} ms)`, '< 200 ms', fan.count < subscribers || fan.p99 < 200);
    check(`${what}: first subscriber's lag + spread to the last`, `${fan.first} ms + ${fan.spread} ms`, '(reported)', true);
  }
  if (fans.length === 2) {
    const [a, b] = fans;
    check(
      `DELETED lag p99: ${b.count} / ${a.count} subscribers`,
      `${b.p99} / ${a.p99} ms = ${(b.p99 / Math.max(1, a.p99)).toFixed(2)}x`,
      '(reported)',
      true,
    );
  }

  table.print();
} finally {
  await server.stop().catch(() => {});
  closeConnections();
  await db.close();
  await database.drop();
}
