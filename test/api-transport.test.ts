// Transport features for client libraries: persisted documents (the client preset's documentId,
// Apollo's persistedQuery hash), PERSISTED_DOCUMENTS_ONLY, @defer/@stream, and uniform errors over
// every transport. Real servers on port 0 over HTTP, SSE and graphql-ws.
import { readFileSync } from 'node:fs';
import type { FormattedExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putJob } from './support/jobs.ts';
import { until } from './support/wait.ts';
import { ok, startServer, uniqueId, wsClient, wsSubscribe, type TestServer } from './support/server.ts';
import { CreateApiKeyMutation, JobsQuery } from './operations/documents.ts';
import { ApiJobStateQuery } from './operations/api.ts';

const cliDocuments = JSON.parse(readFileSync('src/cli/client/generated/persisted-documents.json', 'utf8')) as Record<string, string>;
const [jobsId, jobsText] = Object.entries(cliDocuments).find(([, text]) => text.startsWith('query CliJobs('))!;

let server: TestServer;
let strict: TestServer;
let reader: string;
let strictReader: string;
beforeAll(async () => {
  server = await startServer();
  strict = await startServer({ persistedDocumentsOnly: true });
  const keyOn = async (s: TestServer) =>
    (await ok(s, CreateApiKeyMutation, { name: uniqueId('reader'), privileges: ['MONITOR_ML'] })).createApiKey.secret;
  reader = await keyOn(server);
  strictReader = await keyOn(strict);
});
afterAll(async () => {
  await server?.stop();
  await strict?.stop();
});

