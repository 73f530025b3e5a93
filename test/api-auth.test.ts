// Authentication (D1) and privileges (D2) for every root field of the served schema, over HTTP,
// graphql-ws and SSE; API keys: created once with their secret, listed without it, invalidated at
// once, stored hashed. Real server on port 0, real database, real clients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { ExecutionResult } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { schema } from '../src/schema/index.ts';
import { analysisConfig, jobWithData, putJob } from './support/jobs.ts';
import { gql, ok, sseSubscribe, startServer, uniqueId, wsClient, wsSubscribe, type Result, type TestServer } from './support/server.ts';
import {
  AnnotationsQuery,
  ApiKeysQuery,
  CalendarQuery,
  CloseJobMutation,
  CreateApiKeyMutation,
  DeleteDatafeedMutation,
  DeleteJobMutation,
  IngestResultsMutation,
  InvalidateApiKeyMutation,
  JobQuery,
  JobsQuery,
  NotificationsQuery,
  OpenJobMutation,
  PutAnnotationMutation,
  PutCalendarMutation,
  PutDatafeedMutation,
  PutJobMutation,
  TaskQuery,
  TasksQuery,
} from './operations/documents.ts';
import {
  ApiApiKeysQuery,
  ApiCreateApiKeyMutation,
  ApiDatafeedQuery,
  ApiStartDatafeedMutation,
  ApiStopDatafeedMutation,
  ApiTaskProgressSubscription,
  ApiTypeFieldsQuery,
} from './operations/api.ts';
import {
  ClientsCurrentApiKeyQuery,
  ClientsJobLinksQuery,
  ClientsJobsPageQuery,
  ClientsNodeQuery,
  ClientsNodesQuery,
  ClientsTasksPageQuery,
} from './operations/clients.ts';

type Privilege = 'ALL' | 'MANAGE' | 'MANAGE_ML' | 'MONITOR' | 'MONITOR_ML' | 'MANAGE_SECURITY';
type Access = 'read' | 'write' | 'security' | 'authenticated';
interface Key {
  name: string;
  secret: string;
  id?: string;
}
type ErrorsOf = { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };

const UNAUTHENTICATED = 'missing authentication credentials for request';
const PRIVILEGES: readonly Privilege[] = ['ALL', 'MANAGE', 'MANAGE_ML', 'MONITOR', 'MONITOR_ML', 'MANAGE_SECURITY'];
/** Who may do what (contract: README "Authentication", delete-job.md D2). */
const GRANTED: Record<Access, readonly Privilege[]> = {
  read: ['ALL', 'MANAGE', 'MANAGE_ML', 'MONITOR', 'MONITOR_ML'],
  write: ['ALL', 'MANAGE', 'MANAGE_ML'],
  security: ['ALL', 'MANAGE_SECURITY'],
  authenticated: PRIVILEGES,
};

function expectError(result: ErrorsOf, code: string, type: string, status: number, message: string) {
  expect(result.errors, JSON.stringify(result.errors)).toHaveLength(1);
  expect(result.errors![0].message).toBe(message);
  expect(result.errors![0].extensions).toMatchObject({ code, type, status });
}
const expectUnauthenticated = (result: ErrorsOf) => expectError(result, 'UNAUTHENTICATED', 'security_exception', 401, UNAUTHENTICATED);
const expectForbidden = (result: ErrorsOf, action: string, keyName: string) =>
  expectError(result, 'FORBIDDEN', 'security_exception', 403, `action [${action}] is unauthorized for API key [${keyName}]`);

let server: TestServer;
/** One key per privilege; ALL is the bootstrap key (named `admin`). */
const keys = {} as Record<Privilege, Key>;
/** Objects the read operations look at. */
const fixture = { jobId: '', datafeedId: '', calendarId: '', taskId: '', deletedJobId: '' };

async function createKey(name: string, privileges: Privilege[]): Promise<Required<Key>> {
  const data = await ok(server, CreateApiKeyMutation, { name, privileges });
  return { name: data.createApiKey.apiKey.name, secret: data.createApiKey.secret, id: data.createApiKey.apiKey.id };
}

