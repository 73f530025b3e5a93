// Jobs and what they own through the public API: putJob, job, jobs expressions, the open/close
// state machine, ingestResults and Job.counts, annotations, calendars and notifications. Real
// server on port 0 and real database; HTTP throughout, and graphql-ws for a representative set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { rowsOwnedBy } from './support/data.ts';
import { analysisConfig, openedJob, putJob } from './support/jobs.ts';
import { gql, ok, startServer, uniqueId, wsClient, wsOnce, type TestServer } from './support/server.ts';
import {
  CalendarQuery,
  CloseJobMutation,
  CreateApiKeyMutation,
  JobQuery,
  JobsQuery,
  OpenJobMutation,
  PutCalendarMutation,
} from './operations/documents.ts';
import {
  ApiAnnotationsQuery,
  ApiIngestResultsMutation,
  ApiJobCountsQuery,
  ApiNotificationsQuery,
  ApiPutAnnotationMutation,
  ApiPutJobMutation,
} from './operations/api.ts';
import { expectError, invalidId, type ErrorsOf } from './support/errors.ts';

const BAD_IDS = ['*', 'web-*', 'a,b', '_all', 'Upper', '-lead', 'trail-', '_lead', 'trail_', 'sp ace', 'dot.ted', 'é', ''];

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const job = async (id: string) => (await ok(server, ApiJobCountsQuery, { id })).job;
const messages = async (jobId: string) => (await ok(server, ApiNotificationsQuery, { jobId })).notifications.map((n) => n.message);
const ts = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

