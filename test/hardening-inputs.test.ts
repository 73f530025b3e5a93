// Issue #6, input limits: property-based tests (fast-check) feeding random and hostile values
// (huge strings, any Unicode, wildcards, NUL characters, nulls and deep nesting in JSON) to the
// id rules and, over the real server, to putJob, deleteJob, ingestResults and jobs(ids). The
// properties: never INTERNAL_SERVER_ERROR (nor HTTP 500), and a refused call changes nothing.
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BadInputError } from '../src/errors.ts';
import { assertValidId, MAX_ID_LENGTH } from '../src/jobs/ids.ts';
import { gql, ok, rowsOf, startServer, uniqueId, type Result, type TestServer } from './support/server.ts';
import { eventually } from './support/wait.ts';
import {
  HardeningDeleteJobMutation,
  HardeningIngestResultsMutation,
  HardeningJobsQuery,
  HardeningOpenJobMutation,
  HardeningPutJobMutation,
} from './operations/hardening.ts';
import type { PutJobInput, ResultsInput } from './generated/graphql.ts';

let server: TestServer;
/** An OPENED job the results go to, and a CLOSED one deleteJob could hit. */
let openJob: string;
let closedJob: string;

beforeAll(async () => {
  server = await startServer();
  // The fingerprint below counts every table around each refused call. Files that ran before this
  // one may have deleted millions of rows, whose dead tuples every count would scan until
  // autovacuum came by (measured: this file 11 s after a vacuum, 237 s without).
  await server.app.db.pool.query('VACUUM');
  [openJob, closedJob] = [uniqueId('fuzz-open'), uniqueId('fuzz-closed')];
  for (const jobId of [openJob, closedJob]) await ok(server, HardeningPutJobMutation, { input: { jobId, analysisConfig: { detectors: [] } } });
  await ok(server, HardeningOpenJobMutation, { jobId: openJob });
});
afterAll(async () => {
  await server?.stop();
});

/** After each property: the server still answers a normal query. */
afterEach(async () => {
  expect((await ok(server, HardeningJobsQuery, { ids: '_all' })).jobs.length).toBeGreaterThanOrEqual(2);
});

// ---- hostile values ----

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const nasty = fc.constantFrom(
  '',
  ' ',
  '*',
  '_all',
  'a*',
  '*a',
  'a,b',
  ' a ',
  ',',
  '\u0000',
  'job\u0000id',
  '%',
  '_',
  '\\',
  '\\%',
  "'; DROP TABLE jobs; --",
  'İ',
  'ǅ',
  'ﬃ',
  'Ａ',
  '\u202e',
  '\u200b',
  '💥',
  'a\u0301',
  '\r\n',
  '\t',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '-',
  '--',
  'a-',
  '-a',
);
const huge = fc.constantFrom(MAX_ID_LENGTH + 1, 4097, 70_000, 300_000).map((n) => 'x'.repeat(n));
const validId = fc.stringMatching(/^[a-z0-9](?:[a-z0-9_-]{0,20}[a-z0-9])?$/);

const hostileString = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.array(fc.oneof(nasty, loneSurrogate, fc.string({ maxLength: 4 })), { maxLength: 4 }).map((parts) => parts.join('')), weight: 3 },
  { arbitrary: validId, weight: 2 },
  { arbitrary: huge, weight: 1 },
);

/** Nested `depth` levels: objects and arrays alternately. */
const deep = fc.integer({ min: 15, max: 3_000 }).map((depth) => {
  let value: unknown = { leaf: '\u0000' };
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { n: value };
  return value;
});
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 4 },
  { arbitrary: fc.dictionary(hostileString, fc.oneof(fc.constant(null), hostileString, fc.jsonValue({ maxDepth: 2 })), { maxKeys: 4 }), weight: 4 },
  { arbitrary: deep, weight: 1 },
  { arbitrary: fc.constantFrom(null, [], {}, 'x', 1, { a: null }, { '': { '\u0000': null } }, { big: 'y'.repeat(70_000) }), weight: 1 },
);