beforeAll(async () => {
  server = await startServer();
  keys.ALL = { name: 'admin', secret: server.adminKey };
  for (const privilege of PRIVILEGES.filter((p) => p !== 'ALL'))
    keys[privilege] = await createKey(uniqueId(privilege.toLowerCase().replace('_', '-')), [privilege]);

  fixture.jobId = uniqueId('auth-read');
  await jobWithData(server, fixture.jobId);
  fixture.datafeedId = `df-${fixture.jobId}`;
  await ok(server, PutDatafeedMutation, { input: { datafeedId: fixture.datafeedId, jobId: fixture.jobId, indices: ['logs-*'] } });
  fixture.calendarId = uniqueId('auth-cal');
  await ok(server, PutCalendarMutation, { calendarId: fixture.calendarId, jobIds: [fixture.jobId] });
  // A finished deletion task, for task, tasks and taskProgress.
  const gone = (fixture.deletedJobId = uniqueId('auth-gone'));
  await putJob(server, gone);
  await ok(server, DeleteJobMutation, { jobId: gone });
  const tasks = (await ok(server, TasksQuery, { actions: 'cluster:admin/xpack/ml/job/delete' })).tasks;
  fixture.taskId = tasks.find((t) => t.description === `delete-job-${gone}`)!.id;
});
afterAll(async () => {
  await server?.stop();
});

/** A prepared call: `run` sends it with a key; `verify` checks a success; `unchanged` that a refusal wrote nothing. */
interface Prepared {
  run: (key: string | null) => Promise<Result<unknown>>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case reads its own operation's answer
  verify: (data: any, key: Key) => void | Promise<void>;
  unchanged?: () => Promise<void>;
}
interface Row {
  field: string;
  action: string;
  access: Access;
  /** Builds what one call needs (as the admin), fresh for every successful call. */
  prepare: () => Promise<Prepared>;
}

/** The root field's value in a result (null when absent). */
const fieldOf = (result: Result<unknown>, field: string) => (result.data as Record<string, unknown> | null | undefined)?.[field] ?? null;
const send =
  <R, V>(doc: TypedDocumentNode<R, V>, variables: V) =>
  (key: string | null) =>
    gql(server, doc, variables, key);
const stateOf = async (jobId: string) => (await ok(server, JobQuery, { id: jobId })).job;
const datafeedOf = async (id: string) => (await ok(server, ApiDatafeedQuery, { id })).datafeed;
const ts = '2026-02-01T00:00:00.000Z';

async function openedJob(prefix: string) {
  const jobId = uniqueId(prefix);
  await putJob(server, jobId);
  await ok(server, OpenJobMutation, { jobId });
  return jobId;
}

async function jobWithDatafeed(prefix: string, started: boolean) {
  const jobId = await openedJob(prefix);
  const datafeedId = `df-${jobId}`;
  await ok(server, PutDatafeedMutation, { input: { datafeedId, jobId, indices: ['logs-*'] } });
  if (started) await ok(server, ApiStartDatafeedMutation, { datafeedId });
  return { jobId, datafeedId };
}

const jobNodeId = async () => (await ok(server, ClientsJobLinksQuery, { id: fixture.jobId })).job!.nodeId;