describe('putJob', () => {
  it('creates a CLOSED job with what was given, readable by job(id), audited', async () => {
    const jobId = uniqueId('put');
    const input = {
      jobId,
      description: 'response times',
      groups: ['web', 'prod', 'web'],
      analysisConfig,
      dataDescription: { time_field: '@timestamp' },
    };
    const created = (await ok(server, ApiPutJobMutation, { input })).putJob;
    expect(created).toEqual({
      id: jobId,
      description: 'response times',
      groups: ['web', 'prod'],
      state: 'CLOSED',
      deleting: false,
      createdAt: expect.any(String),
      analysisConfig,
      dataDescription: { time_field: '@timestamp' },
      datafeed: null,
      counts: { total: 0 },
    });
    expect(new Date(created.createdAt).toISOString()).toBe(created.createdAt);
    const read = (await ok(server, JobQuery, { id: jobId })).job!;
    expect(read).toMatchObject({
      id: jobId,
      description: 'response times',
      groups: ['web', 'prod'],
      state: 'CLOSED',
      createdAt: created.createdAt,
      analysisConfig,
    });
    expect(await messages(jobId)).toEqual(['Job created']);
    // Only jobId and analysisConfig are required.
    const minimal = (await ok(server, ApiPutJobMutation, { input: { jobId: uniqueId('minimal'), analysisConfig: {} } })).putJob;
    expect(minimal).toMatchObject({ description: null, groups: [], dataDescription: null });
  });

  it('refuses an existing id and changes nothing', async () => {
    const jobId = uniqueId('taken');
    await ok(server, ApiPutJobMutation, { input: { jobId, description: 'first', groups: ['a-group'], analysisConfig } });
    await ok(server, OpenJobMutation, { jobId });
    const again = await gql(server, ApiPutJobMutation, { input: { jobId, description: 'second', groups: [], analysisConfig: { other: true } } });
    expectError(again, 'BAD_USER_INPUT', `The job cannot be created with the Id '${jobId}'. The Id is already used.`);
    expect(again.data ?? null).toBeNull();
    expect((await ok(server, JobQuery, { id: jobId })).job).toMatchObject({
      description: 'first',
      groups: ['a-group'],
      state: 'OPENED',
      analysisConfig,
    });
    expect(await messages(jobId)).toEqual(['Job created', 'Job opened']);
  });

  it('D3 refuses malformed ids, wildcards, lists and _all; 64 characters is the limit', async () => {
    for (const bad of BAD_IDS) {
      expectError(await gql(server, ApiPutJobMutation, { input: { jobId: bad, analysisConfig } }), 'BAD_USER_INPUT', invalidId(bad));
    }
    const prefix = uniqueId('long');
    const long = `${prefix}-`.padEnd(64, '0') + '9';
    expect(long).toHaveLength(65);
    expectError(
      await gql(server, ApiPutJobMutation, { input: { jobId: long, analysisConfig } }),
      'BAD_USER_INPUT',
      'The job id cannot contain more than 64 characters.',
    );
    expect((await ok(server, JobsQuery, { ids: `${prefix}*` })).jobs).toEqual([]);
    const longest = `${uniqueId('x')}-`.padEnd(63, '0') + '9';
    expect(longest).toHaveLength(64);
    expect((await ok(server, ApiPutJobMutation, { input: { jobId: longest, analysisConfig } })).putJob.id).toBe(longest);
    // Single-character and underscore ids are valid. The database is shared with other test
    // files (fuzzing creates random groups), so take a single character no job or group uses.
    const taken = new Set((await ok(server, JobsQuery, { ids: '_all' })).jobs.flatMap((j) => [j.id, ...j.groups]));
    const single = [...'abcdefghijklmnopqrstuvwxyz0123456789'].find((c) => !taken.has(c))!;
    for (const id of [uniqueId('u').replace('-', '_'), single]) {
      expect((await ok(server, ApiPutJobMutation, { input: { jobId: id, analysisConfig } })).putJob.id).toBe(id);
    }
  });

  it('bounds every field: description, groups, analysisConfig, dataDescription; nothing is created', async () => {
    const jobId = uniqueId('bounds');
    const cases: [Record<string, unknown>, string][] = [
      [{ description: 'd'.repeat(4097) }, 'description cannot contain more than 4096 characters'],
      [{ groups: Array.from({ length: 101 }, (_, i) => `g${i}`) }, 'too many groups: at most 100 per call'],
      [{ groups: ['Bad Group'] }, invalidId('Bad Group')],
      [{ groups: [jobId] }, `job and group names must be unique but job [${jobId}] and group [${jobId}] have the same name`],
      [{ analysisConfig: [1, 2] }, 'analysis_config must be a JSON object'],
      [{ analysisConfig: 'text' }, 'analysis_config must be a JSON object'],
      [{ analysisConfig: { blob: 'x'.repeat(64 * 1024) } }, 'analysis_config cannot be larger than 65536 bytes when serialized'],
      [{ analysisConfig: JSON.parse('{"a":'.repeat(21) + '1' + '}'.repeat(21)) }, 'analysis_config cannot be nested more than 20 levels deep'],
      [{ dataDescription: 42 }, 'data_description must be a JSON object'],
    ];
    for (const [override, message] of cases) {
      expectError(await gql(server, ApiPutJobMutation, { input: { jobId, analysisConfig, ...override } }), 'BAD_USER_INPUT', message);
    }
    expect(await job(jobId)).toBeNull();
    expect(await messages(jobId)).toEqual([]);
    // At the limits it is accepted.
    const limits = { description: 'd'.repeat(4096), groups: Array.from({ length: 100 }, (_, i) => `${jobId}-g${i}`) };
    expect((await ok(server, ApiPutJobMutation, { input: { jobId, analysisConfig, ...limits } })).putJob).toMatchObject(limits);
  });

  it('a group may not be named like an existing job, nor a job like an existing group', async () => {
    const [a, b, group] = [uniqueId('clash-a'), uniqueId('clash-b'), uniqueId('clash-g')];
    await putJob(server, a, [group]);
    expectError(
      await gql(server, ApiPutJobMutation, { input: { jobId: b, groups: [a], analysisConfig } }),
      'BAD_USER_INPUT',
      `job and group names must be unique but job [${a}] and group [${a}] have the same name`,
    );
    expectError(
      await gql(server, ApiPutJobMutation, { input: { jobId: group, analysisConfig } }),
      'BAD_USER_INPUT',
      `job and group names must be unique but job [${group}] and group [${group}] have the same name`,
    );
    expect(await job(b)).toBeNull();
    expect(await job(group)).toBeNull();
  });
});

