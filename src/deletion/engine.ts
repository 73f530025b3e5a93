// Runs one accepted deletion to its end (D8-D11, D17). Knows nothing of queues or GraphQL: the
// task runner calls it with a control object for progress and cancellation. Safe to run again
// on a half-deleted job: every step deletes what is still there.
import type pg from 'pg';
import type { Database } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { TaskRow } from '../tasks/task-store.ts';
import { countsForDeletion, rowsIn } from '../jobs/counts.ts';
import { audit } from '../jobs/notifications.ts';
import { inLanes } from '../lanes.ts';
import { replicaModeAllowedRecently, REPLICA_MODE } from '../db/replica-mode.ts';
import { isJobTable, JOB_TABLES, SYSTEM_ANNOTATIONS, type JobTable } from '../jobs/owned-tables.ts';
import { dropDedicatedTables, dropLegacyRows, legacyLayoutGone } from '../jobs/storage.ts';
import { deleteTableInBatches, type Cleared } from './batches.ts';
import { PHASE_CONFIG, PHASE_STOPPING, STEPS } from './plan.ts';

export interface Progress {
  phase: string;
  deleted: number;
  total: number;
}

export interface DeletionControl {
  /** Records progress; throttled by the caller. `now` forces a write (the start, stopping the job). */
  report(progress: Progress, now?: boolean): Promise<void>;
  /** Aborted when this instance shuts down: stop between two steps. */
  signal: AbortSignal;
  /** Pause after each step, a dropped table or a batch of rows (DELETE_BATCH_PAUSE_MS), to spare a busy database. */
  pauseMs: number;
  /** Tables deleted at once (DELETE_PARALLELISM); the pool bounds it (one with the embedded database). */
  parallelism: number;
}

export class DeletionInterrupted extends Error {}

/**
 * A shared job owning at most this many rows (by the kept counts) is deleted by its final
 * transaction alone: the cascade removes its rows in a few milliseconds, where ten steps, each
 * with its progress write, cost more than the rows (D9's order is not observable inside one
 * transaction, and D10 holds: the configuration goes in the same commit as the rest).
 */
export const SMALL_JOB_ROWS = 5_000;

/** The audit line of a deletion's end (D11). */
export const JOB_DELETED = 'Job deleted';

/** Tables the job row's cascade reaches besides the job tables; the final transaction deletes from them itself when it goes without the cascade. */
const ALSO_CASCADED = ['job_row_counts', 'calendar_jobs'];
/** The one foreign key to jobs that restricts (a datafeed, D6): without the cascade, checked by hand. */
const RESTRICTING = 'datafeeds';

/**
 * Whether a shared job's final transaction may delete the job row without its cascade (replica
 * mode, db/replica-mode.ts), once every job table is proven empty of the job: the cascade
 * would walk again the index entries of every row the lanes deleted. Marking them dead
 * beforehand was measured at 25-30 % of the rows' own deletion; without the cascade, two probes
 * per table (nothingCameSince) stand for it. Only when the foreign keys to jobs are the known ones.
 */
async function mayGoWithoutCascade(db: Database): Promise<boolean> {
  const { rows } = await db.pool.query<{ t: string }>(
    `SELECT conrelid::regclass::text AS t FROM pg_constraint WHERE confrelid = 'public.jobs'::regclass AND contype = 'f'`,
  );
  if (!rows.every(({ t }) => isJobTable(t) || ALSO_CASCADED.includes(t) || t === RESTRICTING)) return false;
  return replicaModeAllowedRecently(db.pool, ['jobs', ...ALSO_CASCADED]);
}

/**
 * In the final transaction: locks the job row (no row referencing it can be written after
 * that: a foreign key's check needs a lock it conflicts with), then checks that every job table
 * was cleared by the lanes and has had no row of the job written since, and that no datafeed
 * refers to the job (without the cascade its restricting foreign key is not checked either; D7
 * keeps one from being created meanwhile). Each look is an index probe past the ids the lanes
 * saw, at both ends; a table without them is probed whole (it had at most a few thousand rows).
 */