// The action names are Elasticsearch's (src/auth/actions.ts), written out here on purpose.
const ROWS: Row[] = [
  {
    field: 'currentApiKey',
    action: 'cluster:admin/xpack/security/user/authenticate',
    access: 'authenticated',
    prepare: async () => ({
      run: send(ClientsCurrentApiKeyQuery, {}),
      verify: (d, key) => expect(d.currentApiKey).toMatchObject({ name: key.name, invalidated: false }),
    }),
  },
  {
    // A job's global id needs the privilege of job(id).
    field: 'node',
    action: 'cluster:monitor/xpack/ml/job/get',
    access: 'read',
    prepare: async () => {
      const nodeId = await jobNodeId();
      return { run: send(ClientsNodeQuery, { nodeId }), verify: (d) => expect(d.node).toMatchObject({ __typename: 'Job', id: fixture.jobId }) };
    },
  },
  {
    field: 'nodes',
    action: 'cluster:monitor/xpack/ml/job/get',
    access: 'read',
    prepare: async () => {
      const nodeId = await jobNodeId();
      return { run: send(ClientsNodesQuery, { nodeIds: [nodeId] }), verify: (d) => expect(d.nodes).toEqual([{ __typename: 'Job', nodeId }]) };
    },
  },
  {
    field: 'jobsConnection',
    action: 'cluster:monitor/xpack/ml/job/get',
    access: 'read',
    prepare: async () => ({
      run: send(ClientsJobsPageQuery, { filter: { ids: fixture.jobId } }),
      verify: (d) => expect(d.jobsConnection).toMatchObject({ totalCount: 1, edges: [{ node: { id: fixture.jobId } }] }),
    }),
  },
  {
    field: 'tasksConnection',
    action: 'cluster:monitor/tasks/lists',
    access: 'read',
    prepare: async () => ({
      run: send(ClientsTasksPageQuery, { filter: { jobId: fixture.deletedJobId } }),
      verify: (d) => expect(d.tasksConnection).toMatchObject({ totalCount: 1, edges: [{ node: { id: fixture.taskId } }] }),
    }),
  },
  {
    field: 'job',
    action: 'cluster:monitor/xpack/ml/job/get',
    access: 'read',
    prepare: async () => ({
      run: send(JobQuery, { id: fixture.jobId }),
      verify: (d) => expect(d.job).toMatchObject({ id: fixture.jobId, counts: { total: 12 } }),
    }),
  },
  {
    field: 'jobs',
    action: 'cluster:monitor/xpack/ml/job/get',
    access: 'read',
    prepare: async () => ({
      run: send(JobsQuery, { ids: fixture.jobId }),
      verify: (d) => expect(d.jobs).toEqual([{ id: fixture.jobId, groups: [] }]),
    }),
  },
  {
    field: 'datafeed',
    action: 'cluster:monitor/xpack/ml/datafeeds/get',
    access: 'read',
    prepare: async () => ({
      run: send(ApiDatafeedQuery, { id: fixture.datafeedId }),
      verify: (d) => expect(d.datafeed).toMatchObject({ id: fixture.datafeedId, jobId: fixture.jobId }),
    }),
  },
  {
    field: 'task',
    action: 'cluster:monitor/task/get',
    access: 'read',
    prepare: async () => ({
      run: send(TaskQuery, { id: fixture.taskId }),
      verify: (d) => expect(d.task).toMatchObject({ id: fixture.taskId, state: 'COMPLETED' }),
    }),
  },
  {
    field: 'tasks',
    action: 'cluster:monitor/tasks/lists',
    access: 'read',
    prepare: async () => ({
      run: send(TasksQuery, { actions: 'cluster:admin/xpack/ml/job/delete' }),
      verify: (d) => expect(d.tasks.map((t: { id: string }) => t.id)).toContain(fixture.taskId),
    }),
  },
  {
    field: 'annotations',
    action: 'cluster:monitor/xpack/ml/annotations/get',
    access: 'read',
    prepare: async () => ({
      run: send(AnnotationsQuery, { jobId: fixture.jobId }),
      verify: (d) => expect(d.annotations.map((a: { createdBy: string }) => a.createdBy).sort()).toEqual(['_xpack', 'admin']),
    }),
  },
  {
    field: 'calendar',
    action: 'cluster:monitor/xpack/ml/calendars/get',
    access: 'read',
    prepare: async () => ({
      run: send(CalendarQuery, { id: fixture.calendarId }),
      verify: (d) => expect(d.calendar).toEqual({ id: fixture.calendarId, jobIds: [fixture.jobId] }),
    }),
  },
  {
    field: 'notifications',
    action: 'cluster:monitor/xpack/ml/notifications/get',
    access: 'read',
    prepare: async () => ({
      run: send(NotificationsQuery, { jobId: fixture.jobId }),
      verify: (d) =>
        expect(d.notifications.map((n: { message: string }) => n.message).slice(0, 3)).toEqual(['Job created', 'Job opened', 'Job closed']),
    }),
  },
  {
    field: 'putJob',
    action: 'cluster:admin/xpack/ml/job/put',
    access: 'write',
    prepare: async () => {
      const jobId = uniqueId('auth-put');
      return {
        run: send(PutJobMutation, { input: { jobId, analysisConfig } }),
        verify: (d) => expect(d.putJob).toEqual({ id: jobId, state: 'CLOSED', deleting: false, groups: [] }),
        unchanged: async () => expect(await stateOf(jobId)).toBeNull(),
      };
    },
  },
  {
    field: 'openJob',
    action: 'cluster:admin/xpack/ml/job/open',
    access: 'write',
    prepare: async () => {
      const jobId = uniqueId('auth-open');
      await putJob(server, jobId);
      return {
        run: send(OpenJobMutation, { jobId }),
        verify: (d) => expect(d.openJob).toEqual({ id: jobId, state: 'OPENED' }),
        unchanged: async () => expect((await stateOf(jobId))!.state).toBe('CLOSED'),
      };
    },
  },
  {
    field: 'closeJob',
    action: 'cluster:admin/xpack/ml/job/close',
    access: 'write',
    prepare: async () => {
      const jobId = await openedJob('auth-close');
      return {
        run: send(CloseJobMutation, { jobId }),
        verify: (d) => expect(d.closeJob).toEqual({ id: jobId, state: 'CLOSED' }),
        unchanged: async () => expect((await stateOf(jobId))!.state).toBe('OPENED'),
      };
    },
  },
  {
    field: 'putDatafeed',
    action: 'cluster:admin/xpack/ml/datafeeds/put',
    access: 'write',
    prepare: async () => {
      const jobId = uniqueId('auth-pdf');
      await putJob(server, jobId);
      const datafeedId = `df-${jobId}`;
      return {
        run: send(PutDatafeedMutation, { input: { datafeedId, jobId, indices: ['logs-*'] } }),
        verify: (d) => expect(d.putDatafeed).toEqual({ id: datafeedId, jobId, state: 'STOPPED', indices: ['logs-*'] }),
        unchanged: async () => expect(await datafeedOf(datafeedId)).toBeNull(),
      };
    },
  },
  {
    field: 'startDatafeed',
    action: 'cluster:admin/xpack/ml/datafeed/start',
    access: 'write',
    prepare: async () => {
      const { jobId, datafeedId } = await jobWithDatafeed('auth-start', false);
      return {
        run: send(ApiStartDatafeedMutation, { datafeedId }),
        verify: (d) => expect(d.startDatafeed).toEqual({ id: datafeedId, jobId, state: 'STARTED' }),
        unchanged: async () => expect((await datafeedOf(datafeedId))!.state).toBe('STOPPED'),
      };
    },
  },
  {
    field: 'stopDatafeed',
    action: 'cluster:admin/xpack/ml/datafeed/stop',
    access: 'write',
    prepare: async () => {
      const { jobId, datafeedId } = await jobWithDatafeed('auth-stop', true);
      return {
        run: send(ApiStopDatafeedMutation, { datafeedId }),
        verify: (d) => expect(d.stopDatafeed).toEqual({ id: datafeedId, jobId, state: 'STOPPED' }),
        unchanged: async () => expect((await datafeedOf(datafeedId))!.state).toBe('STARTED'),
      };
    },
  },
  {
    field: 'deleteDatafeed',
    action: 'cluster:admin/xpack/ml/datafeeds/delete',
    access: 'write',
    prepare: async () => {
      const { datafeedId } = await jobWithDatafeed('auth-ddf', false);
      return {
        run: send(DeleteDatafeedMutation, { datafeedId }),
        verify: async (d) => {
          expect(d.deleteDatafeed).toEqual({ acknowledged: true });
          expect(await datafeedOf(datafeedId)).toBeNull();
        },
        unchanged: async () => expect(await datafeedOf(datafeedId)).not.toBeNull(),
      };
    },
  },
  {
    field: 'ingestResults',
    action: 'cluster:admin/xpack/ml/job/data/post',
    access: 'write',
    prepare: async () => {
      const jobId = await openedJob('auth-ingest');
      return {
        run: send(IngestResultsMutation, { jobId, input: { buckets: [{ timestamp: ts, bucketSpanSeconds: 900, anomalyScore: 3 }] } }),
        verify: (d) => expect(d.ingestResults).toMatchObject({ total: 1, buckets: 1 }),
        unchanged: async () => expect((await stateOf(jobId))!.counts.total).toBe(0),
      };
    },
  },
  {
    field: 'putAnnotation',
    action: 'cluster:admin/xpack/ml/annotations/put',
    access: 'write',
    prepare: async () => {
      const jobId = uniqueId('auth-ann');
      await putJob(server, jobId);
      return {
        run: send(PutAnnotationMutation, { jobId, input: { timestamp: ts, text: 'by a key' } }),
        // createdBy is the name of the key that wrote it.
        verify: (d, key) => expect(d.putAnnotation.createdBy).toBe(key.name),
        unchanged: async () => expect((await ok(server, AnnotationsQuery, { jobId })).annotations).toEqual([]),
      };
    },
  },
  {
    field: 'putCalendar',
    action: 'cluster:admin/xpack/ml/calendars/put',
    access: 'write',
    prepare: async () => {
      const jobId = uniqueId('auth-pcal');
      await putJob(server, jobId);
      const calendarId = `cal-${jobId}`;
      return {
        run: send(PutCalendarMutation, { calendarId, jobIds: [jobId] }),
        verify: (d) => expect(d.putCalendar).toEqual({ id: calendarId, jobIds: [jobId] }),
        unchanged: async () => expect((await ok(server, CalendarQuery, { id: calendarId })).calendar).toBeNull(),
      };
    },
  },
  {
    field: 'deleteJob',
    action: 'cluster:admin/xpack/ml/job/delete',
    access: 'write',
    prepare: async () => {
      const jobId = uniqueId('auth-del');
      await putJob(server, jobId);
      return {
        run: send(DeleteJobMutation, { jobId }),
        verify: async (d) => {
          expect(d.deleteJob).toEqual({ __typename: 'Acknowledged', acknowledged: true });
          expect(await stateOf(jobId)).toBeNull();
        },
        unchanged: async () => expect(await stateOf(jobId)).toMatchObject({ id: jobId, deleting: false }),
      };
    },
  },
  {
    field: 'apiKeys',
    action: 'cluster:admin/xpack/security/api_key/get',
    access: 'security',
    prepare: async () => ({
      run: send(ApiKeysQuery, undefined as never),
      verify: (d) => expect(d.apiKeys.map((k: { name: string }) => k.name)).toEqual(expect.arrayContaining(['admin', keys.MONITOR_ML.name])),
    }),
  },
  {
    field: 'createApiKey',
    action: 'cluster:admin/xpack/security/api_key/create',
    access: 'security',
    prepare: async () => {
      const name = uniqueId('auth-created');
      return {
        run: send(CreateApiKeyMutation, { name, privileges: ['MONITOR_ML'] }),
        verify: (d) =>
          expect(d.createApiKey).toMatchObject({ secret: expect.any(String), apiKey: { name, privileges: ['MONITOR_ML'], invalidated: false } }),
        unchanged: async () => expect((await ok(server, ApiKeysQuery)).apiKeys.map((k) => k.name)).not.toContain(name),
      };
    },
  },
  {
    field: 'invalidateApiKey',
    action: 'cluster:admin/xpack/security/api_key/invalidate',
    access: 'security',
    prepare: async () => {
      const victim = await createKey(uniqueId('auth-victim'), ['MONITOR_ML']);
      return {
        run: send(InvalidateApiKeyMutation, { id: victim.id }),
        verify: async (d) => {
          expect(d.invalidateApiKey).toEqual({ acknowledged: true });
          expectUnauthenticated(await gql(server, JobsQuery, { ids: fixture.jobId }, victim.secret));
        },
        unchanged: async () => expect((await gql(server, JobsQuery, { ids: fixture.jobId }, victim.secret)).errors).toBeUndefined(),
      };
    },
  },
];