describe('job and jobs', () => {
  it('job(id) is null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    expect((await ok(server, JobQuery, { id: uniqueId('unknown') })).job).toBeNull();
    expectError(await gql(server, JobQuery, { id: 'web-*' }), 'BAD_USER_INPUT', invalidId('web-*'));
  });

  it('resolves _all, *, ids, groups, wildcards and comma lists, sorted by id, each job once', async () => {
    const p = uniqueId('ex');
    const [web1, web2, db1] = [`${p}-web-1`, `${p}-web-2`, `${p}-db-1`];
    await putJob(server, web1, [`${p}-web`]);
    await putJob(server, web2, [`${p}-web`, `${p}-prod`]);
    await putJob(server, db1, [`${p}-prod`]);
    const ids = async (expr?: string) => (await ok(server, JobsQuery, expr === undefined ? {} : { ids: expr })).jobs.map((j) => j.id);

    const all = await ids('_all');
    expect(all).toEqual(expect.arrayContaining([web1, web2, db1]));
    expect(all).toEqual([...all].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    expect(new Set(all).size).toBe(all.length);
    expect(await ids()).toEqual(all); // the default is _all
    expect(await ids('*')).toEqual(all);
    expect(all.length).toBe((await server.app.db.pool.query('SELECT count(*)::int AS n FROM jobs')).rows[0].n);

    expect(await ids(web1)).toEqual([web1]);
    expect(await ids(`${p}-web`)).toEqual([web1, web2]);
    expect(await ids(`${p}-prod`)).toEqual([db1, web2]);
    expect(await ids(`${p}-web-*`)).toEqual([web1, web2]);
    expect(await ids(`${p}-*`)).toEqual([db1, web1, web2]);
    expect(await ids(`${p}-*-1`)).toEqual([db1, web1]);
    expect(await ids(`${p}-pr*`)).toEqual([db1, web2]); // a wildcard matches group names too
    expect(await ids(`${web1},${db1}`)).toEqual([db1, web1]);
    expect(await ids(` ${web1} , ${p}-prod `)).toEqual([db1, web1, web2]);
    expect(await ids(`${web1},${web1},${p}-web,${p}-web-*`)).toEqual([web1, web2]);
    // A wildcard matching nothing is empty; LIKE's own metacharacters match literally.
    expect(await ids(`${p}-nothing-*`)).toEqual([]);
    expect(await ids(`${p.replace('-', '_')}-*`)).toEqual([]);
    expect(await ids(`${p.replace('-', '%')}*`)).toEqual([]);
    expect(await ids(`${p}-nothing-*,${web2}`)).toEqual([web2]);
  });

  it('an explicit name that matches nothing is NOT_FOUND, alone or in a list', async () => {
    const known = uniqueId('known');
    await putJob(server, known);
    const missing = uniqueId('missing');
    expectError(await gql(server, JobsQuery, { ids: missing }), 'NOT_FOUND', `No known job with id '${missing}'`);
    expectError(await gql(server, JobsQuery, { ids: `${known},${missing}` }), 'NOT_FOUND', `No known job with id '${missing}'`);
    expectError(await gql(server, JobsQuery, { ids: `${known}-*,${missing}` }), 'NOT_FOUND', `No known job with id '${missing}'`);
    expectError(
      await gql(server, JobsQuery, { ids: 'x'.repeat(4097) }),
      'BAD_USER_INPUT',
      'The job expression cannot contain more than 4096 characters.',
    );
  });
});