const timestamp = fc.oneof(
  fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  hostileString,
);
const int = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, -(2 ** 31) - 1));
const float = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e308, -1e308));
const listOf = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { maxLength: 3 });

const resultsInput: fc.Arbitrary<ResultsInput> = fc.record(
  {
    buckets: listOf(fc.record({ timestamp, bucketSpanSeconds: int, anomalyScore: float })),
    records: listOf(
      fc.record({ timestamp, recordScore: float, fieldName: fc.option(hostileString), actual: fc.option(float), typical: fc.option(float) }),
    ),
    influencers: listOf(fc.record({ timestamp, fieldName: hostileString, fieldValue: hostileString, influencerScore: float })),
    categories: listOf(fc.record({ categoryId: int, terms: hostileString, examples: fc.option(listOf(hostileString)) })),
    forecasts: listOf(fc.record({ forecastId: hostileString, timestamp, prediction: float })),
    modelSnapshots: listOf(
      fc.record({ snapshotId: hostileString, timestamp, description: fc.option(hostileString), stateDocs: listOf(hostileString) }),
    ),
    quantiles: hostileJson,
    categorizerState: listOf(hostileString),
    annotations: listOf(fc.record({ timestamp, text: hostileString })),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<ResultsInput>;

// ---- what must hold ----

/** Row counts of every table, plus the jobs' identity and state: any write changes it. */
async function fingerprint(): Promise<string> {
  const { rows: tables } = await server.app.db.pool.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_%' ORDER BY 1`,
  );
  const counts = tables.map((t) => `(SELECT count(*) FROM "${t.name}")::text`).join(` || ',' || `);
  const { rows } = await server.app.db.pool.query<{ f: string }>(
    `SELECT ${counts} || ':' || (SELECT coalesce(md5(string_agg(id || state::text || deleting::text || coalesce(description, ''), ',' ORDER BY id)), '') FROM jobs) AS f`,
  );
  return rows[0].f;
}

const ALLOWED = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'PAYLOAD_TOO_LARGE', 'GRAPHQL_VALIDATION_FAILED']);

function expectNoInternalError(result: Result<unknown>) {
  expect(result.status).toBeLessThan(500);
  for (const error of result.errors ?? []) {
    expect(error.extensions?.code, `${error.message} ${JSON.stringify(error.extensions)}`).not.toBe('INTERNAL_SERVER_ERROR');
    expect(ALLOWED.has(error.extensions?.code as string), `${error.message} ${JSON.stringify(error.extensions)}`).toBe(true);
  }
}

/** Runs `call`; when it is refused, the database must be exactly as before. */
async function refusedChangesNothing(call: () => Promise<Result<unknown>>): Promise<Result<unknown>> {
  const before = await fingerprint();
  const result = await call();
  expectNoInternalError(result);
  if (result.errors?.length) expect(await fingerprint()).toBe(before);
  return result;
}

/** Every deletion task has ended (the failure lists the ones still going). */
async function tasksSettled() {
  await eventually(async () =>
    expect(await rowsOf(server, `SELECT id, state::text FROM tasks WHERE state IN ('QUEUED', 'RUNNING')`), 'deletion tasks still going').toEqual([]),
  );
}

const runs = (numRuns: number) => ({ numRuns, endOnFailure: true });

