// A consumer project's view, with Relay 21 compiled by relay-compiler: `nodeInterfaceIdField:
// "nodeId"` (relay/relay.config.json), `@refetchable` fragments refetched through
// node(nodeId:), a `@connection` over jobsConnection, and `@deleteRecord` on jobEvents'
// `deletedNodeId`. The compiler runs first (a test of its own): the schema must compile.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConnectionHandler,
  Environment,
  Network,
  Observable,
  RecordSource,
  Store,
  commitMutation,
  fetchQuery,
  requestSubscription,
  type GraphQLResponse,
} from 'relay-runtime';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { putJob } from '../support/jobs.ts';
import { probeUntilHeard } from '../support/feeds.ts';
import { until } from '../support/wait.ts';
import { ok, startServer, uniqueId, type TestServer } from '../support/server.ts';
import { DeleteDatafeedMutation, PutDatafeedMutation } from '../operations/documents.ts';
import JobsQuery from './relay/generated/RelayDocsJobsQuery.graphql.ts';
import PaginationQuery from './relay/generated/RelayDocsJobListPaginationQuery.graphql.ts';
import RefetchQuery from './relay/generated/RelayDocsJobRefetchQuery.graphql.ts';
import JobEventsSubscription from './relay/generated/RelayDocsJobEventsSubscription.graphql.ts';
import DeleteJobMutation from './relay/generated/RelayDocsDeleteJobMutation.graphql.ts';

// docs/clients.md, "Relay"
function relayEnvironment(url: string, wsUrl: string, key: string) {
  const ws = createWsClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `ApiKey ${key}` } });
  const fetchFn = async (operation: { text?: string | null; name: string }, variables: Record<string, unknown>) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `ApiKey ${key}` },
      body: JSON.stringify({ query: operation.text, operationName: operation.name, variables }),
    });
    return (await res.json()) as GraphQLResponse;
  };
  const subscribeFn = (operation: { text?: string | null; name: string }, variables: Record<string, unknown>) =>
    Observable.create<GraphQLResponse>((sink) =>
      ws.subscribe({ query: operation.text ?? '', operationName: operation.name, variables }, sink as Parameters<typeof ws.subscribe>[1]),
    );
  const environment = new Environment({
    network: Network.create(fetchFn, subscribeFn),
    store: new Store(new RecordSource()),
    // Records are identified by the global nodeId (the compiler's nodeInterfaceIdField).
    getDataID: (fieldValue) => (fieldValue as { nodeId?: string }).nodeId,
  });
  return { environment, close: () => ws.dispose() };
}

const run = promisify(execFile);
let server: TestServer;
beforeAll(async () => {
  server = await startServer({ deleteBatchPauseMs: 100 });
});
afterAll(async () => {
  await server?.stop();
});

describe('Relay 21', () => {
  it('relay-compiler compiles the operations against schema.graphql (artifacts up to date)', async () => {
    const { stdout } = await run('../../../node_modules/.bin/relay-compiler', ['--validate'], { cwd: 'test/consumers/relay' });
    expect(stdout).toMatch(/Done/);
  });

  it('pages with @connection, refetches a @refetchable fragment by nodeId, and deletes the record on DELETED', async () => {
    const prefix = uniqueId('relay');
    const ids = ['a', 'b', 'c'].map((s) => `${prefix}-${s}`);
    for (const id of ids) await putJob(server, id);
    await ok(server, PutDatafeedMutation, { input: { datafeedId: ids[0], jobId: ids[0], indices: ['logs'] } });
    const { environment, close } = relayEnvironment(server.graphqlUrl, server.wsUrl, server.adminKey);
    const source = () => environment.getStore().getSource();
    try {
      const filter = { ids: `${prefix}-*` };
      await fetchQuery(environment, JobsQuery, { filter }).toPromise();
      const connection = () => ConnectionHandler.getConnection(rootProxy(environment), 'RelayDocs_jobsConnection', { filter });
      const jobRecords = () => Object.values(source().toJSON()).filter((r) => r?.__typename === 'Job' && String(r.id).startsWith(prefix));
      expect(jobRecords().map((r) => r!.id)).toEqual(ids.slice(0, 2));
      const first = jobRecords()[0]!;
      const datafeedRef = (first.datafeed as { __ref: string }).__ref;
      // The job and its same-id datafeed are two records: no "globally unique id" violation.
      expect(first).toMatchObject({ id: ids[0], state: 'CLOSED' });
      expect(source().get(datafeedRef)).toMatchObject({ __typename: 'Datafeed', id: ids[0], state: 'STOPPED' });
      expect(connection()).toBeTruthy();

      const endCursor = connection()!.getLinkedRecord('pageInfo')!.getValue('endCursor') as string;
      await fetchQuery(environment, PaginationQuery, { first: 2, after: endCursor, filter }).toPromise();
      expect(jobRecords().map((r) => r!.id)).toEqual(ids);
      expect(
        connection()!
          .getLinkedRecords('edges')!
          .map((e) => e!.getLinkedRecord('node')!.getValue('id')),
      ).toEqual(ids);

      // @refetchable on a Job fragment: refetched through node(nodeId:).
      expect(RefetchQuery.params.text).toContain('node(nodeId: $nodeId)');
      const refetched = (await fetchQuery(environment, RefetchQuery, { nodeId: first.nodeId as string }).toPromise()) as { node: object | null };
      expect(refetched.node).toBeTruthy();
      expect(source().get(first.nodeId as string)).toMatchObject({ __typename: 'Job', id: ids[0], state: 'CLOSED' });

      const kinds: string[] = [];
      const subscription = requestSubscription(environment, {
        subscription: JobEventsSubscription,
        variables: { filter },
        onNext: (event) => {
          const e = (event as { jobEvents: { kind: string; jobId: string } }).jobEvents;
          kinds.push(`${e.kind}:${e.jobId}`);
        },
      });
      try {
        await probeUntilHeard(server, prefix, () => kinds.some((k) => k.startsWith('CREATED:')));
        await ok(server, DeleteDatafeedMutation, { datafeedId: ids[0] });
        const answer = await new Promise<unknown>((resolve, reject) =>
          commitMutation(environment, { mutation: DeleteJobMutation, variables: { jobId: ids[0] }, onCompleted: resolve, onError: reject }),
        );
        expect(answer).toMatchObject({ deleteJob: { __typename: 'DeletionTask', jobId: ids[0] } });
        await until('the subscription to see it', () => kinds.includes(`DELETED:${ids[0]}`));
        // @deleteRecord removed the job's record from the store.
        expect(source().get(first.nodeId as string)).toBeNull();
        expect(source().get(jobRecords()[0]!.nodeId as string)).toMatchObject({ id: ids[1] });
      } finally {
        subscription.dispose();
      }
    } finally {
      await close();
    }
  });
});

function rootProxy(environment: Environment) {
  let root: ReturnType<Parameters<Parameters<typeof environment.commitUpdate>[0]>[0]['getRoot']> | undefined;
  environment.commitUpdate((store) => (root = store.getRoot()));
  return root!;
}