describe('openJob and closeJob', () => {
  it('CLOSED -> OPENED -> CLOSED; repeating a transition is a no-op; each change is audited once', async () => {
    const jobId = uniqueId('cycle');
    await putJob(server, jobId);
    expect((await ok(server, OpenJobMutation, { jobId })).openJob).toEqual({ id: jobId, state: 'OPENED' });
    expect((await ok(server, OpenJobMutation, { jobId })).openJob).toEqual({ id: jobId, state: 'OPENED' });
    expect((await job(jobId))!.state).toBe('OPENED');
    expect((await ok(server, CloseJobMutation, { jobId })).closeJob).toEqual({ id: jobId, state: 'CLOSED' });
    expect((await ok(server, CloseJobMutation, { jobId, force: true })).closeJob).toEqual({ id: jobId, state: 'CLOSED' });
    expect((await ok(server, OpenJobMutation, { jobId })).openJob.state).toBe('OPENED');
    expect((await ok(server, CloseJobMutation, { jobId, force: true })).closeJob.state).toBe('CLOSED');
    expect(await messages(jobId)).toEqual(['Job created', 'Job opened', 'Job closed', 'Job opened', 'Job closed']);
  });

  it('unknown jobs are NOT_FOUND, malformed ids BAD_USER_INPUT', async () => {
    const missing = uniqueId('nojob');
    expectError(await gql(server, OpenJobMutation, { jobId: missing }), 'NOT_FOUND', `No known job with id '${missing}'`);
    expectError(await gql(server, CloseJobMutation, { jobId: missing }), 'NOT_FOUND', `No known job with id '${missing}'`);
    expectError(await gql(server, CloseJobMutation, { jobId: missing, force: true }), 'NOT_FOUND', `No known job with id '${missing}'`);
    expectError(await gql(server, OpenJobMutation, { jobId: 'Bad' }), 'BAD_USER_INPUT', invalidId('Bad'));
    expectError(await gql(server, CloseJobMutation, { jobId: 'a*' }), 'BAD_USER_INPUT', invalidId('a*'));
    expect(await job(missing)).toBeNull();
  });

  it('a FAILED job needs a force close', async () => {
    const jobId = await openedJob(server, 'failed');
    await server.app.db.pool.query(`UPDATE jobs SET state = 'FAILED' WHERE id = $1`, [jobId]);
    expectError(await gql(server, CloseJobMutation, { jobId }), 'CONFLICT', `cannot close job [${jobId}] because it failed, use force close`);
    expect((await job(jobId))!.state).toBe('FAILED');
    expect((await ok(server, CloseJobMutation, { jobId, force: true })).closeJob).toEqual({ id: jobId, state: 'CLOSED' });
  });
});