async function nothingCameSince(tx: Prisma.TransactionClient, jobId: string, cleared: Map<JobTable, Cleared>): Promise<boolean> {
  if (JOB_TABLES.some((table) => cleared.get(table) === false || !cleared.has(table))) return false;
  await tx.$queryRaw`SELECT 1 FROM jobs WHERE id = ${jobId} FOR UPDATE`;
  const probes = JOB_TABLES.flatMap((table) => {
    const { range } = cleared.get(table) as Exclude<Cleared, false>;
    if (!range) return [`(SELECT id FROM ${table} WHERE job_id = $1 ORDER BY job_id, id LIMIT 1)`];
    return [
      `(SELECT id FROM ${table} WHERE job_id = $1 AND id > ${range.to} ORDER BY job_id, id LIMIT 1)`,
      `(SELECT id FROM ${table} WHERE job_id = $1 AND id < ${range.from} ORDER BY job_id DESC, id DESC LIMIT 1)`,
    ];
  });
  const [row] = await tx.$queryRawUnsafe<{ remains: boolean }[]>(
    `SELECT (${[...probes, `(SELECT 1 FROM ${RESTRICTING} WHERE job_id = $1 LIMIT 1)`].map((p) => `${p} IS NOT NULL`).join(' OR ')}) AS remains`,
    jobId,
  );
  return !row.remains;
}

