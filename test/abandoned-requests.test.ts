// A request whose client went away stops its work on the database: statements of abandoned
// HTTP requests are cancelled (they would otherwise run to statement_timeout, 30 s by default),
// and the instance serves on. The statements are made to wait on a lock this test holds, so that
// they are surely still running when the clients leave.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQuery } from './operations/documents.ts';
import { putJob } from './support/jobs.ts';
import { postgresServer, unmet } from './support/requirements.ts';
import { ok, startServer, uniqueId, type TestServer } from './support/server.ts';
import { until } from './support/wait.ts';

const JOBS = 'query { jobs(ids: "_all") { id } }';

// pg_stat_activity and a second session holding a lock: a PostgreSQL server, not the embedded one.
const noServer = unmet('the abandoned-request test (pg_stat_activity, a lock held by a second session)', postgresServer());

describe.skipIf(noServer)('abandoned requests', () => {
  let server: TestServer;
  // One session holds the lock; another watches (pg_stat_activity is a snapshot per transaction).
  let locker: pg.Client;
  let watcher: pg.Client;
  beforeAll(async () => {
    server = await startServer();
    locker = new pg.Client({ connectionString: server.app.db.url });
    watcher = new pg.Client({ connectionString: server.app.db.url });
    await Promise.all([locker.connect(), watcher.connect()]);
  });
  afterAll(async () => {
    await Promise.all([locker?.end(), watcher?.end()]);
    await server?.stop();
  });

  const waitingApiStatements = async () =>
    (
      await watcher.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'ml-api' AND state = 'active' AND wait_event_type = 'Lock'`,
      )
    ).rows[0].n;

  it('statements of requests whose clients went away are cancelled within seconds; the instance serves on', async () => {
    const jobId = uniqueId('abandon');
    await putJob(server, jobId);
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE jobs IN ACCESS EXCLUSIVE MODE');
    const clients = Array.from({ length: 3 }, () => new AbortController());
    const requests = clients.map((c) =>
      fetch(server.graphqlUrl, {
        method: 'POST',
        signal: c.signal,
        headers: { 'content-type': 'application/json', authorization: `ApiKey ${server.adminKey}` },
        body: JSON.stringify({ query: JOBS }),
      }).then(
        async (res) => `answered ${res.status} ${await res.text()}`,
        (err: Error) => err.name,
      ),
    );
    await until('the requests to wait on the lock', async () => (await waitingApiStatements()) === clients.length);
    const since = performance.now();
    for (const c of clients) c.abort();
    expect(await Promise.all(requests)).toEqual(clients.map(() => 'AbortError'));
    // The lock is still held: only a cancel ends these statements.
    await until('the abandoned statements to be cancelled', async () => (await waitingApiStatements()) === 0, 10_000);
    console.log(`[measure] abandoned statements gone ${(performance.now() - since).toFixed(0)} ms after their clients left`);
    await locker.query('COMMIT');
    expect((await ok(server, JobQuery, { id: jobId })).job?.id).toBe(jobId);
  });
});