describe('id rules (D3), pure', () => {
  it('accept exactly the single-id syntax, refuse everything else with BAD_USER_INPUT, never echo a long id', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, validId), (id) => {
        const valid = id.length <= MAX_ID_LENGTH && /^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/.test(id);
        let refusal: unknown;
        try {
          assertValidId(id);
        } catch (err) {
          refusal = err;
        }
        if (valid) {
          expect(refusal).toBeUndefined();
          return;
        }
        expect(refusal).toBeInstanceOf(BadInputError);
        if (id.length > MAX_ID_LENGTH) expect((refusal as Error).message).toBe('The job id cannot contain more than 64 characters.');
        else expect((refusal as Error).message).toContain(`'${id}'`);
      }),
      { numRuns: 2_000 },
    );
  });

  it('look at the length of a 1 MB id before anything else, whatever it holds', () => {
    // The length is checked first, so a huge id costs one comparison: no pattern runs over it,
    // and nothing of it is echoed (which a character rule would do).
    for (const id of ['a'.repeat(1_000_000), 'A'.repeat(1_000_000), `a${'-'.repeat(999_998)}!`]) {
      expect(() => assertValidId(id)).toThrow(new BadInputError('The job id cannot contain more than 64 characters.'));
    }
  });
});

describe('mutations and queries over the real server', () => {
  it('a 1 MB job id is refused with BAD_USER_INPUT, changing nothing, by every operation that takes one', async () => {
    const jobId = 'a'.repeat(1_000_000);
    const message = 'The job id cannot contain more than 64 characters.';
    const calls: (() => Promise<Result<unknown>>)[] = [
      () => gql(server, HardeningPutJobMutation, { input: { jobId, analysisConfig: {} } }),
      () => gql(server, HardeningDeleteJobMutation, { jobId }),
      () => gql(server, HardeningIngestResultsMutation, { jobId, input: {} }),
    ];
    for (const call of calls) {
      const result = await refusedChangesNothing(call);
      expect(result.errors).toEqual([
        expect.objectContaining({ message, extensions: { code: 'BAD_USER_INPUT', type: 'illegal_argument_exception', status: 400 } }),
      ]);
    }
    const expression = await gql(server, HardeningJobsQuery, { ids: jobId });
    expect(expression.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', type: 'illegal_argument_exception', status: 400 });
  });

  it('strings PostgreSQL cannot store (NUL, unpaired surrogates) are refused before anything runs, in variables and literals', async () => {
    const message = 'input text cannot contain NUL characters (U+0000) or unpaired surrogates';
    const jobId = uniqueId('nul');
    const inputs: PutJobInput[] = [
      { jobId, description: 'a\u0000b', analysisConfig: {} },
      { jobId, analysisConfig: { ['k\u0000']: 1 } },
      { jobId, analysisConfig: { detectors: ['\ud800'] } },
      { jobId, groups: ['\udc00x'], analysisConfig: {} },
    ];
    for (const input of inputs) {
      const result = await refusedChangesNothing(() => gql(server, HardeningPutJobMutation, { input }));
      expect(result.errors).toEqual([{ message, extensions: { code: 'BAD_USER_INPUT', type: 'illegal_argument_exception', status: 400 } }]);
    }
    const literal = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `ApiKey ${server.adminKey}` },
      body: JSON.stringify({ query: `{ jobs(ids: "a\\u0000") { id } }` }),
    });
    expect((await literal.json()).errors).toEqual([
      { message, extensions: { code: 'BAD_USER_INPUT', type: 'illegal_argument_exception', status: 400 } },
    ]);
    // Well-formed astral characters (surrogate pairs) are fine.
    expect(
      (await gql(server, HardeningPutJobMutation, { input: { jobId, description: '💥 ok', analysisConfig: { note: '𝄞' } } })).errors,
    ).toBeUndefined();
  });

  it('bad variables (wrong type, out-of-range Int, missing non-null) are BAD_USER_INPUT', async () => {
    const cases: [unknown, RegExp][] = [
      [
        { jobId: openJob, input: { buckets: [{ timestamp: '2026-01-01T00:00:00Z', bucketSpanSeconds: 2 ** 31, anomalyScore: 1 }] } },
        /Int cannot represent non 32-bit signed integer value/,
      ],
      [
        { jobId: openJob, input: { buckets: [{ timestamp: 'not a date', bucketSpanSeconds: 60, anomalyScore: 1 }] } },
        /DateTime must be an ISO-8601 string/,
      ],
      [{ jobId: null, input: {} }, /of non-null type "ID!" must not be null/],
    ];
    for (const [variables, message] of cases) {
      const result = await refusedChangesNothing(() => gql(server, HardeningIngestResultsMutation, variables as never));
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].message).toMatch(message);
      expect(result.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', type: 'illegal_argument_exception', status: 400 });
    }
  });

  it('putJob: hostile ids, descriptions, groups and JSON', async () => {
    const input = fc.record(
      {
        jobId: fc.oneof(hostileString, validId),
        description: fc.option(hostileString),
        groups: fc.option(listOf(fc.oneof(hostileString, validId))),
        analysisConfig: hostileJson,
        dataDescription: fc.option(hostileJson),
      },
      { requiredKeys: ['jobId', 'analysisConfig'] },
    ) as fc.Arbitrary<PutJobInput>;
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const result = await refusedChangesNothing(() => gql(server, HardeningPutJobMutation, { input: value }));
        if (!result.errors) expect(result.data).toMatchObject({ putJob: { id: value.jobId } });
      }),
      runs(120),
    );
  });

  it('deleteJob: hostile ids and flags never delete anything they refuse', async () => {
    const args = fc.record({
      jobId: fc.oneof(
        hostileString,
        fc.constantFrom(`${closedJob}*`, `${closedJob},${openJob}`, `${closedJob.toUpperCase()}`, ` ${closedJob}`, `${closedJob}\u0000`),
      ),
      force: fc.option(fc.boolean()),
      waitForCompletion: fc.option(fc.boolean()),
    });
    await fc.assert(
      fc.asyncProperty(args, async (vars) => {
        const result = await refusedChangesNothing(() => gql(server, HardeningDeleteJobMutation, vars));
        // Only a well-formed id of an existing job (one putJob's run created) can be deleted; let
        // an accepted deletion finish, or it would change the next run's fingerprint.
        if (!result.errors) {
          expect(vars.jobId).toMatch(/^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/);
          await tasksSettled();
        }
      }),
      runs(120),
    );
    expect((await ok(server, HardeningJobsQuery, { ids: closedJob })).jobs).toEqual([{ id: closedJob }]);
  });

  it('ingestResults: hostile results, documents and JSON write all or nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ arbitrary: fc.constant(openJob), weight: 4 }, { arbitrary: hostileString, weight: 1 }),
        resultsInput,
        async (jobId, input) => {
          await refusedChangesNothing(() => gql(server, HardeningIngestResultsMutation, { jobId, input }));
        },
      ),
      runs(120),
    );
  });

  // JavaScript dates span years -271821 to 275760, PostgreSQL's 4713 BC to 294276 AD: the
  // DateTime scalar refuses years outside 1..9999 before anything reaches the database.
  it('timestamps outside what PostgreSQL stores are refused with BAD_USER_INPUT', async () => {
    for (const timestamp of ['-005000-01-01T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z']) {
      const result = await refusedChangesNothing(() =>
        gql(server, HardeningIngestResultsMutation, { jobId: openJob, input: { buckets: [{ timestamp, bucketSpanSeconds: 60, anomalyScore: 1 }] } }),
      );
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('jobs(ids): hostile expressions never fail unexpectedly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileString,
          fc.array(fc.oneof(hostileString, validId, fc.constantFrom('*', '_all', 'fuzz-*', '*-*')), { maxLength: 5 }).map((p) => p.join(',')),
        ),
        async (ids) => {
          const result = await gql(server, HardeningJobsQuery, { ids });
          expectNoInternalError(result);
          if (!result.errors) expect(Array.isArray(result.data?.jobs)).toBe(true);
        },
      ),
      runs(150),
    );
    expect((await ok(server, HardeningJobsQuery, { ids: '_all' })).jobs.length).toBeGreaterThanOrEqual(2);
  });
});