/** The change feeds are checked over SSE and WebSocket in api-clients.test.ts. */
const FEEDS = ['jobEvents', 'taskEvents'];

/** The subscription is checked over its own transports below. */
const SUBSCRIPTION = { field: 'taskProgress', action: 'cluster:monitor/task/get', access: 'read' as Access };

describe('every root field', () => {
  it('the table covers exactly the root fields of the served schema', () => {
    const served = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) => Object.keys(type!.getFields()));
    expect([...ROWS.map((r) => r.field), SUBSCRIPTION.field, ...FEEDS].sort()).toEqual(served.sort());
  });

  it.each(ROWS)('$field ($access): D1 refuses no or unknown credentials; D2 allows exactly the privileges that grant $access', async (row) => {
    const prepared = await row.prepare();
    for (const credential of [null, 'not-a-real-key', `${server.adminKey}x`]) {
      const result = await prepared.run(credential);
      expectUnauthenticated(result);
      expect(fieldOf(result, row.field)).toBeNull();
    }
    const denied = PRIVILEGES.filter((p) => !GRANTED[row.access].includes(p));
    expect(denied.length > 0).toBe(row.access !== 'authenticated');
    for (const privilege of denied) {
      const result = await prepared.run(keys[privilege].secret);
      expectForbidden(result, row.action, keys[privilege].name);
      expect(fieldOf(result, row.field)).toBeNull();
    }
    await prepared.unchanged?.();
    // The refusals changed nothing: the first allowed key succeeds on the same prepared call.
    let first = true;
    for (const privilege of GRANTED[row.access]) {
      const call = first ? prepared : await row.prepare();
      first = false;
      const result = await call.run(keys[privilege].secret);
      expect(result.errors, `${row.field} with ${privilege}: ${JSON.stringify(result.errors)}`).toBeUndefined();
      await call.verify(result.data, keys[privilege]);
    }
  });
});

