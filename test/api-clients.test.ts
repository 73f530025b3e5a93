// The API for client libraries and dashboards: global ids (Node), links between jobs and their
// deletion tasks, pages and change feeds. Real server on port 0, real database, HTTP and graphql-ws.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asyncDelete, finalTask, jobWithData, putJob } from './support/jobs.ts';
import { gql, ok, startServer, uniqueId, type TestServer } from './support/server.ts';
import { expectError } from './support/errors.ts';
import { CreateApiKeyMutation, PutCalendarMutation, PutDatafeedMutation } from './operations/documents.ts';
import {
  ClientsCurrentApiKeyQuery,
  ClientsDeleteJobMutation,
  ClientsIdsOfEveryTypeQuery,
  ClientsJobLinksQuery,
  ClientsNodeQuery,
  ClientsNodesQuery,
  ClientsTaskLinksQuery,
} from './operations/clients.ts';

let server: TestServer;
beforeAll(async () => {
  // Paced deletions: a deletion is still under way when the test reads it right after accepting.
  server = await startServer({ deleteBatchPauseMs: 200 });
});
afterAll(async () => {
  await server?.stop();
});

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
    await jobWithData(server, id, 'closed');
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
    await jobWithData(server, other, 'closed');
    const task = await asyncDelete(server, other);
    const again = (await ok(server, ClientsDeleteJobMutation, { jobId: other, waitForCompletion: false })).deleteJob;
    expect(again).toEqual({ __typename: 'DeletionTask', task, jobId: other });
    await finalTask(server, task);
  });
});