export async function runDeletion(db: Database, task: TaskRow, control: DeletionControl): Promise<void> {
  const jobId = task.jobId;
  const job = await db.prisma.job.findUnique({ where: { id: jobId }, select: { state: true, storage: true } });
  if (!job) return; // Finished by an earlier run that stopped before marking the task.

  // D17: total is counted once, when the task first starts (the kept counts make it one index
  // read, so progress shows from the first step); a resumed task keeps its numbers so that
  // deleted and percent never go down.
  // The counts also plan each table's work (a resumed run sees what is left).
  const fresh = task.phase === 'STARTING' && task.deleted === 0;
  let counts = await countsForDeletion(db.pool, jobId, task.deleteUserAnnotations);
  const total = fresh ? counts.total : task.total;
  const progress: Progress = { phase: task.phase, deleted: task.deleted, total };
  let deletedSoFar = task.deleted;
  const dedicated = job.storage === 'DEDICATED';
  const report = (now = false) => {
    // A resumed run may find more rows than it counted: never report past the total.
    progress.deleted = Math.min(progress.total, deletedSoFar);
    return control.report(progress, now);
  };

  if (task.force && job.state !== 'CLOSED') {
    // D8: stop the job's process first; its state becomes CLOSED before any data goes.
    progress.phase = PHASE_STOPPING;
    await report(true);
    await db.prisma.job.update({ where: { id: jobId }, data: { state: 'CLOSED' } });
  }

  // Rows the upgrade has not moved out of the previous layout yet (one partition per job) go
  // first, in O(1) as before the upgrade; the plan then reads what is left.
  const legacy = await dropLegacyRows(db.pool, jobId);
  if (legacy > 0) {
    deletedSoFar += legacy;
    counts = await countsForDeletion(db.pool, jobId, task.deleteUserAnnotations);
  }
  const small = !dedicated && counts.total <= SMALL_JOB_ROWS;
  const withoutCascade = !small && !dedicated && (await mayGoWithoutCascade(db));
  // Per job table, what the lanes proved (batches.ts); one `false` and the cascade follows.
  const cleared = new Map<JobTable, Cleared>();

  // Tables go in plan order over `parallelism` lanes (separate connections). A dedicated job's
  // own tables are dropped (storage.ts): no row is visited, so the time hardly grows with the
  // rows. Shared tables lose the job's rows in time-sized batches with progress (batches.ts).
  // The phase shown is the earliest table not yet done; the configuration row still goes last,
  // after every lane has finished. A small shared job skips the steps (SMALL_JOB_ROWS).
  const steps = small ? [] : STEPS;
  const done = steps.map(() => false);
  const phaseNow = () => steps[done.indexOf(false)]?.phase ?? PHASE_CONFIG;
  let next = 0;
  const lane = async (stopped: () => boolean) => {
    // A lane has a connection of its own, whose commits do not wait for the WAL flush: a step
    // lost to a crash is simply done again on resume, and the final transaction (job row, audit,
    // task) still commits durably. With the embedded database's single connection the lane must
    // not hold it (progress writes need it too), so it takes it per statement.
    const conn = db.embedded ? db.pool : await db.pool.connect();
    if (conn !== db.pool) await conn.query('SET synchronous_commit = off');
    try {
      await runLane(conn, stopped);
    } finally {
      if (conn !== db.pool) {
        await conn.query('RESET synchronous_commit').catch(() => {});
        (conn as pg.PoolClient).release();
      }
    }
  };
  const runLane = async (conn: Pick<pg.Pool, 'query'>, stopped: () => boolean) => {
    while (next < steps.length && !stopped()) {
      const index = next++;
      const step = steps[index];
      // A dedicated job's tables of one phase (RESULTS: four) are dropped together: a drop's
      // commit always waits for the WAL flush, one per statement. The phases still go in order.
      const group = [index];
      if (dedicated && isJobTable(step.table)) {
        while (next < steps.length && steps[next].phase === step.phase && isJobTable(steps[next].table)) group.push(next++);
      }
      if (control.signal.aborted) throw new DeletionInterrupted('shutting down');
      const onStep = async (n: number) => {
        if (step.counted) deletedSoFar += n;
        progress.phase = phaseNow();
        await report();
        if (control.pauseMs) await new Promise((r) => setTimeout(r, control.pauseMs));
        if (control.signal.aborted || stopped()) throw new DeletionInterrupted('shutting down');
      };
      if (dedicated && isJobTable(step.table)) {
        // Waiting for a busy table ends with the instance's shutdown: the task is handed back,
        // not failed.
        const tables = group.map((i) => steps[i].table as JobTable);
        const dropped = await dropDedicatedTables(conn, tables, jobId, control.signal).catch((err: unknown) => {
          throw control.signal.aborted ? new DeletionInterrupted('shutting down') : err;
        });
        await onStep(dropped);
      } else {
        const result = await deleteTableInBatches(
          conn,
          conn !== db.pool,
          step,
          rowsIn(counts, step.table),
          jobId,
          task.deleteUserAnnotations,
          onStep,
          !withoutCascade,
        );
        if (isJobTable(step.table)) cleared.set(step.table, result);
      }
      for (const i of group) done[i] = true;
      // A new phase is reported like any step, at the runner's pace (PROGRESS_EVERY_MS), not at
      // once: forcing a write per phase sent a thousand subscribers ten events within 100 ms,
      // which pushed the final one past 200 ms.
      progress.phase = phaseNow();
      await report();
    }
  };
  progress.phase = phaseNow();
  await report(true);
  await inLanes(control.parallelism, lane);

  progress.phase = PHASE_CONFIG;
  await report();
  // D10/D11: the configuration goes last, with its audit line, in one transaction; the cascade
  // foreign keys remove anything a step could have missed (for a small job: everything), so no
  // orphan can remain in the shared tables.
  await db.prisma.$transaction(async (tx) => {
    const bypass = withoutCascade && (await nothingCameSince(tx, jobId, cleared));
    // The cascade's statements are cached per connection and turn generic after five runs; a
    // generic plan of a statement on a partitioned table (the previous layout, until the
    // upgrade has moved every job) locks every partition. Custom plans prune to this job's;
    // once the previous layout is gone, planning each of them anew only costs (~3 ms).
    if (!legacyLayoutGone(db.pool)) await tx.$executeRaw`SET LOCAL plan_cache_mode = force_custom_plan`;
    if (bypass) {
      // Every job table is empty of the job (the lanes' probes, and nothing since): the job row
      // goes without the cascade, and the rows it would have reached besides are deleted here.
      await tx.$executeRawUnsafe(REPLICA_MODE);
      for (const table of ALSO_CASCADED) await tx.$executeRawUnsafe(`DELETE FROM ${table} WHERE job_id = $1`, jobId);
    } else if (!small) {
      // The cascade's own statements are planned with the table statistics, which still count
      // the job's rows: on a table the job filled, that plan is a full sequential scan (measured
      // 120-320 ms per million rows deleted). Through the job_id index it only meets the entries
      // the lanes marked dead (batches.ts): a few milliseconds.
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      await tx.$executeRaw`SET LOCAL enable_bitmapscan = off`;
    } else {
      // Annotations outlive the job (no cascade): the small path removes the job's here.
      await tx.$executeRawUnsafe(`DELETE FROM annotations WHERE job_id = $1${task.deleteUserAnnotations ? '' : ` AND ${SYSTEM_ANNOTATIONS}`}`, jobId);
    }
    await tx.job.deleteMany({ where: { id: jobId } });
    await audit(tx, jobId, JOB_DELETED);
  });
  // (A small job's rows went in that transaction: the runner's COMPLETED write shows deleted = total.)
}
