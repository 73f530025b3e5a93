// Pages of jobs (jobsConnection): filters and orders in SQL, keyset paging (src/db/keyset.ts).
// Three statements a page, whatever its size or position: the page's ids and sort keys, their
// rows, and the filter's total with whether rows lie before the page.
import type { Database } from '../db/client.ts';
import { planPage, pageOf, type KeyedRow, type KeysetOrder, type Page, type PageArgs } from '../db/keyset.ts';
import { Prisma, type Job, type JobState } from '../generated/prisma/client.ts';
import { assertText } from './limits.ts';
import { expressionCondition, expressionMatcher } from './expression.ts';

export interface JobFilter {
  ids?: string | null;
  states?: readonly JobState[] | null;
  deleting?: boolean | null;
  /** Case-insensitive substring of the id, the description or a group. */
  search?: string | null;
}

export type JobOrderField = 'ID' | 'CREATED_AT' | 'TOTAL_ROWS';
export interface JobOrder {
  field: JobOrderField;
  direction: 'ASC' | 'DESC';
}

// Ids sort by code point, as Elasticsearch sorts them (and as `jobs(ids)` answers them).
const ID = Prisma.sql`j.id COLLATE "C"`;
const KEYS: Record<JobOrderField, Pick<KeysetOrder, 'key' | 'keyType'>> = {
  ID: { key: ID, keyType: 'text' },
  CREATED_AT: { key: Prisma.sql`j.created_at`, keyType: 'timestamptz' },
  // Job.counts.total: the kept counts plus the annotations written since the job was created.
  TOTAL_ROWS: {
    key: Prisma.sql`((SELECT coalesce(sum(c.rows), 0) FROM job_row_counts c WHERE c.job_id = j.id)::bigint
      + (SELECT count(*) FROM annotations a WHERE a.job_id = j.id AND a.created_at >= j.created_at))`,
    keyType: 'bigint',
  },
};

function whereOf(filter: JobFilter | null | undefined): Prisma.Sql {
  const conditions = [expressionCondition(filter?.ids)];
  if (filter?.states) conditions.push(Prisma.sql`j.state::text = ANY(${[...filter.states]}::text[])`);
  if (filter?.deleting != null) conditions.push(Prisma.sql`j.deleting = ${filter.deleting}`);
  if (filter?.search) {
    assertText(filter.search, 'search');
    const needle = filter.search.toLowerCase();
    conditions.push(Prisma.sql`(strpos(lower(j.id), ${needle}) > 0 OR strpos(lower(coalesce(j.description, '')), ${needle}) > 0
      OR EXISTS (SELECT 1 FROM unnest(j.groups) AS g WHERE strpos(lower(g), ${needle}) > 0))`);
  }
  return Prisma.join(conditions, ' AND ');
}

/** `whereOf` in the process, for change feeds: whether this job row matches the filter. */
export function jobMatcher(
  filter: JobFilter | null | undefined,
): (job: Pick<Job, 'id' | 'groups' | 'state' | 'deleting' | 'description'>) => boolean {
  const ids = expressionMatcher(filter?.ids);
  assertText(filter?.search, 'search');
  const needle = filter?.search?.toLowerCase();
  return (job) =>
    ids(job.id, job.groups) &&
    (!filter?.states || filter.states.includes(job.state)) &&
    (filter?.deleting == null || job.deleting === filter.deleting) &&
    (!needle || [job.id, job.description ?? '', ...job.groups].some((text) => text.toLowerCase().includes(needle)));
}

export async function pageJobs(
  db: Database,
  args: PageArgs,
  filter: JobFilter | null | undefined,
  orderBy: JobOrder | null | undefined,
): Promise<Page<Job> & { totalCount: number }> {
  const field = orderBy?.field ?? 'ID';
  const order: KeysetOrder = { name: `jobs:${field}`, ...KEYS[field], id: ID, descending: orderBy?.direction === 'DESC' };
  const plan = planPage(args, order);
  const where = whereOf(filter);
  const [keyed, [{ total, beyond }]] = await Promise.all([
    db.prisma.$queryRaw<KeyedRow[]>`
      SELECT j.id, (${order.key})::text AS "cursorKey" FROM jobs j
      WHERE ${where} AND ${plan.bounds} ORDER BY ${plan.orderBy} LIMIT ${plan.limit}`,
    db.prisma.$queryRaw<{ total: number; beyond: boolean }[]>`
      SELECT count(*)::int AS total, coalesce(bool_or(${plan.beyond}), false) AS beyond FROM jobs j WHERE ${where}`,
  ]);
  const rows = keyed.length ? await db.prisma.job.findMany({ where: { id: { in: keyed.map((k) => k.id) } } }) : [];
  return { ...pageOf(plan, order, keyed, rows, beyond), totalCount: total };
}
