// The kept row counts (job_row_counts, src/jobs/row-counts.ts) against the rows themselves, after
// every kind of write and in the middle of a deletion: a deletion's total (D17) and Job.counts
// are read from them, so they must never drift.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { JOB_TABLES as COUNTED_TABLES } from '../src/jobs/owned-tables.ts';
import { seedJob } from '../src/seed/seed.ts';
import { asyncDelete, finalTask, jobWithData } from './support/jobs.ts';
import { ok, startServer, uniqueId, type TestServer } from './support/server.ts';
import { IngestResultsMutation, JobQuery, TaskQuery } from './operations/documents.ts';

/** Deletions held between batches, so that one can be looked at mid-way. */
let slow: TestServer;
beforeAll(async () => {
  slow = await startServer({ deleteBatchPauseMs: 200 });
});
afterAll(async () => {
  await slow?.stop();
});

/** Per table: the rows the job has, and the count kept for it; one statement, so one snapshot. */
async function keptAndReal(db: Database, jobId: string) {
  const columns = COUNTED_TABLES.flatMap((t) => [
    `(SELECT count(*)::int FROM ${t} WHERE job_id = $1) AS "real_${t}"`,
    `(SELECT rows::int FROM job_row_counts WHERE job_id = $1 AND kind = '${t}') AS "kept_${t}"`,
  ]);
  const { rows } = await db.pool.query<Record<string, number | null>>(`SELECT ${columns.join(', ')}`, [jobId]);
  const pick = (prefix: string) => Object.fromEntries(COUNTED_TABLES.map((t) => [t, rows[0][`${prefix}_${t}`] ?? 0]));
  return { kept: pick('kept'), real: pick('real') };
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe('kept row counts', () => {
  it('a seeded job: the kept counts are its rows, table by table', async () => {
    const jobId = uniqueId('counted-seed');
    const seeded = await seedJob(slow.app.db, jobId, 12_345);
    const { kept, real } = await keptAndReal(slow.app.db, jobId);
    expect(kept).toEqual(real);
    expect(sum(real)).toBe(seeded.total - seeded.annotations);
    expect((await ok(slow, JobQuery, { id: jobId })).job?.counts).toMatchObject({
      total: 12_345,
      buckets: seeded.buckets,
      modelStateDocs: seeded.modelStateDocs,
    });
  });

  it('ingestResults adds, and replacing the quantiles and categorizer state keeps them exact', async () => {
    const jobId = uniqueId('counted-ingest');
    await jobWithData(slow, jobId, 'opened');
    const ts = '2026-01-02T00:00:00.000Z';
    const input = {
      buckets: [
        { timestamp: ts, bucketSpanSeconds: 900, anomalyScore: 1 },
        { timestamp: ts, bucketSpanSeconds: 900, anomalyScore: 2 },
      ],
      modelSnapshots: [{ snapshotId: 's2', timestamp: ts, stateDocs: ['a', 'b', 'c'] }],
      quantiles: { q: [0.1] },
      categorizerState: ['c1', 'c2', 'c3'],
    };
    const answered = (await ok(slow, IngestResultsMutation, { jobId, input })).ingestResults;
    const { kept, real } = await keptAndReal(slow.app.db, jobId);
    expect(kept).toEqual(real);
    // jobWithData wrote 1 bucket, a snapshot with 2 documents, the quantiles and 1 categorizer document.
    expect(real).toMatchObject({ buckets: 3, model_snapshots: 2, model_state_docs: 2 + 3 + 1 + 3 });
    expect(answered).toMatchObject({ buckets: 3, modelSnapshots: 2, modelStateDocs: 9 });
  });

  it('go down with the rows during a deletion, and leave with the job', async () => {
    const jobId = uniqueId('counted-delete');
    await seedJob(slow.app.db, jobId, 200_000);
    const taskId = await asyncDelete(slow, jobId);
    let midway = false;
    for (let i = 0; i < 300 && !midway; i++) {
      const task = (await ok(slow, TaskQuery, { id: taskId })).task!;
      expect(task.state).not.toBe('FAILED');
      if (task.state === 'COMPLETED') break;
      const { kept, real } = await keptAndReal(slow.app.db, jobId);
      expect(kept).toEqual(real);
      midway = sum(real) > 0 && sum(real) < 200_000 - 6_000; // some rows of the counted tables gone
      if (!midway) await new Promise((r) => setTimeout(r, 50));
    }
    expect(midway).toBe(true);
    expect((await finalTask(slow, taskId)).state).toBe('COMPLETED');
    const { rows } = await slow.app.db.pool.query(`SELECT * FROM job_row_counts WHERE job_id = $1`, [jobId]);
    expect(rows).toEqual([]);
  });
});
