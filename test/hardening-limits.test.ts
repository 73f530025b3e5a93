// Issue #6, request limits and HTTP: one test per limit and per refusal, over the real server,
// each asserting the exact error and that the server still answers a normal query afterwards.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, uniqueId, type TestServer } from './support/server.ts';
import { stillServes } from './support/still-serves.ts';

let server: TestServer;
/** CORS open to one origin, and a token limit high enough to let the other limits speak. */
let open: TestServer;

beforeAll(async () => {
  [server, open] = await Promise.all([startServer(), startServer({ corsOrigins: ['https://app.example'], maxTokens: 100_000 })]);
});
afterAll(async () => {
  await open?.stop();
  await server?.stop();
});

/** A raw HTTP request on its own connection (a refused upload leaves its connection unusable). */
function rawPost(s: TestServer, headers: Record<string, string>, write: (req: ReturnType<typeof httpRequest>) => void) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(s.graphqlUrl, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', authorization: `ApiKey ${s.adminKey}`, ...headers },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    write(req);
  });
}

interface Reply {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** A raw request to /graphql; JSON bodies are sent as given. */
async function send(
  s: TestServer,
  init: { method?: string; query?: string; body?: unknown; headers?: Record<string, string>; key?: string | null; search?: string },
): Promise<Reply> {
  const key = init.key === undefined ? s.adminKey : init.key;
  const headers: Record<string, string> = {
    accept: 'application/graphql-response+json, application/json',
    ...(init.method !== 'GET' && { 'content-type': 'application/json' }),
    ...(key && { authorization: `ApiKey ${key}` }),
    ...init.headers,
  };
  const body = init.method === 'GET' ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body ?? { query: init.query });
  const res = await fetch(`${s.graphqlUrl}${init.search ?? ''}`, { method: init.method ?? 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
}

function expectRefusal(reply: Reply, code: string, type: string, status: number, message: string | RegExp) {
  expect(reply.body.errors).toHaveLength(1);
  const [error] = reply.body.errors!;
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
  expect(error.extensions).toEqual(expect.objectContaining({ code, type, status }));
  expect(reply.body.data ?? null).toBeNull();
}

const badInput = (reply: Reply, message: string) => {
  expectRefusal(reply, 'BAD_USER_INPUT', 'illegal_argument_exception', 400, message);
  expect(reply.status).toBe(400);
};

const jobCount = async (prefix: string) =>
  (await server.app.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE id LIKE $1`, [`${prefix}%`])).rows[0].n;

/** Nested inline fragments: legal at any depth, whatever the schema's shape. */
const nested = (levels: number, inner: string) => {
  let selection = inner;
  for (let i = 0; i < levels; i++) selection = `... on Query { ${selection} }`;
  return `{ ${selection} }`;
};

describe('request limits (graphql-armor and the body size)', () => {
  it('refuses a 2 MB body with 413 from its Content-Length, without reading it', async () => {
    // Announce 2 MB and send 16 bytes: any answer proves the body was neither awaited nor parsed
    // (a server waiting for the rest would never answer).
    const reply = await rawPost(server, { 'content-length': String(2 * 1024 * 1024) }, (req) => req.write('{"query":"{ __ty'));
    expect(reply.status).toBe(413);
    const body = JSON.parse(reply.body);
    expect(body.errors).toEqual([
      {
        message: `request body is larger than ${1024 * 1024} bytes`,
        extensions: { code: 'PAYLOAD_TOO_LARGE', type: 'status_exception', status: 413 },
      },
    ]);
    await stillServes(server);
  });

  it('refuses a 2 MB body sent without Content-Length (chunked) with 413 too', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    const reply = await rawPost(server, { 'transfer-encoding': 'chunked' }, (req) => {
      for (let i = 0; i < big.length; i += 64 * 1024) req.write(big.slice(i, i + 64 * 1024));
      req.end();
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).errors[0].extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', type: 'status_exception', status: 413 });
    await stillServes(server);
  });

  it('answers a chunked body under the limit, read whole through the counting (several chunks)', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(300 * 1024) } });
    const reply = await rawPost(server, { 'transfer-encoding': 'chunked' }, (req) => {
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.slice(i, i + 64 * 1024));
      req.end();
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers a body of exactly MAX_BODY_BYTES by its Content-Length, and refuses one byte more unread', async () => {
    const exactly = (bytes: number) => {
      const head = '{"query":"{ __typename }","variables":{"pad":"';
      const tail = '"}}';
      return head + 'x'.repeat(bytes - head.length - tail.length) + tail;
    };
    const limit = 1024 * 1024;
    const ok = await rawPost(server, { 'content-length': String(limit) }, (req) => req.end(exactly(limit)));
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ data: { __typename: 'Query' } });
    const over = await rawPost(server, { 'content-length': String(limit + 1) }, (req) => req.write('{"query":"{ __ty'));
    expect(over.status).toBe(413);
  });

  it('maxTokens: a document of more than 1000 tokens is refused while parsing', async () => {
    badInput(await send(server, { query: `{ ${'__typename '.repeat(1000)} }` }), 'Token limit of 1000 exceeded.');
    await stillServes(server);
  });

  it('maxDepth: a selection deeper than 8 fields is refused; fragments are not levels', async () => {
    // job → deletionTask → job → …: as deep as a client cares to go.
    const deep = (pairs: number, inner: string) => `{ job(id: "nope") { ${'deletionTask { job { '.repeat(pairs)}${inner}${' } }'.repeat(pairs)} } }`;
    badInput(await send(server, { query: deep(3, 'deletionTask { id }') }), 'Query depth limit of 8 exceeded, found 9.');
    expect((await send(server, { query: deep(3, 'id') })).body).toEqual({ data: { job: null } });
    // Relay and other fragment-colocating clients spread a fragment per component.
    expect((await send(server, { query: nested(12, '__typename') })).body).toEqual({ data: { __typename: 'Query' } });
    await stillServes(server);
  });

  it('maxAliases: more than 15 aliases are refused, __typename ones included', async () => {
    const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
    badInput(await send(server, { query: aliases(16, '__typename') }), 'Aliases limit of 15 exceeded, found 16.');
    badInput(await send(server, { query: aliases(16, 'jobs { id }') }), 'Aliases limit of 15 exceeded, found 16.');
    expect((await send(server, { query: aliases(15, '__typename') })).body).toEqual({
      data: Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`a${i}`, 'Query'])),
    });
    await stillServes(server);
  });

  it('maxDirectives: more than 50 directives are refused', async () => {
    badInput(await send(server, { query: `{ __typename ${'@include(if: true) '.repeat(51)} }` }), 'Directives limit of 50 exceeded, found 51.');
    await stillServes(server);
  });

  it('costLimit: a query costing more than 50000 is refused', async () => {
    // 13 fragment levels (x1.5 each) over 300 fields: cheap to write, expensive to answer.
    const reply = await send(server, { query: nested(13, '__typename '.repeat(300)) });
    badInput(reply, reply.body.errors?.[0]?.message ?? '');
    expect(reply.body.errors![0].message).toMatch(/^Query Cost limit of 50000 exceeded, found \d+(\.\d+)?\.$/);
    await stillServes(server);
  });

  it('an alias bomb of 2,000 mutations is refused before anything runs', async () => {
    const prefix = uniqueId('bomb');
    const fields = Array.from({ length: 2000 }, (_, i) => `a${i}: putJob(input: { jobId: "${prefix}-${i}", analysisConfig: {} }) { id }`);
    badInput(await send(server, { query: `mutation { ${fields.join(' ')} }` }), 'Token limit of 1000 exceeded.');
    // With a higher token limit, the alias limit still refuses it at the start of validation.
    badInput(await send(open, { query: `mutation { ${fields.join(' ')} }` }), 'Aliases limit of 15 exceeded, found 2000.');
    badInput(
      await send(open, { query: `{ ${Array.from({ length: 2000 }, (_, i) => `t${i}: __typename`).join(' ')} }` }),
      'Aliases limit of 15 exceeded, found 2000.',
    );
    expect(await jobCount(prefix)).toBe(0);
    expect((await open.app.db.pool.query(`SELECT count(*)::int AS n FROM jobs WHERE id LIKE $1`, [`${prefix}%`])).rows[0].n).toBe(0);
    await stillServes(open);
    await stillServes(server);
  });

  it('limits are configurable (MAX_DEPTH, MAX_ALIASES, MAX_COST, MAX_DIRECTIVES, MAX_TOKENS, MAX_BODY_BYTES)', async () => {
    const strict = await startServer({ maxDepth: 2, maxAliases: 1, maxCost: 10, maxDirectives: 1, maxTokens: 40, maxBodyBytes: 600 });
    try {
      badInput(await send(strict, { query: '{ jobs { counts { total } } }' }), 'Query depth limit of 2 exceeded, found 3.');
      badInput(await send(strict, { query: '{ a: __typename b: __typename }' }), 'Aliases limit of 1 exceeded, found 2.');
      badInput(await send(strict, { query: '{ __typename @include(if: true) @skip(if: false) }' }), 'Directives limit of 1 exceeded, found 2.');
      badInput(
        await send(strict, { query: '{ jobs { id description state deleting groups createdAt } }' }),
        // A list of unknown size counts as 100 (src/limits/query-cost.ts): 100 x (2 + 6 x 1.5).
        'Query Cost limit of 10 exceeded, found 1100.',
      );
      badInput(await send(strict, { query: `{ ${'__typename '.repeat(40)} }` }), 'Token limit of 40 exceeded.');
      const large = await send(strict, { body: { query: '{ __typename }', variables: { pad: 'x'.repeat(600) } } });
      expect(large.status).toBe(413);
      expect((await send(strict, { query: '{ jobsConnection(first: 1) { totalCount } }' })).body.data).toEqual({
        jobsConnection: { totalCount: expect.any(Number) },
      });
    } finally {
      await strict.stop();
    }
  });

  it('batching stays off: an array of operations is refused', async () => {
    const reply = await send(server, { body: [{ query: '{ __typename }' }, { query: '{ __typename }' }] });
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0].message).toMatch(/batch/i);
    await stillServes(server);
  });

  it('introspection works under the default limits (GraphiQL, codegen)', async () => {
    const full = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const reply = await send(server, { query: full });
    expect(reply.body.errors).toBeUndefined();
    expect((reply.body.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(20);
    const page = await fetch(server.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/graphiql/i);
  });

  it('the served schema, introspected under the default limits, has no breaking change against the last release (schema/baseline.graphql)', async () => {
    const run = promisify(execFile);
    for (const env of [{ ML_API_KEY: server.adminKey }, { ML_API_KEY: '' }]) {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/schema-check.ts', server.graphqlUrl], {
        env: { ...process.env, ...env },
      });
      expect(stdout).toBe('schema/baseline.graphql: no breaking change\n');
    }
  });

  it('the compatibility check fails on a breaking change: a field removed, a default changed', async () => {
    const run = promisify(execFile);
    const dir = mkdtempSync(join(tmpdir(), 'schema-check-'));
    const broken = join(dir, 'schema.graphql');
    const printed = readFileSync('schema.graphql', 'utf8');
    writeFileSync(
      broken,
      printed
        .replace(/^(\s*"""[^\n]*"""\n)?\s*deleting: Boolean!\n/m, '\n')
        .replace('waitForCompletion: Boolean = true', 'waitForCompletion: Boolean = false'),
    );
    try {
      const failed = await run(process.execPath, ['--import', 'tsx', 'src/cli/schema-check.ts', broken]).catch(
        (err: { code: number; stdout: string }) => err,
      );
      expect(failed).toMatchObject({ code: 1 });
      expect(failed.stdout).toContain('FIELD_REMOVED: Job.deleting was removed.');
      expect(failed.stdout).toContain(
        'ARG_DEFAULT_VALUE_CHANGE: Mutation.deleteJob arg waitForCompletion has changed defaultValue from true to false.',
      );
      expect(failed.stdout).toContain('2 breaking changes against schema/baseline.graphql');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('HTTP: methods, CSRF, CORS', () => {
  it('mutations only over POST: a GET mutation is refused with 405 and writes nothing', async () => {
    const jobId = uniqueId('get');
    const query = `mutation { putJob(input: { jobId: "${jobId}", analysisConfig: {} }) { id } }`;
    const reply = await send(server, { method: 'GET', search: `?query=${encodeURIComponent(query)}` });
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe('POST');
    expect(reply.body.errors?.[0].message).toBe('Can only perform a mutation operation from a POST request.');
    expect(await jobCount(jobId)).toBe(0);
    await stillServes(server);
  });

  it('queries over GET work with Authorization (which forces a preflight)', async () => {
    const reply = await send(server, { method: 'GET', search: `?query=${encodeURIComponent('{ jobs { id } }')}` });
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual({ jobs: expect.any(Array) });
  });

  it('CSRF: a simple GET without Authorization or x-graphql-csrf is refused with 403', async () => {
    const search = `?query=${encodeURIComponent('{ jobs { id } }')}`;
    const refused = await send(server, { method: 'GET', search, key: null });
    expect(refused.status).toBe(403);
    expectRefusal(
      refused,
      'FORBIDDEN',
      'security_exception',
      403,
      'a request a browser could send cross-site needs an Authorization or x-graphql-csrf header',
    );
    // The header passes CSRF; the key check then applies.
    const anonymous = await send(server, { method: 'GET', search, key: null, headers: { 'x-graphql-csrf': '1' } });
    expectRefusal(anonymous, 'UNAUTHENTICATED', 'security_exception', 401, 'missing authentication credentials for request');
    await stillServes(server);
  });

  it('CSRF: simple POSTs (text/plain, form) without Authorization are refused; JSON POSTs are preflighted and pass to the key check', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
      const reply = await send(server, { key: null, headers: { 'content-type': contentType }, body: JSON.stringify({ query: '{ jobs { id } }' }) });
      expect(reply.status).toBe(403);
      expect(reply.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const json = await send(server, { key: null, query: '{ jobs { id } }' });
    expect(json.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await stillServes(server);
  });

  it('CORS is closed by default: no Access-Control-Allow-Origin for any origin', async () => {
    const preflight = await fetch(server.graphqlUrl, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const reply = await send(server, { query: '{ jobs { id } }', headers: { origin: 'https://app.example' } });
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
    await stillServes(server);
  });

  it('CORS_ORIGINS opens CORS to the listed origins only, without credentials', async () => {
    const preflight = (origin: string) =>
      fetch(open.graphqlUrl, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
    const allowed = await preflight('https://app.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const reply = await send(open, { query: '{ jobs { id } }', headers: { origin: 'https://app.example' } });
    expect(reply.headers.get('access-control-allow-origin')).toBe('https://app.example');
    await stillServes(open);
  });
});