describe('taskProgress (subscription) over SSE and WebSocket', () => {
  const readers = GRANTED.read;
  const events = (collected: ExecutionResult<{ taskProgress: { id: string; state: string } }>[]) => collected.map((e) => e.data?.taskProgress);

  it('SSE: no or unknown credentials end the stream with UNAUTHENTICATED', async () => {
    for (const credential of [null, 'not-a-real-key']) {
      const stream = await sseSubscribe(server, ApiTaskProgressSubscription, { id: fixture.taskId }, credential).done;
      expect(stream).toHaveLength(1);
      expectUnauthenticated(stream[0]);
    }
  });

  /** What a subscriber of the fixture's finished deletion gets: its terminal state, once. */
  const completedFixtureTask = () => [
    {
      id: fixture.taskId,
      action: 'cluster:admin/xpack/ml/job/delete',
      description: `delete-job-${fixture.deletedJobId}`,
      state: 'COMPLETED',
      completed: true,
    },
  ];

  it('SSE: every read privilege follows a task; MANAGE_SECURITY is FORBIDDEN', async () => {
    for (const privilege of readers) {
      const stream = await sseSubscribe(server, ApiTaskProgressSubscription, { id: fixture.taskId }, keys[privilege].secret).done;
      expect(events(stream), privilege).toEqual(completedFixtureTask());
    }
    const refused = await sseSubscribe(server, ApiTaskProgressSubscription, { id: fixture.taskId }, keys.MANAGE_SECURITY.secret).done;
    expect(refused).toHaveLength(1);
    expectForbidden(refused[0], SUBSCRIPTION.action, keys.MANAGE_SECURITY.name);
  });

  it('WebSocket: connection_init without a key or with an unknown one is closed with 4403', async () => {
    for (const credential of [null, 'not-a-real-key']) {
      const client = wsClient(server, credential);
      const closed = await wsSubscribe(client, ApiTaskProgressSubscription, { id: fixture.taskId }).done.catch(
        (e: { code?: number; reason?: string }) => e,
      );
      expect(closed).toMatchObject({ code: 4403, reason: UNAUTHENTICATED });
      await client.dispose();
    }
  });

  it('WebSocket: every read privilege follows a task; MANAGE_SECURITY is FORBIDDEN', async () => {
    for (const privilege of readers) {
      const client = wsClient(server, keys[privilege].secret);
      const stream = await wsSubscribe(client, ApiTaskProgressSubscription, { id: fixture.taskId }).done;
      await client.dispose();
      expect(events(stream), privilege).toEqual(completedFixtureTask());
    }
    const client = wsClient(server, keys.MANAGE_SECURITY.secret);
    const refused = await wsSubscribe(client, ApiTaskProgressSubscription, { id: fixture.taskId }).done;
    await client.dispose();
    expect(refused).toHaveLength(1);
    expectForbidden(refused[0], SUBSCRIPTION.action, keys.MANAGE_SECURITY.name);
  });
});