describe('ingestResults and Job.counts', () => {
  it('counts every kind exactly; quantiles and categorizer state are replaced, not added', async () => {
    const jobId = await openedJob(server, 'counts');
    const other = await openedJob(server, 'counts-other');
    const first = (
      await ok(server, ApiIngestResultsMutation, {
        jobId,
        input: {
          buckets: [0, 15, 30].map((m) => ({ timestamp: ts(m), bucketSpanSeconds: 900, anomalyScore: m })),
          records: [
            { timestamp: ts(0), recordScore: 91.5, fieldName: 'responsetime', actual: 900, typical: 100 },
            { timestamp: ts(15), recordScore: 2 },
          ],
          influencers: [{ timestamp: ts(0), fieldName: 'host', fieldValue: 'web-1', influencerScore: 50 }],
          categories: [
            { categoryId: 1, terms: 'error timeout' },
            { categoryId: 2, terms: 'ok', examples: ['a', 'b'] },
          ],
          forecasts: [{ forecastId: 'f1', timestamp: ts(45), prediction: 120 }],
          modelSnapshots: [
            { snapshotId: 's1', timestamp: ts(15), stateDocs: ['c1', 'c2'] },
            { snapshotId: 's2', timestamp: ts(30), description: 'second', stateDocs: ['c3'] },
          ],
          quantiles: { q: [1, 2, 3] },
          categorizerState: ['cat-1', 'cat-2'],
          annotations: [{ timestamp: ts(0), text: 'model changed' }],
        },
      })
    ).ingestResults;
    const expected = {
      buckets: 3,
      records: 2,
      influencers: 1,
      categories: 2,
      forecasts: 1,
      modelSnapshots: 2,
      modelStateDocs: 6,
      annotations: 1,
      total: 18,
    };
    expect(first).toEqual(expected);
    expect((await job(jobId))!.counts).toEqual(expected);

    const second = (
      await ok(server, ApiIngestResultsMutation, {
        jobId,
        input: { buckets: [{ timestamp: ts(45), bucketSpanSeconds: 900, anomalyScore: 1 }], quantiles: { q: [4] }, categorizerState: ['cat-3'] },
      })
    ).ingestResults;
    const after = { ...expected, buckets: 4, modelStateDocs: 5, total: 18 };
    expect(second).toEqual(after);
    await ok(server, ApiPutAnnotationMutation, { jobId, input: { timestamp: ts(5), text: 'a user note' } });
    const withNote = { ...after, annotations: 2, total: 19 };
    expect((await job(jobId))!.counts).toEqual(withNote);
    // The same rows, counted directly in the tables.
    const rows = await rowsOwnedBy(server.app.db, jobId);
    expect(rows).toMatchObject({ buckets: 4, records: 2, influencers: 1, categories: 2, forecasts: 1, model_snapshots: 2, model_state_docs: 5 });
    // The other job owns nothing of it; an empty input changes nothing.
    expect((await job(other))!.counts.total).toBe(0);
    expect((await ok(server, ApiIngestResultsMutation, { jobId, input: {} })).ingestResults).toEqual(withNote);
    // Counts survive a close.
    await ok(server, CloseJobMutation, { jobId });
    expect((await job(jobId))!.counts).toEqual(withNote);
  });

  it('refuses a job that is not OPENED (CONFLICT), an unknown job (NOT_FOUND), a malformed id', async () => {
    const jobId = uniqueId('closed');
    await putJob(server, jobId);
    const input = { buckets: [{ timestamp: ts(0), bucketSpanSeconds: 900, anomalyScore: 1 }] };
    expectError(
      await gql(server, ApiIngestResultsMutation, { jobId, input }),
      'CONFLICT',
      `Cannot ingest results for job [${jobId}] because the job is closed`,
    );
    await server.app.db.pool.query(`UPDATE jobs SET state = 'FAILED' WHERE id = $1`, [jobId]);
    expectError(
      await gql(server, ApiIngestResultsMutation, { jobId, input }),
      'CONFLICT',
      `Cannot ingest results for job [${jobId}] because the job is failed`,
    );
    expect((await job(jobId))!.counts.total).toBe(0);
    const missing = uniqueId('nojob');
    expectError(await gql(server, ApiIngestResultsMutation, { jobId: missing, input }), 'NOT_FOUND', `No known job with id '${missing}'`);
    expect(await rowsOwnedBy(server.app.db, missing)).toMatchObject({ buckets: 0 });
    expectError(await gql(server, ApiIngestResultsMutation, { jobId: '_all', input }), 'BAD_USER_INPUT', invalidId('_all'));
  });

  it('refuses too many items or over-long values, and then writes nothing of the call', async () => {
    const jobId = await openedJob(server, 'limits');
    const bucket = { timestamp: ts(0), bucketSpanSeconds: 900, anomalyScore: 1 };
    const record = { timestamp: ts(0), recordScore: 1 };
    const cases: [Record<string, unknown>, string][] = [
      [{ records: [record], buckets: Array.from({ length: 10_001 }, () => bucket) }, 'too many buckets: at most 10000 per call'],
      [
        { records: [record], categorizerState: Array.from({ length: 10_001 }, (_, i) => `s${i}`) },
        'too many categorizerState: at most 10000 per call',
      ],
      [
        { records: [record], annotations: [{ timestamp: ts(0), text: 't'.repeat(4097) }] },
        'annotation text cannot contain more than 4096 characters',
      ],
      [{ records: [{ ...record, fieldName: 'f'.repeat(4097) }] }, 'record fieldName cannot contain more than 4096 characters'],
      [
        { records: [record], categories: [{ categoryId: 1, terms: 'x', examples: Array.from({ length: 101 }, () => 'e') }] },
        'too many category examples: at most 100 per call',
      ],
      [
        { records: [record], forecasts: [{ forecastId: 'f'.repeat(65), timestamp: ts(0), prediction: 1 }] },
        'forecastId cannot contain more than 64 characters',
      ],
      [
        {
          records: [record],
          modelSnapshots: [
            { snapshotId: 's1', timestamp: ts(0), stateDocs: [] },
            { snapshotId: 's1', timestamp: ts(1), stateDocs: [] },
          ],
        },
        'model snapshot [s1] appears more than once',
      ],
    ];
    for (const [input, message] of cases) {
      expectError(await gql(server, ApiIngestResultsMutation, { jobId, input }), 'BAD_USER_INPUT', message);
    }
    expect((await job(jobId))!.counts.total).toBe(0);
    // A snapshot id the job already has: the whole call is rolled back.
    await ok(server, ApiIngestResultsMutation, { jobId, input: { modelSnapshots: [{ snapshotId: 'kept', timestamp: ts(0), stateDocs: ['d'] }] } });
    const again = await gql(server, ApiIngestResultsMutation, {
      jobId,
      input: {
        buckets: [bucket],
        modelSnapshots: [
          { snapshotId: 'new', timestamp: ts(1), stateDocs: ['d'] },
          { snapshotId: 'kept', timestamp: ts(2), stateDocs: ['d'] },
        ],
      },
    });
    expectError(again, 'BAD_USER_INPUT', `model snapshot [kept] already exists for job [${jobId}]`);
    expect((await job(jobId))!.counts).toMatchObject({ buckets: 0, modelSnapshots: 1, modelStateDocs: 1, total: 2 });
    // 10,000 of a kind is accepted.
    const full = (await ok(server, ApiIngestResultsMutation, { jobId, input: { buckets: Array.from({ length: 10_000 }, () => bucket) } }))
      .ingestResults;
    expect(full).toMatchObject({ buckets: 10_000, total: 10_002 });
  });
});

