// The API for client libraries and dashboards: global ids (Node), links between jobs and their
// deletion tasks, pages and change feeds. Real server on port 0, real database, HTTP and graphql-ws.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisConfig, asyncDelete, finalTask, jobWithData, putJob } from './support/jobs.ts';
import { SMALL_JOB_ROWS } from '../src/deletion/engine.ts';
import { gql, ok, sseSubscribe, startServer, uniqueId, wsClient, wsSubscribe, type TestServer } from './support/server.ts';
import { expectError } from './support/errors.ts';
import {
  CreateApiKeyMutation,
  IngestResultsMutation,
  OpenJobMutation,
  PutCalendarMutation,
  PutDatafeedMutation,
  PutJobMutation,
} from './operations/documents.ts';
import {
  ClientsCurrentApiKeyQuery,
  ClientsDeleteJobMutation,
  ClientsIdsOfEveryTypeQuery,
  ClientsJobLinksQuery,
  ClientsJobsFullPageQuery,
  ClientsJobsPageQuery,
  ClientsTasksPageQuery,
  ClientsNodeQuery,
  ClientsNodesQuery,
  ClientsTaskLinksQuery,
  ClientsJobEventsSubscription,
  ClientsJobEventsWithCountsSubscription,
  ClientsTaskEventsSubscription,
} from './operations/clients.ts';
import { eventMatching, probeUntilHeard, untilListening } from './support/feeds.ts';

let server: TestServer;
beforeAll(async () => {
  // Paced deletions: a deletion is still under way when the test reads it right after accepting.
  server = await startServer({ deleteBatchPauseMs: 200 });
});
afterAll(async () => {
  await server?.stop();
});

/** The SQL texts the server's API pool ran during `run` (pg-boss's own left out). */
async function queriesDuring(run: () => Promise<void>): Promise<string[]> {
  const pool = server.app.db.pool;
  const original = pool.query.bind(pool);
  const texts: string[] = [];
  pool.query = ((...args: Parameters<typeof pool.query>) => {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text;
    if (!text.includes('pgboss')) texts.push(text);
    return (original as (...a: unknown[]) => unknown)(...args);
  }) as typeof pool.query;
  try {
    await run();
  } finally {
    pool.query = original;
  }
  return texts;
}

async function keyWith(privileges: ('MONITOR_ML' | 'MANAGE_SECURITY' | 'MANAGE_ML')[]) {
  const created = (await ok(server, CreateApiKeyMutation, { name: uniqueId('key'), privileges })).createApiKey;
  return { id: created.apiKey.id, secret: created.secret };
}

describe('currentApiKey', () => {
  it("answers the calling key's name and privileges, whatever they are", async () => {
    for (const privileges of [['MONITOR_ML'], ['MANAGE_SECURITY']] as const) {
      const key = await keyWith([...privileges]);
      const me = (await ok(server, ClientsCurrentApiKeyQuery, {}, key.secret)).currentApiKey;
      expect(me).toMatchObject({ id: key.id, privileges, invalidated: false });
      expect(me.name).toMatch(/^key-/);
    }
    const refused = await gql(server, ClientsCurrentApiKeyQuery, {}, null);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });
});