/** One query or mutation over graphql-ws: exactly one result. */
async function wsOnce<R, V>(client: Client, doc: TypedDocumentNode<R, V>, variables: V): Promise<ExecutionResult<R>> {
  const results = await wsSubscribe(client, doc, variables).done;
  expect(results).toHaveLength(1);
  return results[0];
}

describe('queries and mutations over graphql-ws', () => {
  it('a MONITOR_ML key reads, but putJob and createApiKey are FORBIDDEN', async () => {
    const client = wsClient(server, keys.MONITOR_ML.secret);
    try {
      expect((await wsOnce(client, JobsQuery, { ids: fixture.jobId })).data).toEqual({ jobs: [{ id: fixture.jobId, groups: [] }] });
      const jobId = uniqueId('ws-denied');
      expectForbidden(
        await wsOnce(client, PutJobMutation, { input: { jobId, analysisConfig } }),
        'cluster:admin/xpack/ml/job/put',
        keys.MONITOR_ML.name,
      );
      expectForbidden(
        await wsOnce(client, CreateApiKeyMutation, { name: 'x', privileges: ['ALL'] }),
        'cluster:admin/xpack/security/api_key/create',
        keys.MONITOR_ML.name,
      );
      expect(await stateOf(jobId)).toBeNull();
    } finally {
      await client.dispose();
    }
  });

  it('MANAGE_SECURITY creates a working key over WebSocket but cannot read jobs', async () => {
    const client = wsClient(server, keys.MANAGE_SECURITY.secret);
    try {
      const name = uniqueId('ws-created');
      const created = await wsOnce(client, ApiCreateApiKeyMutation, { name, privileges: ['MANAGE_ML'] });
      expect(created.errors).toBeUndefined();
      expect(created.data!.createApiKey.apiKey).toMatchObject({ name, privileges: ['MANAGE_ML'], invalidated: false });
      const jobId = uniqueId('ws-created-job');
      expect((await gql(server, PutJobMutation, { input: { jobId, analysisConfig } }, created.data!.createApiKey.secret)).data?.putJob.id).toBe(
        jobId,
      );
      expectForbidden(await wsOnce(client, JobQuery, { id: fixture.jobId }), 'cluster:monitor/xpack/ml/job/get', keys.MANAGE_SECURITY.name);
    } finally {
      await client.dispose();
    }
  });
});