describe('annotations', () => {
  it('putAnnotation writes a user annotation whose createdBy is the API key name; annotations lists them oldest first', async () => {
    const jobId = await openedJob(server, 'notes');
    await ok(server, ApiIngestResultsMutation, { jobId, input: { annotations: [{ timestamp: ts(10), text: 'system' }] } });
    const writer = (await ok(server, CreateApiKeyMutation, { name: uniqueId('annotator'), privileges: ['MANAGE_ML'] })).createApiKey;
    const byKey = (await ok(server, ApiPutAnnotationMutation, { jobId, input: { timestamp: ts(20), text: 'by the key' } }, writer.secret))
      .putAnnotation;
    expect(byKey).toEqual({ id: expect.any(String), jobId, timestamp: ts(20), text: 'by the key', createdBy: writer.apiKey.name });
    const byAdmin = (await ok(server, ApiPutAnnotationMutation, { jobId, input: { timestamp: ts(5), text: 'by admin' } })).putAnnotation;
    expect(byAdmin.createdBy).toBe('admin');
    const listed = (await ok(server, ApiAnnotationsQuery, { jobId })).annotations;
    expect(listed.map((a) => [a.text, a.createdBy, a.timestamp])).toEqual([
      ['by admin', 'admin', ts(5)],
      ['system', '_xpack', ts(10)],
      ['by the key', writer.apiKey.name, ts(20)],
    ]);
    expect(listed.every((a) => a.jobId === jobId)).toBe(true);
    expect(listed.find((a) => a.text === 'by the key')!.id).toBe(byKey.id);
    // A closed job takes user annotations too.
    await ok(server, CloseJobMutation, { jobId });
    expect((await ok(server, ApiPutAnnotationMutation, { jobId, input: { timestamp: ts(30), text: 'closed' } })).putAnnotation.createdBy).toBe(
      'admin',
    );
    expect((await job(jobId))!.counts.annotations).toBe(4);
  });

  it('refuses an unknown job, a malformed id and an over-long text; annotations of an unknown job are empty', async () => {
    const missing = uniqueId('nojob');
    expectError(
      await gql(server, ApiPutAnnotationMutation, { jobId: missing, input: { timestamp: ts(0), text: 'x' } }),
      'NOT_FOUND',
      `No known job with id '${missing}'`,
    );
    expect((await ok(server, ApiAnnotationsQuery, { jobId: missing })).annotations).toEqual([]);
    expectError(
      await gql(server, ApiPutAnnotationMutation, { jobId: 'A', input: { timestamp: ts(0), text: 'x' } }),
      'BAD_USER_INPUT',
      invalidId('A'),
    );
    expectError(await gql(server, ApiAnnotationsQuery, { jobId: 'a,b' }), 'BAD_USER_INPUT', invalidId('a,b'));
    const jobId = uniqueId('longnote');
    await putJob(server, jobId);
    expectError(
      await gql(server, ApiPutAnnotationMutation, { jobId, input: { timestamp: ts(0), text: 'x'.repeat(4097) } }),
      'BAD_USER_INPUT',
      'annotation text cannot contain more than 4096 characters',
    );
    expect((await ok(server, ApiAnnotationsQuery, { jobId })).annotations).toEqual([]);
  });
});

