// Datafeeds through the public API: putDatafeed, startDatafeed, stopDatafeed, deleteDatafeed, and
// how they meet closeJob and deleteJob (Elasticsearch 7.x rules, messages word for word).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putJob } from './support/jobs.ts';
import { gql, ok, startServer, uniqueId, type TestServer } from './support/server.ts';
import { CloseJobMutation, DeleteDatafeedMutation, DeleteJobMutation, OpenJobMutation } from './operations/documents.ts';
import {
  ApiDatafeedQuery,
  ApiJobStateQuery,
  ApiNotificationsQuery,
  ApiPutDatafeedMutation,
  ApiStartDatafeedMutation,
  ApiStopDatafeedMutation,
} from './operations/api.ts';
import { expectError, invalidId } from './support/errors.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const datafeed = async (id: string) => (await ok(server, ApiDatafeedQuery, { id })).datafeed;
const jobOf = async (id: string) => (await ok(server, ApiJobStateQuery, { id })).job;
const messages = async (jobId: string) => (await ok(server, ApiNotificationsQuery, { jobId })).notifications.map((n) => n.message);

/** A job (opened or closed) with a stopped datafeed `df-<jobId>`. */
async function jobWithDatafeed(prefix: string, state: 'opened' | 'closed' = 'opened') {
  const jobId = uniqueId(prefix);
  await putJob(server, jobId);
  if (state === 'opened') await ok(server, OpenJobMutation, { jobId });
  const datafeedId = `df-${jobId}`;
  await ok(server, ApiPutDatafeedMutation, { input: { datafeedId, jobId, indices: ['logs-*'] } });
  return { jobId, datafeedId };
}

describe('putDatafeed', () => {
  it('creates a STOPPED datafeed for the job, readable by datafeed(id) and Job.datafeed', async () => {
    const jobId = uniqueId('put-df');
    await putJob(server, jobId);
    const datafeedId = `df-${jobId}`;
    const query = { bool: { must: [{ match: { status: 500 } }] } };
    const created = (await ok(server, ApiPutDatafeedMutation, { input: { datafeedId, jobId, indices: ['logs-a', 'logs-b*'], query } })).putDatafeed;
    const expected = { id: datafeedId, jobId, indices: ['logs-a', 'logs-b*'], query, state: 'STOPPED' };
    expect(created).toEqual(expected);
    expect(await datafeed(datafeedId)).toEqual(expected);
    expect((await jobOf(jobId))!.datafeed).toEqual({ id: datafeedId, state: 'STOPPED' });
    const plain = (await ok(server, ApiPutDatafeedMutation, { input: { datafeedId: `${datafeedId}-2`, jobId: await plainJob(), indices: ['x'] } }))
      .putDatafeed;
    expect(plain.query).toBeNull();
  });

  it('one datafeed per job: a second one for the job is CONFLICT and is not created', async () => {
    const { jobId, datafeedId } = await jobWithDatafeed('one-df', 'closed');
    const second = `df2-${jobId}`;
    expectError(
      await gql(server, ApiPutDatafeedMutation, { input: { datafeedId: second, jobId, indices: ['other'] } }),
      'CONFLICT',
      `A datafeed [${datafeedId}] already exists for job [${jobId}]`,
    );
    expect(await datafeed(second)).toBeNull();
    expect(await datafeed(datafeedId)).toMatchObject({ jobId, indices: ['logs-*'] });
  });

  it('a datafeed id already taken (by another job) is BAD_USER_INPUT; nothing changes', async () => {
    const { jobId, datafeedId } = await jobWithDatafeed('dup-df', 'closed');
    const other = uniqueId('dup-other');
    await putJob(server, other);
    expectError(
      await gql(server, ApiPutDatafeedMutation, { input: { datafeedId, jobId: other, indices: ['x'] } }),
      'BAD_USER_INPUT',
      `A datafeed with id [${datafeedId}] already exists`,
    );
    expect(await datafeed(datafeedId)).toMatchObject({ jobId, indices: ['logs-*'] });
    expect((await jobOf(other))!.datafeed).toBeNull();
  });

  it('refuses an unknown job, malformed ids, no or blank indices and a non-object query', async () => {
    const missing = uniqueId('nojob');
    expectError(
      await gql(server, ApiPutDatafeedMutation, { input: { datafeedId: `df-${missing}`, jobId: missing, indices: ['x'] } }),
      'NOT_FOUND',
      `No known job with id '${missing}'`,
    );
    expect(await datafeed(`df-${missing}`)).toBeNull();
    const jobId = uniqueId('df-bad');
    await putJob(server, jobId);
    const cases: [Record<string, unknown>, string][] = [
      [{ datafeedId: 'Df' }, invalidId('Df', 'datafeed')],
      [{ datafeedId: 'df-*' }, invalidId('df-*', 'datafeed')],
      [{ datafeedId: `d${'f'.repeat(64)}` }, 'The datafeed id cannot contain more than 64 characters.'],
      [{ jobId: 'job,other' }, invalidId('job,other')],
      [{ indices: [] }, `Invalid indices value '[]' in datafeed configuration`],
      [{ indices: ['logs', ' '] }, `Invalid indices value '[logs,  ]' in datafeed configuration`],
      [{ query: ['match_all'] }, 'query must be a JSON object'],
      [{ indices: Array.from({ length: 101 }, (_, i) => `i${i}`) }, 'too many indices: at most 100 per call'],
      [{ indices: ['i'.repeat(256)] }, 'index name cannot contain more than 255 characters'],
    ];
    const datafeedId = `df-${jobId}`;
    for (const [override, message] of cases) {
      expectError(
        await gql(server, ApiPutDatafeedMutation, { input: { datafeedId, jobId, indices: ['logs'], ...override } }),
        'BAD_USER_INPUT',
        message,
      );
    }
    expect(await datafeed(datafeedId)).toBeNull();
    expect((await jobOf(jobId))!.datafeed).toBeNull();
  });

  it('datafeed(id) is null for an unknown id, BAD_USER_INPUT for a malformed one', async () => {
    expect(await datafeed(uniqueId('nodf'))).toBeNull();
    expectError(await gql(server, ApiDatafeedQuery, { id: '_all' }), 'BAD_USER_INPUT', invalidId('_all', 'datafeed'));
  });
});

