// Reads and writes of the tasks table: the single source of truth for a task's state. Every
// change bumps `version` and is published by the caller, so subscribers on any instance re-read.
import type { Database } from '../db/client.ts';
import { BadInputError } from '../errors.ts';
import type { Prisma, Task } from '../generated/prisma/client.ts';
import { assertTaskId, taskId } from './task-ids.ts';
import { actionPatterns } from './action-filter.ts';

export type TaskRow = Task;
export const TERMINAL = new Set(['COMPLETED', 'FAILED']);
export const isTerminal = (task: Pick<Task, 'state'>) => TERMINAL.has(task.state);

export interface NewTask {
  nodeId: string;
  action: string;
  description: string;
  jobId: string;
  force: boolean;
  deleteUserAnnotations: boolean;
}

type Tx = Prisma.TransactionClient;

export async function createTask(tx: Tx, task: NewTask): Promise<TaskRow> {
  const [{ seq }] = await tx.$queryRaw<{ seq: bigint }[]>`SELECT nextval(pg_get_serial_sequence('tasks', 'seq')) AS seq`;
  return tx.task.create({ data: { ...task, id: taskId(task.nodeId, seq), seq } });
}

export async function getTask(db: Database, id: string): Promise<TaskRow | null> {
  assertTaskId(id);
  return db.prisma.task.findUnique({ where: { id } });
}

/** The most tasks one `tasks` call answers (and its default). */
export const MAX_TASKS = 1000;

/** Tasks whose action matches `actions` (comma list, `*` wildcards), newest first, at most `limit`. */
export async function listTasks(db: Database, actions: string | null | undefined, limit = MAX_TASKS): Promise<TaskRow[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TASKS) throw new BadInputError(`limit must be between 1 and ${MAX_TASKS}, got ${limit}`);
  const likes = actionPatterns(actions);
  // Ids by the pattern match (LIKE ANY has no Prisma form), then the rows through Prisma: a raw
  // row cast to the model's type would type-check and lack any column added later.
  const ids = await db.prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM tasks WHERE action LIKE ANY(${likes.length ? likes : ['%']}::text[]) ORDER BY seq DESC LIMIT ${limit}`;
  if (!ids.length) return [];
  return db.prisma.task.findMany({ where: { id: { in: ids.map((r) => r.id) } }, orderBy: { seq: 'desc' } });
}

/**
 * Takes a task for this runner: a QUEUED one, or a RUNNING one whose runner has not been heard of
 * for `leaseSeconds` (it died). One UPDATE, so two runners can never both win.
 */
export async function claimTask(db: Database, id: string, runnerNode: string, leaseSeconds: number): Promise<TaskRow | null> {
  const rows = await db.prisma.$queryRaw<{ id: string }[]>`
    UPDATE tasks SET state = 'RUNNING', runner_node = ${runnerNode}, heartbeat_at = now(), version = version + 1,
           attempts = attempts + 1, phase = CASE WHEN state = 'QUEUED' THEN 'STARTING' ELSE phase END
    WHERE id = ${id} AND (state = 'QUEUED'
      OR (state = 'RUNNING' AND (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => ${leaseSeconds}))))
    RETURNING id`;
  return rows.length ? db.prisma.task.findUnique({ where: { id } }) : null;
}

/** Raised when another runner took the task over (this one was presumed dead): stop quietly. */
export class LeaseLostError extends Error {
  constructor(id: string) {
    super(`task [${id}] was taken over by another runner`);
  }
}

/** Progress and heartbeat in one write; only the runner holding the task may write. */
export async function saveProgress(
  db: Database,
  id: string,
  runnerNode: string,
  progress: Partial<Pick<Task, 'phase' | 'deleted' | 'total'>>,
): Promise<number> {
  const rows = await db.prisma.$transaction(async (tx) => {
    // Progress is written several times a second while the deletion's lanes fill the WAL: a
    // commit that waited for the flush would stall them on it every time. A progress row lost to
    // a database crash only shows an older step, which the resumed task moves past.
    await tx.$executeRaw`SET LOCAL synchronous_commit = off`;
    return tx.task.updateManyAndReturn({
      where: { id, runnerNode, state: 'RUNNING' },
      data: { ...progress, heartbeatAt: new Date(), version: { increment: 1 } },
      select: { version: true },
    });
  });
  if (!rows.length) throw new LeaseLostError(id);
  return rows[0].version;
}

/**
 * Records a transient error before the runner tries again (the task stays RUNNING, with its
 * lease renewed): one more attempt, and the error as `lastError`. Answers the new version.
 */
export async function recordRetry(db: Database, id: string, runnerNode: string, lastError: string): Promise<number> {
  const rows = await db.prisma.task.updateManyAndReturn({
    where: { id, runnerNode, state: 'RUNNING' },
    data: { attempts: { increment: 1 }, lastError, heartbeatAt: new Date(), version: { increment: 1 } },
    select: { version: true },
  });
  if (!rows.length) throw new LeaseLostError(id);
  return rows[0].version;
}

/** Gives a running task back to the queue (graceful shutdown): another runner claims it at once. */
export async function releaseTask(db: Database, id: string, runnerNode: string): Promise<void> {
  await db.prisma.task.updateMany({
    where: { id, runnerNode, state: 'RUNNING' },
    data: { state: 'QUEUED', runnerNode: null, heartbeatAt: null, version: { increment: 1 } },
  });
}

export const ACTION_DELETE_JOB = 'cluster:admin/xpack/ml/job/delete';