describe('calendars', () => {
  it('putCalendar creates or replaces the members (sorted, each once); calendar reads them', async () => {
    const [a, b] = [uniqueId('cal-a'), uniqueId('cal-b')];
    await putJob(server, a);
    await putJob(server, b);
    const calendarId = uniqueId('holidays');
    const sorted = [a, b].sort();
    expect((await ok(server, PutCalendarMutation, { calendarId, jobIds: [b, a, b] })).putCalendar).toEqual({ id: calendarId, jobIds: sorted });
    expect((await ok(server, CalendarQuery, { id: calendarId })).calendar).toEqual({ id: calendarId, jobIds: sorted });
    expect((await ok(server, PutCalendarMutation, { calendarId, jobIds: [a] })).putCalendar).toEqual({ id: calendarId, jobIds: [a] });
    expect((await ok(server, CalendarQuery, { id: calendarId })).calendar).toEqual({ id: calendarId, jobIds: [a] });
    expect((await ok(server, PutCalendarMutation, { calendarId, jobIds: [] })).putCalendar).toEqual({ id: calendarId, jobIds: [] });
    expect((await ok(server, CalendarQuery, { id: calendarId })).calendar).toEqual({ id: calendarId, jobIds: [] });
  });

  it('refuses an unknown member (NOT_FOUND) and malformed ids, leaving the calendar as it was', async () => {
    const a = uniqueId('cal-m');
    await putJob(server, a);
    const calendarId = uniqueId('cal');
    await ok(server, PutCalendarMutation, { calendarId, jobIds: [a] });
    const missing = uniqueId('nojob');
    expectError(await gql(server, PutCalendarMutation, { calendarId, jobIds: [missing] }), 'NOT_FOUND', `No known job with id '${missing}'`);
    expectError(await gql(server, PutCalendarMutation, { calendarId, jobIds: [a, 'Bad'] }), 'BAD_USER_INPUT', invalidId('Bad'));
    expectError(await gql(server, PutCalendarMutation, { calendarId: 'Cal', jobIds: [a] }), 'BAD_USER_INPUT', invalidId('Cal', 'calendar'));
    expectError(await gql(server, CalendarQuery, { id: 'cal-*' }), 'BAD_USER_INPUT', invalidId('cal-*', 'calendar'));
    expect((await ok(server, CalendarQuery, { id: calendarId })).calendar).toEqual({ id: calendarId, jobIds: [a] });
    const fresh = uniqueId('cal-new');
    expectError(await gql(server, PutCalendarMutation, { calendarId: fresh, jobIds: [missing] }), 'NOT_FOUND', `No known job with id '${missing}'`);
    expect((await ok(server, CalendarQuery, { id: fresh })).calendar).toBeNull();
  });
});

describe('notifications', () => {
  it('lists the job history oldest first with level, job and time; empty for an unknown job', async () => {
    const jobId = await openedJob(server, 'audit');
    await ok(server, CloseJobMutation, { jobId });
    const notes = (await ok(server, ApiNotificationsQuery, { jobId })).notifications;
    expect(notes.map((n) => [n.jobId, n.level, n.message])).toEqual([
      [jobId, 'info', 'Job created'],
      [jobId, 'info', 'Job opened'],
      [jobId, 'info', 'Job closed'],
    ]);
    const times = notes.map((n) => Date.parse(n.timestamp));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(times.every((t) => !Number.isNaN(t))).toBe(true);
    expect((await ok(server, ApiNotificationsQuery, { jobId: uniqueId('nojob') })).notifications).toEqual([]);
    expectError(await gql(server, ApiNotificationsQuery, { jobId: '*' }), 'BAD_USER_INPUT', invalidId('*'));
  });
});

describe('GraphQL over HTTP GET', () => {
  const get = async (query: string, headers: Record<string, string>) => {
    const res = await fetch(`${server.graphqlUrl}?query=${encodeURIComponent(query)}`, {
      headers: { accept: 'application/graphql-response+json, application/json', ...headers },
    });
    return { status: res.status, body: (await res.json()) as ErrorsOf & { data?: Record<string, unknown> | null } };
  };

  it('answers queries; refuses mutations (405) without running them; still needs a key', async () => {
    const jobId = uniqueId('get');
    await putJob(server, jobId);
    const read = await get(`{ job(id: "${jobId}") { id state } }`, { authorization: `ApiKey ${server.adminKey}` });
    expect(read).toEqual({ status: 200, body: { data: { job: { id: jobId, state: 'CLOSED' } } } });
    const other = uniqueId('get-put');
    const write = await get(`mutation { putJob(input: { jobId: "${other}", analysisConfig: {} }) { id } }`, {
      authorization: `ApiKey ${server.adminKey}`,
    });
    expect(write.status).toBe(405);
    expect(write.body.errors?.[0].message).toBe('Can only perform a mutation operation from a POST request.');
    expect(await job(other)).toBeNull();
    const anonymous = await get(`{ job(id: "${jobId}") { id } }`, { 'x-graphql-csrf': '1' });
    expect(anonymous.body.errors?.[0]).toMatchObject({
      message: 'missing authentication credentials for request',
      extensions: { code: 'UNAUTHENTICATED', type: 'security_exception', status: 401 },
    });
  });
});

