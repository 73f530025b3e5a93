// Builds jobs through the public API, the way clients do.
import { dedicatedTableName } from '../../src/jobs/storage.ts';
import type { TestServer } from './server.ts';
import { ok, uniqueId, wsClient, wsSubscribe } from './server.ts';
import {
  CloseJobMutation,
  DeleteJobMutation,
  IngestResultsMutation,
  OpenJobMutation,
  PutAnnotationMutation,
  PutJobMutation,
  TaskProgressSubscription,
} from '../operations/documents.ts';

export const analysisConfig = { bucket_span: '15m', detectors: [{ function: 'mean', field_name: 'responsetime' }] };

/** Where a test job's rows live (src/jobs/storage.ts): SHARED unless a test asks for DEDICATED. */
export type Storage = 'SHARED' | 'DEDICATED';

export async function putJob(server: TestServer, jobId: string, groups: string[] = [], storage: Storage = 'SHARED') {
  return ok(server, PutJobMutation, { input: { jobId, analysisConfig, groups, dedicatedStorage: storage === 'DEDICATED' } });
}

/** A new OPENED job with no data; answers its id (`<prefix>-<random>`). */
export async function openedJob(server: TestServer, prefix: string) {
  const jobId = uniqueId(prefix);
  await putJob(server, jobId);
  await ok(server, OpenJobMutation, { jobId });
  return jobId;
}

/**
 * A job owning 12 rows: one of each result kind, a snapshot with 2 state docs, the quantiles and
 * a categorizer document, a system and a user annotation. Left in `state`:
 * 'closed' (default) or 'opened', in `storage`.
 */
export async function jobWithData(
  server: TestServer,
  jobId: string,
  state: 'opened' | 'closed' = 'closed',
  storage: Storage = 'SHARED',
  /** More buckets on top of the 12 rows (a job big enough for its deletion to take steps). */
  extraBuckets = 0,
) {
  await putJob(server, jobId, [], storage);
  await ok(server, OpenJobMutation, { jobId });
  const ts = '2026-01-01T00:00:00.000Z';
  await ok(server, IngestResultsMutation, {
    jobId,
    input: {
      buckets: Array.from({ length: 1 + extraBuckets }, () => ({ timestamp: ts, bucketSpanSeconds: 900, anomalyScore: 12.5 })),
      records: [{ timestamp: ts, recordScore: 80, fieldName: 'responsetime', actual: 500, typical: 120 }],
      influencers: [{ timestamp: ts, fieldName: 'host', fieldValue: 'web-1', influencerScore: 70 }],
      categories: [{ categoryId: 1, terms: 'error timeout', examples: ['error: timeout after 30s'] }],
      forecasts: [{ forecastId: 'f1', timestamp: ts, prediction: 130 }],
      modelSnapshots: [{ snapshotId: 's1', timestamp: ts, stateDocs: ['state-chunk-1', 'state-chunk-2'] }],
      quantiles: { q: [0.5, 0.9] },
      categorizerState: ['cat-state'],
      annotations: [{ timestamp: ts, text: 'system annotation' }],
    },
  });
  await ok(server, PutAnnotationMutation, { jobId, input: { timestamp: ts, text: 'user annotation' } });
  if (state === 'closed') await ok(server, CloseJobMutation, { jobId });
}

/** Starts a deletion without waiting; answers its task id. */
export async function asyncDelete(
  s: Pick<TestServer, 'graphqlUrl' | 'adminKey'>,
  jobId: string,
  extra: { force?: boolean; deleteUserAnnotations?: boolean } = {},
) {
  const data = await ok(s, DeleteJobMutation, { jobId, waitForCompletion: false, ...extra });
  if (data.deleteJob.__typename !== 'DeletionTask') throw new Error(`expected a DeletionTask, got ${data.deleteJob.__typename}`);
  return data.deleteJob.task;
}

/** Follows the task over graphql-ws to its end; answers its last state. */
export async function finalTask(s: TestServer, id: string) {
  const client = wsClient(s);
  try {
    const events = await wsSubscribe(client, TaskProgressSubscription, { id }).done;
    return events.at(-1)!.data!.taskProgress;
  } finally {
    await client.dispose();
  }
}

/**
 * Makes the deletion of a job with dedicated storage fail, for that job only, until the returned
 * function undoes it: a view over its records table, which then cannot be dropped ("cannot drop
 * table job_parts.records_… because other objects depend on it").
 */
export async function blockDedicatedDeletion(server: TestServer, jobId: string): Promise<() => Promise<void>> {
  const view = `fail_${jobId.replace(/-/g, '_')}`;
  await server.app.db.pool.query(`CREATE VIEW ${view} AS SELECT * FROM job_parts."${dedicatedTableName('records', jobId)}"`);
  return async () => void (await server.app.db.pool.query(`DROP VIEW ${view}`));
}