async function plainJob() {
  const jobId = uniqueId('plain');
  await putJob(server, jobId);
  return jobId;
}

describe('startDatafeed and stopDatafeed', () => {
  it('a started datafeed needs an OPENED job', async () => {
    const { jobId, datafeedId } = await jobWithDatafeed('start-closed', 'closed');
    expectError(
      await gql(server, ApiStartDatafeedMutation, { datafeedId }),
      'CONFLICT',
      `cannot start datafeed [${datafeedId}] because job [${jobId}] is closed`,
    );
    expect((await datafeed(datafeedId))!.state).toBe('STOPPED');
    await server.app.db.pool.query(`UPDATE jobs SET state = 'FAILED' WHERE id = $1`, [jobId]);
    expectError(
      await gql(server, ApiStartDatafeedMutation, { datafeedId }),
      'CONFLICT',
      `cannot start datafeed [${datafeedId}] because job [${jobId}] is failed`,
    );
    expect((await datafeed(datafeedId))!.state).toBe('STOPPED');
    expect(await messages(jobId)).not.toContain('Datafeed started');
  });

  it('STOPPED -> STARTED -> STOPPED; repeating is a no-op; each change is audited once', async () => {
    const { jobId, datafeedId } = await jobWithDatafeed('start-stop');
    expect((await ok(server, ApiStartDatafeedMutation, { datafeedId })).startDatafeed).toEqual({ id: datafeedId, jobId, state: 'STARTED' });
    expect((await ok(server, ApiStartDatafeedMutation, { datafeedId })).startDatafeed.state).toBe('STARTED');
    expect((await jobOf(jobId))!.datafeed).toEqual({ id: datafeedId, state: 'STARTED' });
    expect((await ok(server, ApiStopDatafeedMutation, { datafeedId })).stopDatafeed).toEqual({ id: datafeedId, jobId, state: 'STOPPED' });
    expect((await ok(server, ApiStopDatafeedMutation, { datafeedId, force: true })).stopDatafeed.state).toBe('STOPPED');
    expect((await ok(server, ApiStartDatafeedMutation, { datafeedId })).startDatafeed.state).toBe('STARTED');
    expect((await ok(server, ApiStopDatafeedMutation, { datafeedId, force: true })).stopDatafeed.state).toBe('STOPPED');
    expect(await messages(jobId)).toEqual([
      'Job created',
      'Job opened',
      'Datafeed started',
      'Datafeed stopped',
      'Datafeed started',
      'Datafeed stopped',
    ]);
  });

  it('unknown datafeeds are NOT_FOUND for start, stop and delete; malformed ids BAD_USER_INPUT', async () => {
    const missing = uniqueId('nodf');
    const notFound = `No datafeed with id [${missing}] exists`;
    expectError(await gql(server, ApiStartDatafeedMutation, { datafeedId: missing }), 'NOT_FOUND', notFound);
    expectError(await gql(server, ApiStopDatafeedMutation, { datafeedId: missing }), 'NOT_FOUND', notFound);
    expectError(await gql(server, ApiStopDatafeedMutation, { datafeedId: missing, force: true }), 'NOT_FOUND', notFound);
    expectError(await gql(server, DeleteDatafeedMutation, { datafeedId: missing }), 'NOT_FOUND', notFound);
    expectError(await gql(server, DeleteDatafeedMutation, { datafeedId: missing, force: true }), 'NOT_FOUND', notFound);
    for (const bad of ['DF', '*', 'a,b']) {
      expectError(await gql(server, ApiStartDatafeedMutation, { datafeedId: bad }), 'BAD_USER_INPUT', invalidId(bad, 'datafeed'));
      expectError(await gql(server, ApiStopDatafeedMutation, { datafeedId: bad }), 'BAD_USER_INPUT', invalidId(bad, 'datafeed'));
      expectError(await gql(server, DeleteDatafeedMutation, { datafeedId: bad }), 'BAD_USER_INPUT', invalidId(bad, 'datafeed'));
    }
  });
});