describe('over graphql-ws', () => {
  let client: Client;
  beforeAll(() => {
    client = wsClient(server);
  });
  afterAll(async () => {
    await client?.dispose();
  });

  it('putJob, job and jobs succeed; a taken id, a bad id and an unknown name fail with their codes', async () => {
    const jobId = uniqueId('ws-job');
    const put = await wsOnce(client, ApiPutJobMutation, { input: { jobId, groups: [`${jobId}-g`], analysisConfig } });
    expect(put.errors).toBeUndefined();
    expect(put.data!.putJob).toMatchObject({ id: jobId, state: 'CLOSED', groups: [`${jobId}-g`] });
    expectError(
      await wsOnce(client, ApiPutJobMutation, { input: { jobId, analysisConfig } }),
      'BAD_USER_INPUT',
      `The job cannot be created with the Id '${jobId}'. The Id is already used.`,
    );
    expectError(await wsOnce(client, ApiPutJobMutation, { input: { jobId: 'Nope', analysisConfig } }), 'BAD_USER_INPUT', invalidId('Nope'));
    expect((await wsOnce(client, JobQuery, { id: jobId })).data!.job).toMatchObject({ id: jobId, state: 'CLOSED', counts: { total: 0 } });
    expect((await wsOnce(client, JobQuery, { id: uniqueId('ws-none') })).data).toEqual({ job: null });
    expect((await wsOnce(client, JobsQuery, { ids: `${jobId}-g` })).data).toEqual({ jobs: [{ id: jobId, groups: [`${jobId}-g`] }] });
    expect((await wsOnce(client, JobsQuery, { ids: `${jobId}-nothing-*` })).data).toEqual({ jobs: [] });
    const missing = uniqueId('ws-missing');
    expectError(await wsOnce(client, JobsQuery, { ids: missing }), 'NOT_FOUND', `No known job with id '${missing}'`);
  });

  it('ingestResults counts an OPENED job and refuses a closed or unknown one', async () => {
    const jobId = uniqueId('ws-ingest');
    await putJob(server, jobId);
    const input = { buckets: [{ timestamp: ts(0), bucketSpanSeconds: 900, anomalyScore: 5 }], records: [{ timestamp: ts(0), recordScore: 5 }] };
    expectError(
      await wsOnce(client, ApiIngestResultsMutation, { jobId, input }),
      'CONFLICT',
      `Cannot ingest results for job [${jobId}] because the job is closed`,
    );
    expect((await wsOnce(client, OpenJobMutation, { jobId })).data!.openJob.state).toBe('OPENED');
    const counted = await wsOnce(client, ApiIngestResultsMutation, { jobId, input });
    expect(counted.data!.ingestResults).toEqual({
      buckets: 1,
      records: 1,
      influencers: 0,
      categories: 0,
      forecasts: 0,
      modelSnapshots: 0,
      modelStateDocs: 0,
      annotations: 0,
      total: 2,
    });
    const missing = uniqueId('ws-missing');
    expectError(await wsOnce(client, ApiIngestResultsMutation, { jobId: missing, input }), 'NOT_FOUND', `No known job with id '${missing}'`);
    expectError(
      await wsOnce(client, ApiIngestResultsMutation, { jobId, input: { buckets: Array.from({ length: 10_001 }, () => input.buckets[0]) } }),
      'BAD_USER_INPUT',
      'too many buckets: at most 10000 per call',
    );
    expect((await job(jobId))!.counts.total).toBe(2);
  });
});
