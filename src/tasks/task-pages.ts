// Pages of tasks (tasksConnection), newest first: filters in SQL, keyset paging on the task's
// sequence number (src/db/keyset.ts).
import type { Database } from '../db/client.ts';
import { planPage, pageOf, type KeyedRow, type KeysetOrder, type Page, type PageArgs } from '../db/keyset.ts';
import { Prisma, type TaskState } from '../generated/prisma/client.ts';
import { actionPatterns, actionRegExps } from './action-filter.ts';
import type { TaskRow } from './task-store.ts';

export interface TaskFilter {
  /** Comma list, `*` wildcards, as in tasks(actions). */
  actions?: string | null;
  states?: readonly TaskState[] | null;
  jobId?: string | null;
}

const NEWEST_FIRST: KeysetOrder = { name: 'tasks', key: Prisma.sql`t.seq`, keyType: 'bigint', id: Prisma.sql`t.id COLLATE "C"`, descending: true };

/** `whereOf` in the process, for change feeds: whether this task matches the filter. */
export function taskMatcher(filter: TaskFilter | null | undefined): (task: Pick<TaskRow, 'action' | 'state' | 'jobId'>) => boolean {
  const patterns = actionRegExps(filter?.actions);
  return (task) =>
    (patterns.length === 0 || patterns.some((p) => p.test(task.action))) &&
    (!filter?.states || filter.states.includes(task.state)) &&
    (filter?.jobId == null || task.jobId === filter.jobId);
}

function whereOf(filter: TaskFilter | null | undefined): Prisma.Sql {
  const likes = actionPatterns(filter?.actions);
  const conditions = [Prisma.sql`t.action LIKE ANY(${likes.length ? likes : ['%']}::text[])`];
  if (filter?.states) conditions.push(Prisma.sql`t.state::text = ANY(${[...filter.states]}::text[])`);
  if (filter?.jobId != null) conditions.push(Prisma.sql`t.job_id = ${filter.jobId}`);
  return Prisma.join(conditions, ' AND ');
}

export async function pageTasks(
  db: Database,
  args: PageArgs,
  filter: TaskFilter | null | undefined,
): Promise<Page<TaskRow> & { totalCount: number }> {
  const plan = planPage(args, NEWEST_FIRST);
  const where = whereOf(filter);
  const [keyed, [{ total, beyond }]] = await Promise.all([
    db.prisma.$queryRaw<KeyedRow[]>`
      SELECT t.id, t.seq::text AS "cursorKey" FROM tasks t WHERE ${where} AND ${plan.bounds} ORDER BY ${plan.orderBy} LIMIT ${plan.limit}`,
    db.prisma.$queryRaw<{ total: number; beyond: boolean }[]>`
      SELECT count(*)::int AS total, coalesce(bool_or(${plan.beyond}), false) AS beyond FROM tasks t WHERE ${where}`,
  ]);
  const rows = keyed.length ? await db.prisma.task.findMany({ where: { id: { in: keyed.map((k) => k.id) } } }) : [];
  return { ...pageOf(plan, NEWEST_FIRST, keyed, rows, beyond), totalCount: total };
}
