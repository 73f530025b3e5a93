// A consumer project's view, with urql and Graphcache: entities keyed by `nodeId`, a jobEvents
// subscription that invalidates a deleted job. The setup is docs/clients.md's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, fetchExchange, gql, subscriptionExchange } from '@urql/core';
import { cacheExchange, type Cache, type Data } from '@urql/exchange-graphcache';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { putJob } from '../support/jobs.ts';
import { probeUntilHeard } from '../support/feeds.ts';
import { until } from '../support/wait.ts';
import { ok, startServer, uniqueId, type TestServer } from '../support/server.ts';
import { PutDatafeedMutation, DeleteDatafeedMutation } from '../operations/documents.ts';

// docs/clients.md, "urql with Graphcache"
function urqlClient(url: string, wsUrl: string, key: string) {
  const ws = createWsClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `ApiKey ${key}` } });
  const byNodeId = (data: Data) => (typeof data.nodeId === 'string' ? data.nodeId : null);
  return new Client({
    url,
    fetchOptions: { headers: { authorization: `ApiKey ${key}` } },
    exchanges: [
      cacheExchange({
        keys: {
          Job: byNodeId,
          Datafeed: byNodeId,
          Task: byNodeId,
          Calendar: byNodeId,
          Annotation: byNodeId,
          ApiKey: byNodeId,
          // Embedded values without an identity of their own.
          JobCounts: () => null,
          TaskProgress: () => null,
          TaskError: () => null,
          PageInfo: () => null,
          JobEdge: () => null,
          TaskEdge: () => null,
          JobConnection: () => null,
          TaskConnection: () => null,
          JobEvent: () => null,
          DeletionTask: () => null,
          Acknowledged: () => null,
        },
        updates: {
          Subscription: {
            jobEvents: (result: { jobEvents?: { deletedNodeId?: string | null } }, _args, cache: Cache) => {
              const gone = result.jobEvents?.deletedNodeId;
              if (gone) cache.invalidate({ __typename: 'Job', nodeId: gone });
            },
          },
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
}

const JOBS = gql`
  query UrqlJobs($filter: JobFilter) {
    jobsConnection(first: 50, filter: $filter) { totalCount edges { node { nodeId id state deleting datafeed { nodeId id state } } } }
  }
`;
const JOB = gql`
  query UrqlJob($nodeId: ID!) { node(nodeId: $nodeId) { __typename nodeId ... on Job { id state deleting } } }
`;
const JOB_EVENTS = gql`
  subscription UrqlJobEvents($filter: JobFilter) { jobEvents(filter: $filter) { kind jobId deletedNodeId job { nodeId id deleting } } }
`;

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ deleteBatchPauseMs: 100 });
});
afterAll(async () => {
  await server?.stop();
});

describe('urql with Graphcache', () => {
  it('keys entities by nodeId (a job and its same-id datafeed apart) and invalidates the job on DELETED', async () => {
    const prefix = uniqueId('urql');
    const jobId = `${prefix}-job`;
    await putJob(server, jobId);
    await ok(server, PutDatafeedMutation, { input: { datafeedId: jobId, jobId, indices: ['logs'] } });
    const client = urqlClient(server.graphqlUrl, server.wsUrl, server.adminKey);
    const page = await client.query(JOBS, { filter: { ids: `${prefix}-*` } }).toPromise();
    expect(page.error).toBeUndefined();
    const job = page.data.jobsConnection.edges[0].node;
    expect(job).toMatchObject({ id: jobId, state: 'CLOSED', datafeed: { id: jobId, state: 'STOPPED' } });
    // From the cache, by the job's key: still the job's state, not the datafeed's.
    const cached = await client.query(JOB, { nodeId: job.nodeId }, { requestPolicy: 'cache-first' }).toPromise();
    expect(cached.data.node).toMatchObject({ __typename: 'Job', id: jobId, state: 'CLOSED' });

    const kinds: string[] = [];
    const { unsubscribe } = client.subscription(JOB_EVENTS, { filter: { ids: `${prefix}-*` } }).subscribe((result) => {
      if (result.data) kinds.push(`${result.data.jobEvents.kind}:${result.data.jobEvents.jobId}`);
    });
    try {
      await probeUntilHeard(server, prefix, () => kinds.some((k) => k.startsWith('CREATED:')));
      await ok(server, DeleteDatafeedMutation, { datafeedId: jobId });
      await client
        .mutation(`mutation UrqlDelete($jobId: ID!) { deleteJob(jobId: $jobId, waitForCompletion: false) { __typename } }`, { jobId })
        .toPromise();
      await until('the subscription to see it', () => kinds.includes(`DELETED:${jobId}`));
      // Invalidated: a cache-only read of the job finds nothing.
      const afterwards = await client.query(JOB, { nodeId: job.nodeId }, { requestPolicy: 'cache-only' }).toPromise();
      expect(afterwards.data?.node ?? null).toBeNull();
      const fresh = await client.query(JOB, { nodeId: job.nodeId }, { requestPolicy: 'network-only' }).toPromise();
      expect(fresh.data.node).toBeNull();
    } finally {
      unsubscribe();
    }
  });
});
