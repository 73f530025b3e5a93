// The cost limit counts list sizes (src/limits/query-cost.ts): a field answering many objects
// multiplies the cost of what is selected below it, whether its size is a literal, a variable or
// unknown (`jobs(ids)`), so an expensive read is refused before it runs with BAD_USER_INPUT, 400.
// The service's own persisted documents are exempt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPersistedDocuments } from '../src/http/persisted-documents.ts';
import { expectError } from './support/errors.ts';
import { startServer, type TestServer } from './support/server.ts';

const JOB = `id description groups state deleting createdAt analysisConfig dataDescription storage resultsIndexName nodeId
  counts { total buckets records annotations influencers categories forecasts modelSnapshots modelStateDocs }
  deletionTask { id state attempts lastError }`;
const COST = /^Query Cost limit of 5000 exceeded, found \d+(\.\d+)?\.$/;

describe('cost limit with list sizes', () => {
  let server: TestServer;
  beforeAll(async () => {
    // The rule at a limit of 5,000 (the default, 50,000, leaves room for the API's largest pages).
    server = await startServer({ maxCost: 5000 });
  });
  afterAll(async () => server?.stop());

  const send = async (body: Record<string, unknown>) => {
    const res = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `ApiKey ${server.adminKey}` },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] },
    };
  };
  const refusedForCost = (reply: Awaited<ReturnType<typeof send>>) => {
    expect(reply.status).toBe(400);
    expectError(reply.body, 'BAD_USER_INPUT', reply.body.errors?.[0]?.message ?? '');
    expect(reply.body.errors![0].message).toMatch(COST);
  };

  it('a list of unknown size counts as many items: the selection is fine on job(id), too costly on jobs(ids)', async () => {
    const one = await send({ query: `{ job(id: "nope") { ${JOB} } }` });
    expect(one.status).toBe(200);
    expect(one.body.errors?.[0]?.message ?? '').not.toMatch(COST);
    refusedForCost(await send({ query: `{ jobs(ids: "_all") { ${JOB} } }` }));
  });

  it('a connection counts its `first`, also when it comes in a variable', async () => {
    const query = `query Page($n: Int) { jobsConnection(first: $n) { edges { node { ${JOB} } } } }`;
    expect((await send({ query, variables: { n: 10 } })).body.errors).toBeUndefined();
    refusedForCost(await send({ query, variables: { n: 500 } }));
  });

  it("the service's own persisted documents are exempt; the same document sent as other text is not", async () => {
    const [documentId, text] = [...loadPersistedDocuments()].find(([, t]) => t.includes('query DashboardJobs('))!;
    const nodeIds = Array.from({ length: 50 }, (_, i) => Buffer.from(`Job:cost-${i}`).toString('base64'));
    const persisted = await send({ documentId, variables: { nodeIds } });
    expect(persisted.body.errors).toBeUndefined();
    expect(persisted.body.data).toEqual({ nodes: nodeIds.map(() => null) });
    refusedForCost(await send({ query: ` ${text}`, variables: { nodeIds } }));
  });
});
