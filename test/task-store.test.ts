// The task lease, directly on the tasks table: one claim wins, a live lease is respected, a
// stale one is taken over, and the runner that lost it can no longer write.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openDatabase, type Database } from '../src/db/client.ts';
import { ACTION_DELETE_JOB, claimTask, createTask, LeaseLostError, recordRetry, releaseTask, saveProgress } from '../src/tasks/task-store.ts';
import { uniqueId } from './support/server.ts';

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ databaseUrl: inject('databaseUrl'), dataDir: mkdtempSync(join(tmpdir(), 'ml-store-')), migrate: true });
});
afterAll(async () => db?.close());

const newTask = () =>
  db.prisma.$transaction((tx) =>
    createTask(tx, {
      nodeId: 'store',
      action: ACTION_DELETE_JOB,
      description: 'd',
      jobId: uniqueId('store'),
      force: false,
      deleteUserAnnotations: false,
    }),
  );
const row = (id: string) => db.prisma.task.findUniqueOrThrow({ where: { id } });

describe('task store: claim, lease, release', () => {
  it('one of two concurrent claims wins; the other gets nothing while the lease is live', async () => {
    const task = await newTask();
    const claims = await Promise.all([claimTask(db, task.id, 'node-a', 15), claimTask(db, task.id, 'node-b', 15)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = claims.find(Boolean)!;
    expect(winner).toMatchObject({ state: 'RUNNING', phase: 'STARTING', attempts: 1 });
    expect(await claimTask(db, task.id, winner.runnerNode === 'node-a' ? 'node-b' : 'node-a', 15)).toBeNull();
  });

  it('a stale lease is taken over; the old runner then loses every write', async () => {
    const task = await newTask();
    await claimTask(db, task.id, 'node-a', 15);
    expect(await saveProgress(db, task.id, 'node-a', { phase: 'RESULTS', deleted: 5, total: 10 })).toBeGreaterThan(task.version);
    await expect(saveProgress(db, task.id, 'node-b', { deleted: 6 })).rejects.toBeInstanceOf(LeaseLostError);
    await db.pool.query(`UPDATE tasks SET heartbeat_at = now() - interval '1 minute' WHERE id = $1`, [task.id]);
    const taken = await claimTask(db, task.id, 'node-b', 15);
    // Taken over mid-way: the phase and numbers stay (a resumed run continues), one more attempt.
    expect(taken).toMatchObject({ runnerNode: 'node-b', state: 'RUNNING', phase: 'RESULTS', deleted: 5, attempts: 2 });
    await expect(saveProgress(db, task.id, 'node-a', { deleted: 7 })).rejects.toBeInstanceOf(LeaseLostError);
    await expect(recordRetry(db, task.id, 'node-a', 'late')).rejects.toBeInstanceOf(LeaseLostError);
    expect((await row(task.id)).deleted).toBe(5);
  });

  it('recordRetry counts an attempt and keeps the error; release hands the task back for anyone to claim', async () => {
    const task = await newTask();
    await claimTask(db, task.id, 'node-a', 15);
    await recordRetry(db, task.id, 'node-a', '57P01: terminating connection due to administrator command');
    expect(await row(task.id)).toMatchObject({
      attempts: 2,
      lastError: '57P01: terminating connection due to administrator command',
      state: 'RUNNING',
    });
    await releaseTask(db, task.id, 'node-b'); // not the holder: nothing happens
    expect((await row(task.id)).runnerNode).toBe('node-a');
    await releaseTask(db, task.id, 'node-a');
    expect(await row(task.id)).toMatchObject({ state: 'QUEUED', runnerNode: null, heartbeatAt: null });
    expect(await claimTask(db, task.id, 'node-b', 15)).toMatchObject({ runnerNode: 'node-b', attempts: 3 });
  });
});
