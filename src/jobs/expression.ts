// Elasticsearch job expressions (`_all`, `*`, ids, group names, `web-*` wildcards, comma lists)
// resolved in SQL. As in Elasticsearch with allow_no_match, a wildcard that matches nothing is
// simply empty, but an explicit name that matches nothing is NOT_FOUND.
import { toLike, wildcardRegExp } from '../db/like.ts';
import type { Database } from '../db/client.ts';
import { Prisma, type Job } from '../generated/prisma/client.ts';
import { BadInputError, jobNotFound } from '../errors.ts';

export const MAX_EXPRESSION_LENGTH = 4096;

/** A row of `jobs` as PostgreSQL names its columns. */
interface JobRow {
  id: string;
  description: string | null;
  groups: string[];
  state: Job['state'];
  deleting: boolean;
  deletion_task_id: string | null;
  storage: Job['storage'];
  analysis_config: Job['analysisConfig'];
  data_description: Job['dataDescription'];
  created_at: Date;
  updated_at: Date;
}

const toJob = (row: JobRow): Job => ({
  id: row.id,
  description: row.description,
  groups: row.groups,
  state: row.state,
  deleting: row.deleting,
  deletionTaskId: row.deletion_task_id,
  storage: row.storage,
  analysisConfig: row.analysis_config,
  dataDescription: row.data_description,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

interface Expression {
  all: boolean;
  /** Explicit ids and group names (no wildcard). */
  names: string[];
  /** The wildcard tokens, as written. */
  wildcards: string[];
  likes: string[];
}

function parseExpression(expression: string | null | undefined): Expression {
  const source = expression ?? '_all';
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new BadInputError(`The job expression cannot contain more than ${MAX_EXPRESSION_LENGTH} characters.`);
  }
  const tokens = [
    ...new Set(
      source
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  return {
    all: tokens.length === 0 || tokens.includes('_all') || tokens.includes('*'),
    names: tokens.filter((t) => !t.includes('*')),
    wildcards: tokens.filter((t) => t.includes('*')),
    likes: tokens.filter((t) => t.includes('*')).map(toLike),
  };
}

/** `expressionCondition` in the process: whether a job with this id and groups matches. */
export function expressionMatcher(expression: string | null | undefined): (id: string, groups: readonly string[]) => boolean {
  const { all, names, wildcards } = parseExpression(expression);
  const patterns = wildcards.map(wildcardRegExp);
  const matches = (name: string) => names.includes(name) || patterns.some((p) => p.test(name));
  return (id, groups) => all || matches(id) || groups.some(matches);
}

/** The jobs (table alias `j`) an expression matches, as an SQL condition; a name that matches nothing matches nothing. */
export function expressionCondition(expression: string | null | undefined): Prisma.Sql {
  return matching(parseExpression(expression));
}

const matching = ({ all, names, likes }: Expression) => Prisma.sql`(${all}::boolean OR j.id = ANY(${names}::text[]) OR j.groups && ${names}::text[]
       OR j.id LIKE ANY(${likes}::text[])
       OR EXISTS (SELECT 1 FROM unnest(j.groups) AS g WHERE g LIKE ANY(${likes}::text[])))`;

/** Matching jobs sorted by id, each once. */
export async function listJobs(db: Database, expression: string | null | undefined): Promise<Job[]> {
  const parsed = parseExpression(expression);
  const { all, names } = parsed;
  // One statement returning whole rows: the matches can be every job, too many to pass back as
  // an id list. Sorted by code point, as Elasticsearch sorts ids (a locale collation would ignore
  // `-` and `_`). The row is mapped field by field (toJob): a column added to the model then
  // fails to type-check here instead of coming back missing.
  const rows = await db.prisma.$queryRaw<JobRow[]>`
    SELECT id, description, groups, state::text AS state, deleting, deletion_task_id, storage::text AS storage,
           analysis_config, data_description, created_at, updated_at
    FROM jobs j
    WHERE ${matching(parsed)}
    ORDER BY id COLLATE "C"`;
  const jobs = rows.map(toJob);
  const found = new Set(jobs.flatMap((job) => [job.id, ...job.groups]));
  const missing = names.find((name) => !found.has(name));
  if (missing !== undefined && !all) throw jobNotFound(missing);
  return jobs;
}
