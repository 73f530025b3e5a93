// A consumer project's view, with Apollo Client 4: the cache normalises every object by its
// global `nodeId` (dataIdFromObject), so a job and a datafeed with the same id stay apart, and a
// jobEvents subscription evicts a deleted job by `deletedNodeId`. The setup is docs/clients.md's.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { putJob } from '../support/jobs.ts';
import { probeUntilHeard } from '../support/feeds.ts';
import { until } from '../support/wait.ts';
import { ok, startServer, uniqueId, type TestServer } from '../support/server.ts';
import { DeleteDatafeedMutation, PutDatafeedMutation } from '../operations/documents.ts';

// docs/clients.md, "Apollo Client"
function apolloClient(url: string, wsUrl: string, key: string) {
  const { possibleTypes } = JSON.parse(readFileSync('clients/possible-types.json', 'utf8')) as { possibleTypes: Record<string, string[]> };
  const http = new HttpLink({ uri: url, headers: { authorization: `ApiKey ${key}` } });
  const ws = new GraphQLWsLink(createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `ApiKey ${key}` } }));
  const isSubscription = ({ query }: ApolloLink.Operation) => {
    const definition = getMainDefinition(query);
    return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
  };
  return new ApolloClient({
    link: ApolloLink.split(isSubscription, ws, http),
    cache: new InMemoryCache({
      possibleTypes,
      // `id` is Elasticsearch's (a job and a datafeed may share it); `nodeId` is unique.
      dataIdFromObject: (object) => (typeof object.nodeId === 'string' ? object.nodeId : undefined),
    }),
  });
}

interface JobNode {
  nodeId: string;
  id: string;
  state: string;
  deleting: boolean;
  datafeed: { nodeId: string; id: string; state: string } | null;
}
type Filter = { filter: { ids: string } };
const JOBS: TypedDocumentNode<{ jobsConnection: { totalCount: number; edges: { node: JobNode }[] } }, Filter> = gql`
  query ApolloJobs($filter: JobFilter) {
    jobsConnection(first: 50, filter: $filter) {
      totalCount
      edges { cursor node { nodeId id state deleting datafeed { nodeId id state } deletionTask { nodeId id state } } }
    }
  }
`;
const JOB_EVENTS: TypedDocumentNode<{ jobEvents: { kind: string; jobId: string; deletedNodeId: string | null } }, Filter> = gql`
  subscription ApolloJobEvents($filter: JobFilter) {
    jobEvents(filter: $filter) { kind jobId jobNodeId deletedNodeId job { nodeId id deleting deletionTask { nodeId id state } } }
  }
`;
const DELETE_JOB: TypedDocumentNode<{ deleteJob: { __typename: string; task?: string; jobId?: string } }, { jobId: string }> = gql`
  mutation ApolloDeleteJob($jobId: ID!) { deleteJob(jobId: $jobId, waitForCompletion: false) { __typename ... on DeletionTask { task jobId } } }
`;

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ deleteBatchPauseMs: 100 });
});
afterAll(async () => {
  await server?.stop();
});

describe('Apollo Client 4', () => {
  it('keeps a job and its same-id datafeed apart, marks the job deleting, and evicts it on DELETED', async () => {
    const prefix = uniqueId('apollo');
    const jobId = `${prefix}-job`;
    await putJob(server, jobId);
    await ok(server, PutDatafeedMutation, { input: { datafeedId: jobId, jobId, indices: ['logs'] } });
    const client = apolloClient(server.graphqlUrl, server.wsUrl, server.adminKey);
    try {
      const { data } = await client.query({ query: JOBS, variables: { filter: { ids: `${prefix}-*` } } });
      const job = data!.jobsConnection.edges[0].node;
      expect(job).toMatchObject({ id: jobId, state: 'CLOSED', datafeed: { id: jobId, state: 'STOPPED' } });
      const cached = client.cache.extract() as Record<string, Record<string, unknown>>;
      expect(cached[job.nodeId]).toMatchObject({ __typename: 'Job', id: jobId, state: 'CLOSED' });
      expect(cached[job.datafeed!.nodeId]).toMatchObject({ __typename: 'Datafeed', id: jobId, state: 'STOPPED' });

      const kinds: string[] = [];
      // What the cache held for the job when each DELETING event was delivered (the deletion may
      // end, and its DELETED evict the job, before the test looks again).
      const cachedWhileDeleting: unknown[] = [];
      const subscription = client.subscribe({ query: JOB_EVENTS, variables: { filter: { ids: `${prefix}-*` } } }).subscribe({
        next: ({ data: event }) => {
          const e = event!.jobEvents;
          kinds.push(`${e.kind}:${e.jobId}`);
          if (e.kind === 'DELETING' && e.jobId === jobId) cachedWhileDeleting.push((client.cache.extract() as Record<string, unknown>)[job.nodeId]);
          // docs/clients.md: a DELETED event evicts the job everywhere it is shown.
          if (e.deletedNodeId) {
            client.cache.evict({ id: e.deletedNodeId });
            client.cache.gc();
          }
        },
      });
      try {
        // A feed has no first event: it is live once it hears a probe job's CREATED.
        await probeUntilHeard(server, prefix, () => kinds.some((k) => k.startsWith('CREATED:')));
        await ok(server, DeleteDatafeedMutation, { datafeedId: jobId });
        const deleted = await client.mutate({ mutation: DELETE_JOB, variables: { jobId } });
        expect(deleted.data!.deleteJob).toMatchObject({ __typename: 'DeletionTask', jobId });
        await until('the subscription to see it', () => kinds.includes(`DELETING:${jobId}`));
        // The DELETING event's job (with its nodeId) updated the cached job in place.
        expect(cachedWhileDeleting[0]).toMatchObject({ deleting: true });
        await until('the subscription to see it', () => kinds.includes(`DELETED:${jobId}`));
        const after = client.cache.extract() as Record<string, Record<string, unknown>>;
        expect(after[job.nodeId]).toBeUndefined();
        const again = await client.query({ query: JOBS, variables: { filter: { ids: jobId } }, fetchPolicy: 'network-only' });
        expect(again.data!.jobsConnection.totalCount).toBe(0);
      } finally {
        subscription.unsubscribe();
      }
    } finally {
      client.stop();
    }
  });
});