describe('API keys', () => {
  it('createApiKey returns the secret once; the key authenticates with exactly its privileges', async () => {
    const name = uniqueId('reader');
    const a = (await ok(server, ApiCreateApiKeyMutation, { name, privileges: ['MONITOR_ML', 'MONITOR_ML'] })).createApiKey;
    const b = (await ok(server, ApiCreateApiKeyMutation, { name, privileges: ['MONITOR_ML'] })).createApiKey;
    expect(a.secret).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(a.apiKey).toMatchObject({ name, privileges: ['MONITOR_ML'], invalidated: false });
    expect(Date.parse(a.apiKey.createdAt)).not.toBeNaN();
    // Two keys, even of one name, are two ids and two secrets.
    expect(b.apiKey.id).not.toBe(a.apiKey.id);
    expect(b.secret).not.toBe(a.secret);
    expect((await gql(server, JobsQuery, { ids: fixture.jobId }, a.secret)).errors).toBeUndefined();
    expectForbidden(
      await gql(server, PutJobMutation, { input: { jobId: uniqueId('nope'), analysisConfig } }, a.secret),
      'cluster:admin/xpack/ml/job/put',
      name,
    );
    // The scheme is case-insensitive; another scheme is no credential.
    for (const header of [`apikey ${a.secret}`, `APIKEY ${a.secret}`]) {
      const res = await fetch(server.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: header },
        body: JSON.stringify({ query: '{ jobs(ids: "_all") { id } }' }),
      });
      expect(((await res.json()) as ErrorsOf).errors).toBeUndefined();
    }
    const bearer = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a.secret}` },
      body: JSON.stringify({ query: '{ jobs(ids: "_all") { id } }' }),
    });
    expectUnauthenticated((await bearer.json()) as ErrorsOf);
  });

  it('createApiKey refuses an empty name or no privilege', async () => {
    expectError(
      await gql(server, CreateApiKeyMutation, { name: '  ', privileges: ['MONITOR'] }),
      'BAD_USER_INPUT',
      'illegal_argument_exception',
      400,
      'api key name must be 1 to 256 characters',
    );
    expectError(
      await gql(server, CreateApiKeyMutation, { name: 'x'.repeat(257), privileges: ['MONITOR'] }),
      'BAD_USER_INPUT',
      'illegal_argument_exception',
      400,
      'api key name must be 1 to 256 characters',
    );
    expectError(
      await gql(server, CreateApiKeyMutation, { name: 'no-privilege', privileges: [] }),
      'BAD_USER_INPUT',
      'illegal_argument_exception',
      400,
      'an api key needs at least one privilege',
    );
    const names = (await ok(server, ApiKeysQuery)).apiKeys.map((k) => k.name);
    expect(names).not.toContain('no-privilege');
  });

  it('apiKeys never returns a secret: not as a field, not in any value', async () => {
    const created = await createKey(uniqueId('listed'), ['MANAGE_ML']);
    const res = await gql(server, ApiApiKeysQuery, undefined as never);
    expect(res.errors).toBeUndefined();
    const listed = res.data!.apiKeys.find((k) => k.id === created.id);
    expect(listed).toMatchObject({ id: created.id, name: created.name, privileges: ['MANAGE_ML'], invalidated: false });
    const raw = JSON.stringify(res.data);
    for (const secret of [created.secret, server.adminKey, keys.MONITOR_ML.secret]) expect(raw).not.toContain(secret);
    const fields = (await ok(server, ApiTypeFieldsQuery, { name: 'ApiKey' })).__type!.fields!.map((f) => f.name);
    expect(fields).toEqual(expect.arrayContaining(['id', 'name', 'privileges', 'createdAt', 'invalidated']));
    expect(fields.filter((f) => /secret|hash|salt|lookup/i.test(f))).toEqual([]);
  });

  it('invalidateApiKey: the key is UNAUTHENTICATED at once, over HTTP, on an open WebSocket and on a new one', async () => {
    const victim = await createKey(uniqueId('victim'), ['MANAGE_ML']);
    const socket = createClient({
      url: server.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      connectionParams: { authorization: `ApiKey ${victim.secret}` },
    });
    try {
      expect((await wsOnce(socket, JobsQuery, { ids: fixture.jobId })).errors).toBeUndefined();
      expect((await ok(server, InvalidateApiKeyMutation, { id: victim.id })).invalidateApiKey).toEqual({ acknowledged: true });
      expectUnauthenticated(await gql(server, JobsQuery, { ids: fixture.jobId }, victim.secret));
      expectUnauthenticated(await wsOnce(socket, JobsQuery, { ids: fixture.jobId }));
      const jobId = uniqueId('after-invalidate');
      expectUnauthenticated(await wsOnce(socket, PutJobMutation, { input: { jobId, analysisConfig } }));
      expect(await stateOf(jobId)).toBeNull();
    } finally {
      await socket.dispose();
    }
    const fresh = wsClient(server, victim.secret);
    const closed = await wsSubscribe(fresh, JobsQuery, { ids: fixture.jobId }).done.catch((e: { code?: number; reason?: string }) => e);
    expect(closed).toMatchObject({ code: 4403, reason: UNAUTHENTICATED });
    await fresh.dispose();
    const listed = (await ok(server, ApiKeysQuery)).apiKeys.find((k) => k.id === victim.id);
    expect(listed).toMatchObject({ name: victim.name, invalidated: true });
  });

  it('invalidateApiKey of an unknown id is NOT_FOUND', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-key-id']) {
      expectError(await gql(server, InvalidateApiKeyMutation, { id }), 'NOT_FOUND', 'resource_not_found_exception', 404, `api key [${id}] not found`);
    }
  });

  it('secrets are not stored in clear: no column of api_keys holds one', async () => {
    const created = await createKey(uniqueId('stored'), ['MONITOR']);
    const { rows } = await server.app.db.pool.query<{ id: string; row: string }>(`SELECT id, t::text AS row FROM api_keys t`);
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining([created.id, keys.MANAGE.id]));
    const secrets = [created.secret, server.adminKey, ...PRIVILEGES.map((p) => keys[p].secret)];
    for (const { row } of rows) {
      for (const secret of secrets) {
        expect(row).not.toContain(secret);
        expect(row).not.toContain(Buffer.from(secret).toString('hex'));
        expect(row).not.toContain(Buffer.from(secret).toString('base64'));
      }
    }
  });
});