describe('Node', () => {
  it('gives a job and a datafeed with the same id different nodeIds, and node() finds each of every type', async () => {
    const id = uniqueId('same');
    await jobWithData(server, id, 'closed');
    await ok(server, PutDatafeedMutation, { input: { datafeedId: id, jobId: id, indices: ['logs'] } });
    await ok(server, PutCalendarMutation, { calendarId: id, jobIds: [id] });
    const ids = await ok(server, ClientsIdsOfEveryTypeQuery, { jobId: id, datafeedId: id, calendarId: id });
    const nodeIds = [ids.job!.nodeId, ids.datafeed!.nodeId, ids.calendar!.nodeId, ...ids.annotations.map((a) => a.nodeId), ids.currentApiKey.nodeId];
    expect(new Set(nodeIds).size).toBe(nodeIds.length);
    expect(nodeIds.every((n) => !n.includes(id))).toBe(true); // opaque

    const node = async (nodeId: string) => (await ok(server, ClientsNodeQuery, { nodeId })).node;
    expect(await node(ids.job!.nodeId)).toEqual({ __typename: 'Job', nodeId: ids.job!.nodeId, id, state: 'CLOSED' });
    expect(await node(ids.datafeed!.nodeId)).toEqual({
      __typename: 'Datafeed',
      nodeId: ids.datafeed!.nodeId,
      id,
      jobId: id,
      datafeedState: 'STOPPED',
    });
    expect(await node(ids.calendar!.nodeId)).toEqual({ __typename: 'Calendar', nodeId: ids.calendar!.nodeId, id, jobIds: [id] });
    expect(await node(ids.annotations[0].nodeId)).toMatchObject({ __typename: 'Annotation', text: expect.any(String) });
    expect(await node(ids.currentApiKey.nodeId)).toMatchObject({ __typename: 'ApiKey', name: 'admin' });

    const listed = (await ok(server, ClientsNodesQuery, { nodeIds: [...nodeIds].reverse() })).nodes;
    expect(listed.map((n) => n?.nodeId)).toEqual([...nodeIds].reverse());
    expect(listed.map((n) => n?.__typename)).toEqual(['ApiKey', 'Annotation', 'Annotation', 'Calendar', 'Datafeed', 'Job']);
  });

  it('answers null for an object that is gone, and BAD_USER_INPUT for an id it did not issue', async () => {
    const id = uniqueId('gone');
    await putJob(server, id);
    const { nodeId } = (await ok(server, ClientsJobLinksQuery, { id })).job!;
    await ok(server, ClientsDeleteJobMutation, { jobId: id });
    expect((await ok(server, ClientsNodeQuery, { nodeId })).node).toBeNull();
    expect((await ok(server, ClientsNodesQuery, { nodeIds: [nodeId] })).nodes).toEqual([null]);
    for (const bad of ['nonsense', Buffer.from('Nope:1').toString('base64'), Buffer.from('Job:').toString('base64'), '']) {
      expectError(await gql(server, ClientsNodeQuery, { nodeId: bad }), 'BAD_USER_INPUT', `invalid nodeId [${bad}]`);
    }
  });

  it("checks the privilege of each node's type: a security-only key reads its own key, not jobs; a read-only key not other keys", async () => {
    const id = uniqueId('auth');
    await putJob(server, id);
    const { nodeId: jobNodeId } = (await ok(server, ClientsJobLinksQuery, { id })).job!;
    const security = await keyWith(['MANAGE_SECURITY']);
    const reader = await keyWith(['MONITOR_ML']);
    const own = (await ok(server, ClientsCurrentApiKeyQuery, {}, reader.secret)).currentApiKey.nodeId;
    const admin = (await ok(server, ClientsCurrentApiKeyQuery, {})).currentApiKey.nodeId;

    expect((await ok(server, ClientsNodeQuery, { nodeId: own }, reader.secret)).node).toMatchObject({ __typename: 'ApiKey', id: reader.id });
    expect((await ok(server, ClientsNodeQuery, { nodeId: jobNodeId }, reader.secret)).node).toMatchObject({ id });
    const otherKey = await gql(server, ClientsNodeQuery, { nodeId: admin }, reader.secret);
    expect(otherKey.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect((await ok(server, ClientsNodeQuery, { nodeId: admin }, security.secret)).node).toMatchObject({ __typename: 'ApiKey', name: 'admin' });
    const job = await gql(server, ClientsNodeQuery, { nodeId: jobNodeId }, security.secret);
    expect(job.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(job.errors?.[0].message).toBe(
      `action [cluster:monitor/xpack/ml/job/get] is unauthorized for API key [${(await ok(server, ClientsCurrentApiKeyQuery, {}, security.secret)).currentApiKey.name}]`,
    );
  });
});

describe('links between a job and its deletion', () => {
  it('DeletionTask.jobId, Job.deletionTask while deleting, Task.job until the job is gone, Task.jobId after', async () => {
    const id = uniqueId('link');
    // Past SMALL_JOB_ROWS, so that the deletion takes steps (paused 200 ms each) and is seen mid-way.
    await jobWithData(server, id, 'closed', 'SHARED', SMALL_JOB_ROWS);
    const answer = (await ok(server, ClientsDeleteJobMutation, { jobId: id, waitForCompletion: false })).deleteJob;
    expect(answer).toEqual({ __typename: 'DeletionTask', task: expect.any(String), jobId: id });
    const taskId = answer.__typename === 'DeletionTask' ? answer.task : '';
    const during = (await ok(server, ClientsTaskLinksQuery, { id: taskId })).task!;
    expect(during).toMatchObject({ jobId: id, job: { id, deleting: true } });
    const job = (await ok(server, ClientsJobLinksQuery, { id })).job!;
    expect(job.deletionTask).toMatchObject({ id: taskId, nodeId: during.nodeId, jobId: id, job: { id, nodeId: job.nodeId } });
    expect((await finalTask(server, taskId)).state).toBe('COMPLETED');
    expect((await ok(server, ClientsTaskLinksQuery, { id: taskId })).task).toMatchObject({ jobId: id, job: null, state: 'COMPLETED' });
    // A job created again with the id is not the deleted one's.
    await putJob(server, id);
    expect((await ok(server, ClientsTaskLinksQuery, { id: taskId })).task!.job).toBeNull();
    expect((await ok(server, ClientsJobLinksQuery, { id })).job!.deletionTask).toBeNull();
  });

  it('a synchronous deletion answers Acknowledged; the async answer of a job already deleting names the same task', async () => {
    const id = uniqueId('sync');
    await putJob(server, id);
    expect((await ok(server, ClientsDeleteJobMutation, { jobId: id })).deleteJob).toEqual({ __typename: 'Acknowledged', acknowledged: true });
    const other = uniqueId('twice');
    // Past SMALL_JOB_ROWS, so that the first deletion is still running when the second call comes.
    await jobWithData(server, other, 'closed', 'SHARED', SMALL_JOB_ROWS);
    const task = await asyncDelete(server, other);
    const again = (await ok(server, ClientsDeleteJobMutation, { jobId: other, waitForCompletion: false })).deleteJob;
    expect(again).toEqual({ __typename: 'DeletionTask', task, jobId: other });
    await finalTask(server, task);
  });
});

describe('jobsConnection', () => {
  const page = (variables: Parameters<typeof ok<unknown, object>>[2] & object) =>
    ok(server, ClientsJobsPageQuery, variables).then((d) => d.jobsConnection);
  const ids = (p: { edges: { node: { id: string } }[] }) => p.edges.map((e) => e.node.id);

  it('pages forward and backward by cursor, with totalCount and page info, ordered by id', async () => {
    const prefix = uniqueId('pg');
    const all = Array.from({ length: 7 }, (_, i) => `${prefix}-${i}`);
    for (const id of [...all].reverse()) await putJob(server, id);
    const filter = { ids: `${prefix}-*` };

    const first = await page({ first: 3, filter });
    expect(ids(first)).toEqual(all.slice(0, 3));
    expect(first.totalCount).toBe(7);
    expect(first.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.edges[0].cursor,
      endCursor: first.edges[2].cursor,
    });
    const second = await page({ first: 3, after: first.pageInfo.endCursor, filter });
    expect(ids(second)).toEqual(all.slice(3, 6));
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const third = await page({ first: 3, after: second.pageInfo.endCursor, filter });
    expect(ids(third)).toEqual(all.slice(6));
    expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    // A page that holds exactly the rows left says there is nothing after it, in every order.
    for (const orderBy of [undefined, { field: 'CREATED_AT' as const }, { field: 'TOTAL_ROWS' as const, direction: 'DESC' as const }]) {
      const head = await page({ first: 3, filter, orderBy });
      const rest = await page({ first: 4, after: head.pageInfo.endCursor, filter, orderBy });
      expect(rest.edges).toHaveLength(4);
      expect(rest.pageInfo, JSON.stringify(orderBy)).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      expect((await page({ first: 7, filter, orderBy })).pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    }

    const lastTwo = await page({ last: 2, filter });
    expect(ids(lastTwo)).toEqual(all.slice(5));
    expect(lastTwo.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = await page({ last: 2, before: lastTwo.pageInfo.startCursor, filter });
    expect(ids(before)).toEqual(all.slice(3, 5));
    expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const between = await page({ first: 10, after: first.edges[0].cursor, before: third.edges[0].cursor, filter });
    expect(ids(between)).toEqual(all.slice(1, 6));

    // A cursor stays valid when its row is gone: the page starts after where it was.
    await ok(server, ClientsDeleteJobMutation, { jobId: all[2] });
    const afterGone = await page({ first: 2, after: first.pageInfo.endCursor, filter });
    expect(ids(afterGone)).toEqual(all.slice(3, 5));
    expect(afterGone.totalCount).toBe(6);

    const desc = await page({ first: 2, filter, orderBy: { field: 'ID', direction: 'DESC' } });
    expect(ids(desc)).toEqual([all[6], all[5]]);
    const descNext = await page({ first: 2, after: desc.pageInfo.endCursor, filter, orderBy: { field: 'ID', direction: 'DESC' } });
    expect(ids(descNext)).toEqual([all[4], all[3]]);
    const created = await page({ first: 10, filter, orderBy: { field: 'CREATED_AT' } });
    expect(ids(created)).toEqual([6, 5, 4, 3, 1, 0].map((i) => all[i]));
    const empty = await page({ first: 0, filter });
    expect(empty).toMatchObject({ edges: [], totalCount: 6, pageInfo: { hasNextPage: true, startCursor: null, endCursor: null } });
  });

  it('orders by TOTAL_ROWS and filters by states, deleting and search; filters combine', async () => {
    const prefix = uniqueId('flt');
    const ts = '2026-01-01T00:00:00.000Z';
    const bucket = (minute: number) => ({
      timestamp: new Date(Date.parse(ts) + minute * 60_000).toISOString(),
      bucketSpanSeconds: 60,
      anomalyScore: 1,
    });
    await ok(server, PutJobMutation, {
      input: { jobId: `${prefix}-a`, analysisConfig, groups: [`${prefix}-payments`], description: 'checkout latency' },
    });
    await ok(server, PutJobMutation, { input: { jobId: `${prefix}-b`, analysisConfig, description: 'Search errors' } });
    await ok(server, PutJobMutation, { input: { jobId: `${prefix}-c`, analysisConfig } });
    for (const [id, n] of [
      ['b', 3],
      ['c', 1],
    ] as const) {
      await ok(server, OpenJobMutation, { jobId: `${prefix}-${id}` });
      await ok(server, IngestResultsMutation, { jobId: `${prefix}-${id}`, input: { buckets: Array.from({ length: n }, (_, i) => bucket(i)) } });
    }
    const filter = { ids: `${prefix}-*` };
    const byRows = await page({ filter, orderBy: { field: 'TOTAL_ROWS', direction: 'DESC' } });
    expect(ids(byRows)).toEqual([`${prefix}-b`, `${prefix}-c`, `${prefix}-a`]);
    const byRowsNext = await page({ first: 1, after: byRows.edges[0].cursor, filter, orderBy: { field: 'TOTAL_ROWS', direction: 'DESC' } });
    expect(ids(byRowsNext)).toEqual([`${prefix}-c`]);

    expect(ids(await page({ filter: { ...filter, states: ['OPENED'] } }))).toEqual([`${prefix}-b`, `${prefix}-c`]);
    expect(ids(await page({ filter: { ...filter, states: ['CLOSED', 'FAILED'] } }))).toEqual([`${prefix}-a`]);
    expect(ids(await page({ filter: { ...filter, search: 'PAYM' } }))).toEqual([`${prefix}-a`]);
    expect(ids(await page({ filter: { ...filter, search: 'search' } }))).toEqual([`${prefix}-b`]);
    expect(ids(await page({ filter: { search: `${prefix}-C` } }))).toEqual([`${prefix}-c`]);
    expect(ids(await page({ filter: { ...filter, deleting: false } }))).toHaveLength(3);
    expect(ids(await page({ filter: { ...filter, deleting: true } }))).toEqual([]);
    // A name that matches nothing matches nothing (no NOT_FOUND in a filter).
    expect(await page({ filter: { ids: `${prefix}-zzz` } })).toMatchObject({ edges: [], totalCount: 0 });
  });

  it('refuses sizes past 500 (pages of jobs and tasks, nodes), first with last, and cursors of another list or order', async () => {
    const p = await page({ first: 1 });
    const cursor = p.pageInfo.endCursor!;
    expectError(await gql(server, ClientsJobsPageQuery, { first: 501 }), 'BAD_USER_INPUT', 'first must be between 0 and 500, got 501');
    expectError(await gql(server, ClientsJobsPageQuery, { last: -1 }), 'BAD_USER_INPUT', 'last must be between 0 and 500, got -1');
    expectError(await gql(server, ClientsTasksPageQuery, { last: 501 }), 'BAD_USER_INPUT', 'last must be between 0 and 500, got 501');
    const nodeIds = Array.from({ length: 501 }, (_, i) => `id-${i}`);
    expectError(await gql(server, ClientsNodesQuery, { nodeIds }), 'BAD_USER_INPUT', 'nodes takes at most 500 ids, got 501');
    expectError(await gql(server, ClientsJobsPageQuery, { first: 1, last: 1 }), 'BAD_USER_INPUT', 'give first or last, not both');
    const foreign = 'invalid cursor in [after]: use a cursor of this list in the same order';
    expectError(await gql(server, ClientsJobsPageQuery, { first: 1, after: 'garbage' }), 'BAD_USER_INPUT', foreign);
    expectError(await gql(server, ClientsJobsPageQuery, { first: 1, after: cursor, orderBy: { field: 'CREATED_AT' } }), 'BAD_USER_INPUT', foreign);
    expectError(await gql(server, ClientsTasksPageQuery, { first: 1, after: cursor }), 'BAD_USER_INPUT', foreign);
  });

  it('loads a page with counts, datafeed and deletion task in a handful of queries, whatever its size', async () => {
    const prefix = uniqueId('many');
    const jobIds = Array.from({ length: 60 }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}`);
    for (const id of jobIds) await putJob(server, id);
    await ok(server, PutDatafeedMutation, { input: { datafeedId: `${prefix}-feed`, jobId: jobIds[0], indices: ['logs'] } });
    const texts = await queriesDuring(async () => {
      const full = (await ok(server, ClientsJobsFullPageQuery, { first: 60, filter: { ids: `${prefix}-*` } })).jobsConnection;
      expect(full.edges).toHaveLength(60);
      expect(full.edges[0].node).toMatchObject({ id: jobIds[0], datafeed: { id: `${prefix}-feed` }, counts: { total: 0 }, deletionTask: null });
    });
    // Authentication, page keys, total, rows, then one query each for counts, datafeeds (tasks: none to load).
    expect(texts.length, texts.join('\n---\n')).toBeLessThanOrEqual(8);
  });
});

describe('tasksConnection', () => {
  it('pages tasks newest first, filtered by job, state and action, with Task.job', async () => {
    const ids: string[] = [];
    const jobIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const jobId = uniqueId('tpg');
      jobIds.push(jobId);
      await jobWithData(server, jobId, 'closed');
      const task = await asyncDelete(server, jobId);
      ids.push(task);
      await finalTask(server, task);
    }
    const newest = [...ids].reverse();
    const firstTwo = (await ok(server, ClientsTasksPageQuery, { first: 2 })).tasksConnection;
    expect(firstTwo.edges.map((e) => e.node.id)).toEqual(newest.slice(0, 2));
    expect(firstTwo.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = (await ok(server, ClientsTasksPageQuery, { first: 1, after: firstTwo.pageInfo.endCursor })).tasksConnection;
    expect(next.edges.map((e) => e.node.id)).toEqual([newest[2]]);
    const byJob = (await ok(server, ClientsTasksPageQuery, { filter: { jobId: jobIds[1] } })).tasksConnection;
    expect(byJob).toMatchObject({ totalCount: 1, edges: [{ node: { id: ids[1], jobId: jobIds[1], state: 'COMPLETED', job: null } }] });
    const completed = (
      await ok(server, ClientsTasksPageQuery, { first: 500, filter: { states: ['COMPLETED'], actions: 'cluster:admin/xpack/ml/job/*' } })
    ).tasksConnection;
    expect(completed.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining(ids));
    expect(completed.edges.every((e) => e.node.state === 'COMPLETED')).toBe(true);
    expect((await ok(server, ClientsTasksPageQuery, { filter: { actions: 'nothing:*' } })).tasksConnection.totalCount).toBe(0);
    const last = (await ok(server, ClientsTasksPageQuery, { last: 1, filter: { jobId: jobIds[0] } })).tasksConnection;
    expect(last.edges.map((e) => e.node.id)).toEqual([ids[0]]);
  });
});

describe('jobEvents and taskEvents', () => {
  type JobEventOf = { data?: { jobEvents: { kind: string; jobId: string; deletedNodeId?: string | null } } | null };
  const kinds = (events: JobEventOf[], jobId: string) => events.filter((e) => e.data?.jobEvents.jobId === jobId).map((e) => e.data!.jobEvents.kind);

  it('jobEvents over WebSocket: CREATED, UPDATED, DELETING with the task, DELETED with deletedNodeId; other jobs filtered out', async () => {
    const prefix = uniqueId('feed');
    const client = wsClient(server);
    const feed = wsSubscribe(client, ClientsJobEventsSubscription, { filter: { ids: `${prefix}-*` } });
    try {
      await untilListening(server, feed, prefix);
      const jobId = `${prefix}-job`;
      await jobWithData(server, jobId, 'closed');
      await putJob(server, uniqueId('elsewhere'));
      const { nodeId } = (await ok(server, ClientsJobLinksQuery, { id: jobId })).job!;
      const task = await asyncDelete(server, jobId);
      const deleted = await eventMatching(feed, (e) => e.data?.jobEvents.jobId === jobId && e.data.jobEvents.kind === 'DELETED');
      expect(deleted.data!.jobEvents).toEqual({ kind: 'DELETED', jobId, jobNodeId: nodeId, deletedNodeId: nodeId, job: null });
      const seen = kinds(feed.events, jobId);
      expect(seen[0]).toBe('CREATED');
      expect(seen).toContain('UPDATED');
      expect(seen.at(-1)).toBe('DELETED');
      const deleting = feed.events.find((e) => e.data?.jobEvents.kind === 'DELETING' && e.data.jobEvents.jobId === jobId)!.data!.jobEvents;
      expect(deleting).toMatchObject({
        jobNodeId: nodeId,
        deletedNodeId: null,
        job: { nodeId, id: jobId, deleting: true, deletionTask: { id: task } },
      });
      // Filtered: nothing about jobs outside the prefix.
      expect(feed.events.every((e) => e.data?.jobEvents.jobId.startsWith(prefix))).toBe(true);
      expect(feed.events.every((e) => !e.errors)).toBe(true);
    } finally {
      feed.stop();
      await client.dispose();
    }
  });

  it('jobEvents over SSE; a filter on state and the read privilege apply', async () => {
    const prefix = uniqueId('sse');
    const feed = sseSubscribe(server, ClientsJobEventsSubscription, { filter: { ids: `${prefix}-*`, states: ['OPENED'] } });
    const all = sseSubscribe(server, ClientsJobEventsSubscription, { filter: { ids: `${prefix}-*` } });
    try {
      await untilListening(server, all, prefix);
      const jobId = `${prefix}-job`;
      await putJob(server, jobId);
      await ok(server, OpenJobMutation, { jobId });
      const opened = await eventMatching(feed, (e) => e.data?.jobEvents.jobId === jobId);
      expect(opened.data!.jobEvents).toMatchObject({ kind: 'UPDATED', job: { state: 'OPENED' } });
      await ok(server, ClientsDeleteJobMutation, { jobId, force: true });
      await eventMatching(feed, (e) => e.data?.jobEvents.kind === 'DELETED');
      // CREATED (a CLOSED job) was filtered out; DELETED is checked against ids only.
      expect(kinds(feed.events, jobId)[0]).toBe('UPDATED');
      expect(kinds(all.events, jobId)[0]).toBe('CREATED');
    } finally {
      feed.stop();
      all.stop();
    }
    const security = (await ok(server, CreateApiKeyMutation, { name: uniqueId('sec'), privileges: ['MANAGE_SECURITY'] })).createApiKey;
    for (const refusal of [
      sseSubscribe(server, ClientsJobEventsSubscription, {}, security.secret),
      sseSubscribe(server, ClientsTaskEventsSubscription, {}, security.secret),
    ]) {
      const refused = await refusal.done;
      expect(refused).toHaveLength(1);
      expect(refused[0].errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    }
  });

  it("reads an event's job fields once for all subscribers, not once each", async () => {
    const prefix = uniqueId('shared');
    const subscribers = 10;
    const client = wsClient(server);
    const feeds = Array.from({ length: subscribers }, () =>
      wsSubscribe(client, ClientsJobEventsWithCountsSubscription, { filter: { ids: `${prefix}-*` } }),
    );
    try {
      await probeUntilHeard(server, prefix, () => feeds.every((feed) => feed.events.length > 0));
      const jobId = `${prefix}-job`;
      await putJob(server, jobId);
      await ok(server, PutDatafeedMutation, { input: { datafeedId: `${prefix}-feed`, jobId, indices: ['logs'] } });
      type Feed = (typeof feeds)[number];
      const withFeed = (feed: Feed) => eventMatching(feed, (e) => e.data?.jobEvents.jobId === jobId && !!e.data.jobEvents.job?.datafeed);
      const opened = (feed: Feed) => eventMatching(feed, (e) => e.data?.jobEvents.jobId === jobId && e.data.jobEvents.job?.state === 'OPENED');
      // Every subscriber has had the datafeed's event: what follows reads for the open only.
      await Promise.all(feeds.map(withFeed));
      const texts = await queriesDuring(async () => {
        await ok(server, OpenJobMutation, { jobId });
        await Promise.all(feeds.map(opened));
      });
      for (const feed of feeds) {
        expect((await opened(feed)).data!.jobEvents).toEqual({
          kind: 'UPDATED',
          jobId,
          job: { id: jobId, state: 'OPENED', counts: { total: 0 }, datafeed: { id: `${prefix}-feed` } },
        });
      }
      // One read each of counts and datafeeds for the ten subscribers (each used to read its own).
      expect(
        texts.filter((t) => t.includes('job_row_counts')),
        texts.join('\n---\n'),
      ).toHaveLength(1);
      expect(
        texts.filter((t) => /FROM "public"\."datafeeds"/.test(t)),
        texts.join('\n---\n'),
      ).toHaveLength(1);
    } finally {
      for (const feed of feeds) feed.stop();
      await client.dispose();
    }
  });

  it('one taskEvents subscription follows several deletions to their ends, filtered by job', async () => {
    const prefix = uniqueId('tfeed');
    const client = wsClient(server);
    const tasks = wsSubscribe(client, ClientsTaskEventsSubscription, { filter: { actions: 'cluster:admin/xpack/ml/job/delete' } });
    const onlyOne = wsSubscribe(client, ClientsTaskEventsSubscription, { filter: { jobId: `${prefix}-0` } });
    const jobs = wsSubscribe(client, ClientsJobEventsSubscription, { filter: { ids: `${prefix}-*` } });
    try {
      await untilListening(server, jobs, prefix);
      const jobIds = [0, 1, 2].map((i) => `${prefix}-${i}`);
      for (const jobId of jobIds) await jobWithData(server, jobId, 'closed');
      const taskIds = await Promise.all(jobIds.map((jobId) => asyncDelete(server, jobId)));
      for (const [i, taskId] of taskIds.entries()) {
        const end = await eventMatching(tasks, (e) => e.data?.taskEvents.id === taskId && e.data.taskEvents.state === 'COMPLETED');
        expect(end.data!.taskEvents).toMatchObject({ jobId: jobIds[i], progress: { percent: 100 } });
      }
      await eventMatching(onlyOne, (e) => e.data?.taskEvents.state === 'COMPLETED');
      expect(new Set(onlyOne.events.map((e) => e.data?.taskEvents.id))).toEqual(new Set([taskIds[0]]));
      // Versions only move forward per task: no state is repeated out of order.
      for (const taskId of taskIds) {
        const states = tasks.events.filter((e) => e.data?.taskEvents.id === taskId).map((e) => e.data!.taskEvents.state);
        expect(states.indexOf('COMPLETED')).toBe(states.length - 1);
      }
    } finally {
      for (const s of [tasks, onlyOne, jobs]) s.stop();
      await client.dispose();
    }
  });
});