describe('deleteDatafeed', () => {
  it('deletes a stopped datafeed; the job can then have a new one, even of the same id', async () => {
    const { jobId, datafeedId } = await jobWithDatafeed('del-df', 'closed');
    expect((await ok(server, DeleteDatafeedMutation, { datafeedId })).deleteDatafeed).toEqual({ acknowledged: true });
    expect(await datafeed(datafeedId)).toBeNull();
    expect((await jobOf(jobId))!.datafeed).toBeNull();
    expectError(await gql(server, DeleteDatafeedMutation, { datafeedId }), 'NOT_FOUND', `No datafeed with id [${datafeedId}] exists`);
    expect((await ok(server, ApiPutDatafeedMutation, { input: { datafeedId, jobId, indices: ['again'] } })).putDatafeed).toMatchObject({
      id: datafeedId,
      indices: ['again'],
    });
  });

  it('cannot delete a started datafeed without force; with force it is stopped, then deleted', async () => {
    const { jobId, datafeedId } = await jobWithDatafeed('del-started');
    await ok(server, ApiStartDatafeedMutation, { datafeedId });
    expectError(
      await gql(server, DeleteDatafeedMutation, { datafeedId }),
      'CONFLICT',
      `Cannot delete datafeed [${datafeedId}] while its status is started`,
    );
    expectError(
      await gql(server, DeleteDatafeedMutation, { datafeedId, force: false }),
      'CONFLICT',
      `Cannot delete datafeed [${datafeedId}] while its status is started`,
    );
    expect((await datafeed(datafeedId))!.state).toBe('STARTED');
    expect((await ok(server, DeleteDatafeedMutation, { datafeedId, force: true })).deleteDatafeed).toEqual({ acknowledged: true });
    expect(await datafeed(datafeedId)).toBeNull();
    expect(await jobOf(jobId)).toMatchObject({ state: 'OPENED', datafeed: null });
    expect((await messages(jobId)).slice(-2)).toEqual(['Datafeed started', 'Datafeed stopped']);
  });
});

describe('datafeeds and the job lifecycle', () => {
  it('closeJob with a started datafeed needs force; force stops the datafeed, then closes the job', async () => {
    const { jobId, datafeedId } = await jobWithDatafeed('close-df');
    await ok(server, ApiStartDatafeedMutation, { datafeedId });
    expectError(await gql(server, CloseJobMutation, { jobId }), 'CONFLICT', `cannot close job [${jobId}], datafeed hasn't been stopped`);
    expect(await jobOf(jobId)).toMatchObject({ state: 'OPENED', datafeed: { id: datafeedId, state: 'STARTED' } });
    expect((await ok(server, CloseJobMutation, { jobId, force: true })).closeJob).toEqual({ id: jobId, state: 'CLOSED' });
    expect(await jobOf(jobId)).toMatchObject({ state: 'CLOSED', datafeed: { id: datafeedId, state: 'STOPPED' } });
    expect((await messages(jobId)).slice(-3)).toEqual(['Datafeed started', 'Datafeed stopped', 'Job closed']);
  });

  it('closeJob with a stopped datafeed needs no force, and leaves the datafeed', async () => {
    const { jobId, datafeedId } = await jobWithDatafeed('close-stopped');
    expect((await ok(server, CloseJobMutation, { jobId })).closeJob.state).toBe('CLOSED');
    expect(await datafeed(datafeedId)).toMatchObject({ jobId, state: 'STOPPED' });
  });

  it('a job with a datafeed cannot be deleted (D6); once the datafeed is deleted it can', async () => {
    const { jobId, datafeedId } = await jobWithDatafeed('del-job', 'closed');
    expectError(
      await gql(server, DeleteJobMutation, { jobId, force: true }),
      'CONFLICT',
      `Cannot delete job [${jobId}] because datafeed [${datafeedId}] refers to it`,
    );
    await ok(server, DeleteDatafeedMutation, { datafeedId });
    expect((await ok(server, DeleteJobMutation, { jobId })).deleteJob).toEqual({ __typename: 'Acknowledged', acknowledged: true });
    expect(await jobOf(jobId)).toBeNull();
  });
});