async function post(s: TestServer, body: unknown, key = s.adminKey, accept = 'application/graphql-response+json') {
  const res = await fetch(s.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, authorization: `ApiKey ${key}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}
const json = async (reply: Promise<{ status: number; text: string }>) => {
  const { status, text } = await reply;
  return {
    status,
    ...(JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }),
  };
};

describe('persisted documents', () => {
  it("runs the CLI's and the dashboard's documents by documentId (POST and GET), with or without the sha256: prefix, and Apollo's hash", async () => {
    const jobId = uniqueId('persisted');
    await putJob(server, jobId);
    const expected = { jobs: [expect.objectContaining({ id: jobId, counts: expect.objectContaining({ total: 0 }) })] };
    expect(await json(post(server, { documentId: jobsId, variables: { ids: jobId } }))).toMatchObject({ status: 200, data: expected });
    const bare = jobsId.replace('sha256:', '');
    expect(await json(post(server, { documentId: bare, variables: { ids: jobId } }))).toMatchObject({ data: expected });
    const apollo = { extensions: { persistedQuery: { version: 1, sha256Hash: bare } }, variables: { ids: jobId } };
    expect(await json(post(server, apollo))).toMatchObject({ data: expected });
    const url = `${server.graphqlUrl}?documentId=${encodeURIComponent(jobsId)}&variables=${encodeURIComponent(JSON.stringify({ ids: jobId }))}`;
    const got = await fetch(url, { headers: { authorization: `ApiKey ${server.adminKey}`, accept: 'application/json' } });
    const body = (await got.json()) as object;
    expect({ status: got.status, ...body }, JSON.stringify(body)).toMatchObject({ status: 200, data: expected });
    const dashboard = JSON.parse(readFileSync('dashboard/src/generated/persisted-documents.json', 'utf8')) as Record<string, string>;
    expect(Object.keys(dashboard).length).toBeGreaterThan(0);
  });

  it('an unknown documentId is NOT_FOUND, a request with neither query nor id BAD_USER_INPUT, each with code, type and status', async () => {
    const unknown = await json(post(server, { documentId: `sha256:${'0'.repeat(64)}` }));
    expect(unknown.status).toBe(404);
    expect(unknown.errors).toEqual([
      expect.objectContaining({
        message: `persisted document [sha256:${'0'.repeat(64)}] not found`,
        extensions: expect.objectContaining({ code: 'NOT_FOUND', type: 'resource_not_found_exception', status: 404 }),
      }),
    ]);
    const neither = await json(post(server, { variables: {} }));
    expect(neither.status).toBe(400);
    expect(neither.errors?.[0]).toMatchObject({
      message: 'send a query or the documentId of a persisted document',
      extensions: { code: 'BAD_USER_INPUT', type: 'illegal_argument_exception', status: 400 },
    });
  });

  it('PERSISTED_DOCUMENTS_ONLY: a read-only key runs persisted documents only (HTTP and WebSocket); MANAGE/ALL run anything', async () => {
    const jobId = uniqueId('strict');
    await putJob(strict, jobId);
    const refusedMessage = (key: string) => expect.stringMatching(new RegExp(`^API key \\[${key}\\] may only run the persisted documents`));
    const arbitrary = await json(post(strict, { query: '{ jobs { id } }' }, strictReader));
    expect(arbitrary.status).toBe(403);
    expect(arbitrary.errors?.[0]).toMatchObject({
      message: refusedMessage('reader-.*'),
      extensions: { code: 'FORBIDDEN', type: 'security_exception', status: 403 },
    });
    expect(await json(post(strict, { documentId: jobsId, variables: { ids: jobId } }, strictReader))).toMatchObject({
      data: { jobs: [{ id: jobId }] },
    });
    // The same document sent as text (any formatting) is a persisted one.
    expect(await json(post(strict, { query: jobsText.replace(/ /g, '\n '), variables: { ids: jobId } }, strictReader))).toMatchObject({
      data: { jobs: [{ id: jobId }] },
    });
    expect(await json(post(strict, { query: '{ jobs { id } }' }))).toMatchObject({ data: { jobs: expect.arrayContaining([{ id: jobId }]) } });

    const client = wsClient(strict, strictReader);
    try {
      const [refused] = await wsSubscribe(client, JobsQuery, { ids: jobId }).done;
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    } finally {
      await client.dispose();
    }
    // Without the setting, any document runs for any reader.
    expect(await json(post(server, { query: '{ jobs(ids: "_all") { id } }' }, reader))).toMatchObject({
      status: 200,
      data: { jobs: expect.any(Array) },
    });
  });
});

describe('@defer and @stream', () => {
  it('answers a deferred fragment and a streamed list incrementally (multipart/mixed)', async () => {
    const prefix = uniqueId('defer');
    for (const n of [0, 1, 2]) await putJob(server, `${prefix}-${n}`);
    const query = `query Deferred($ids: String) {
      jobsConnection(filter: { ids: $ids }) { totalCount ... @defer(label: "edges") { edges { node { id } } } }
      jobs(ids: $ids) @stream(initialCount: 1) { id }
    }`;
    const { status, text } = await post(server, { query, variables: { ids: `${prefix}-*` } }, server.adminKey, 'multipart/mixed');
    expect(status).toBe(200);
    const parts = text
      .split(/\r?\n---/)
      .map((part) => part.slice(part.indexOf('{')))
      .filter((part) => part.startsWith('{'))
      .map(
        (part) =>
          JSON.parse(part) as { data?: { jobs: unknown[]; jobsConnection: { totalCount: number } }; incremental?: unknown[]; hasNext: boolean },
      );
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]).toMatchObject({ data: { jobsConnection: { totalCount: 3 }, jobs: [{ id: `${prefix}-0` }] }, hasNext: true });
    expect(parts.at(-1)!.hasNext).toBe(false);
    const incremental = parts.flatMap((p) => p.incremental ?? []);
    expect(incremental).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: 'edges', data: { edges: [0, 1, 2].map((n) => ({ node: { id: `${prefix}-${n}` } })) } }),
        expect.objectContaining({ items: [{ id: `${prefix}-1` }] }),
      ]),
    );
  });
});

describe('uniform errors', () => {
  const first = async (reply: Promise<Response>) => {
    const res = await reply;
    const body = (await res.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[]; extensions?: unknown };
    return { status: res.status, body, error: body.errors[0] };
  };
  const headers = () => ({ 'content-type': 'application/json', accept: 'application/json', authorization: `ApiKey ${server.adminKey}` });
  const postRaw = (body: unknown) => fetch(server.graphqlUrl, { method: 'POST', headers: headers(), body: JSON.stringify(body) });
  /** The first answer to an operation over graphql-ws: a result, or the errors of a refusal. */
  type Answer = { result?: FormattedExecutionResult<Record<string, unknown>, unknown>; refused?: { extensions?: Record<string, unknown> }[] };
  const wsAnswer = (client: ReturnType<typeof wsClient>, query: string, variables: Record<string, unknown> = {}) =>
    new Promise<Answer>((resolve, reject) => {
      client.subscribe(
        { query, variables },
        {
          next: (result) => resolve({ result }),
          error: (refused) => resolve({ refused: refused as Answer['refused'] }),
          complete: () => reject(new Error('no answer')),
        },
      );
    });

  it('validation and syntax errors, refused batches and mutations over GET carry code, type and status', async () => {
    const validation = await first(postRaw({ query: '{ nope }' }));
    expect(validation.error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', type: 'illegal_argument_exception', status: 400 });
    const syntax = await first(postRaw({ query: '{ nope ' }));
    expect(syntax.error.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', type: 'parsing_exception', status: 400 });
    const batch = await first(postRaw([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(batch.status).toBe(400);
    expect(batch.error).toMatchObject({
      message: 'Batching is not supported.',
      extensions: { code: 'BAD_REQUEST', type: 'illegal_argument_exception', status: 400 },
    });
    const get = await first(
      fetch(`${server.graphqlUrl}?query=${encodeURIComponent('mutation { openJob(jobId: "x") { id } }')}`, {
        headers: { authorization: `ApiKey ${server.adminKey}` },
      }),
    );
    expect(get.status).toBe(405);
    expect(get.error.extensions).toMatchObject({ code: 'BAD_REQUEST', type: 'illegal_argument_exception', status: 405 });
  });

  it('over WebSocket and SSE too: validation, syntax and variable errors carry code, type and status', async () => {
    const validation = { code: 'GRAPHQL_VALIDATION_FAILED', type: 'illegal_argument_exception', status: 400 };
    const syntax = { code: 'GRAPHQL_PARSE_FAILED', type: 'parsing_exception', status: 400 };
    const variable = { code: 'BAD_USER_INPUT', type: 'illegal_argument_exception', status: 400 };
    const client = wsClient(server);
    try {
      const refusal = async (query: string) => (await wsAnswer(client, query)).refused![0].extensions;
      expect(await refusal('{ nope }')).toEqual(validation);
      expect(await refusal('subscription { nope }')).toEqual(validation);
      expect(await refusal('{ nope ')).toEqual(syntax);
      const bad = await wsAnswer(client, 'query ($n: Int!) { jobsConnection(first: $n) { totalCount } }', { n: 'x' });
      expect(bad.result).toMatchObject({ errors: [{ extensions: variable }] });
    } finally {
      await client.dispose();
    }
    const sse = (query: string) =>
      fetch(server.graphqlUrl, { method: 'POST', headers: { ...headers(), accept: 'text/event-stream' }, body: JSON.stringify({ query }) }).then(
        (r) => r.text(),
      );
    expect(await sse('subscription { nope }')).toContain(JSON.stringify(validation).slice(1, -1));
    expect(await sse('subscription { nope ')).toContain(JSON.stringify(syntax).slice(1, -1));
  });

  it('a mutation document with a failing alias says which root fields ran and which failed (HTTP and WebSocket)', async () => {
    const jobId = uniqueId('alias');
    const aliases = (id: string) => `mutation {
      a: putJob(input: { jobId: "${id}", analysisConfig: {} }) { id }
      b: openJob(jobId: "${id}-missing") { id }
      c: openJob(jobId: "${id}") { id }
    }`;
    const reply = await first(postRaw({ query: aliases(jobId) }));
    // openJob's Job! is null, so data is null as a whole: only the extension tells what ran.
    expect(reply.body.data).toBeNull();
    expect(reply.error.extensions).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(reply.body.extensions).toEqual({ mutations: { completed: ['a'], failed: 'b', notRun: ['c'] } });
    expect((await ok(server, ApiJobStateQuery, { id: jobId })).job).toMatchObject({ id: jobId, state: 'CLOSED' });
    const client = wsClient(server);
    try {
      const { result } = await wsAnswer(client, aliases(`${jobId}-ws`));
      expect(result).toMatchObject({
        data: null,
        errors: [{ extensions: { code: 'NOT_FOUND', type: 'resource_not_found_exception', status: 404 } }],
        extensions: { mutations: { completed: ['a'], failed: 'b', notRun: ['c'] } },
      });
    } finally {
      await client.dispose();
    }
  });
});

describe('subscribers that go away', () => {
  const activeSubscriptions = async () =>
    Number(/^ml_graphql_active_subscriptions (\d+)/m.exec(await (await fetch(`${server.url}/metrics`)).text())?.[1]);

  it('an SSE subscriber that closes its stream ends its subscription on the server', async () => {
    const client = new AbortController();
    const res = await fetch(server.graphqlUrl, {
      method: 'POST',
      signal: client.signal,
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `ApiKey ${server.adminKey}` },
      body: JSON.stringify({ query: 'subscription { jobEvents { kind jobId } }' }),
    });
    expect(res.status).toBe(200);
    await until('the subscription to stream', async () => (await activeSubscriptions()) === 1);
    // What the client reads goes on meanwhile: an event from a job put now.
    const reader = res.body!.getReader();
    const jobId = uniqueId('sse-leaves');
    await putJob(server, jobId);
    let seen = '';
    while (!seen.includes(jobId)) seen += new TextDecoder().decode((await reader.read()).value);
    client.abort();
    await until('the subscription to end once its client left', async () => (await activeSubscriptions()) === 0);
  });
});
