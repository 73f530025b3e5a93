// Every table a job owns through its foreign key (row-counts.ts's COUNTED_TABLES) is partitioned
// by job_id, one partition per job, in the schema job_parts: deleting a job's rows is a DROP
// TABLE, which visits no row (src/deletion/engine.ts). The DDL lives in SQL functions created by
// the migration `20261129092220_job_partitions`, next to the tables it serves; this module is the
// code's only way to them.
import type pg from 'pg';
import type { Prisma } from '../generated/prisma/client.ts';
import type { CountedTable } from './row-counts.ts';

type Queryable = Pick<pg.Pool, 'query'>;

/**
 * Gives the job its partitions before its first rows are written (a partitioned table refuses a
 * row no partition takes). False when the job does not exist or is being deleted: no table is
 * created, and the write that follows reports why. One statement, its own transaction: the
 * writer's transaction does not hold the parents' locks that creating a partition takes.
 */
export async function ensurePartitions(on: Queryable, jobId: string): Promise<boolean> {
  return (await on.query<{ ok: boolean }>('SELECT job_parts.ensure_partitions($1) AS ok', [jobId])).rows[0].ok;
}

/** PostgreSQL's lock_not_available: drop_partition waited its lock_timeout for the parent's lock. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Drops the job's partition of `table` with its kept row count, atomically; answers how many
 * rows went (by that count). A partition already gone answers 0. Each try waits at most the
 * function's lock_timeout (200 ms) for the parent's lock, so that readers of other jobs queued
 * behind it wait no longer; when the parent is busy it tries again, a little later each time
 * (from 50 ms up to 2 s), until it gets the lock or `signal` aborts.
 */
export async function dropPartition(on: Queryable, table: CountedTable, jobId: string, signal?: AbortSignal): Promise<number> {
  for (let pause = FIRST_RETRY_MS; ; pause = Math.min(MAX_RETRY_MS, pause * 2)) {
    try {
      const { rows } = await on.query<{ n: string }>('SELECT job_parts.drop_partition($1, $2)::text AS n', [table, jobId]);
      return Number(rows[0].n);
    } catch (err) {
      if ((err as { code?: string }).code !== LOCK_NOT_AVAILABLE || signal?.aborted) throw err;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

const FIRST_RETRY_MS = 50;
const MAX_RETRY_MS = 2_000;

/**
 * In a transaction that deletes a job row: takes the parent tables' locks in the order that
 * creating partitions takes them, so that the cascade cannot deadlock with another job's first
 * rows being written.
 */
export async function lockParents(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT job_parts.lock_parents()`;
}

/** Drops partitions of jobs whose row is gone (removed outside the deletion engine), at most 50 a call; answers how many. */
export async function dropOrphanPartitions(on: Queryable): Promise<number> {
  return (await on.query<{ n: number }>('SELECT job_parts.drop_orphans() AS n')).rows[0].n;
}

/** The job's partitions that exist, as `<table>` names of their parents (for tests and checks). */
export async function partitionsOf(on: Queryable, jobId: string): Promise<string[]> {
  const { rows } = await on.query<{ parent: string }>(
    `SELECT t AS parent FROM unnest(job_parts.tables()) AS t
     WHERE to_regclass('job_parts.' || quote_ident(job_parts.partition_name(t, $1))) IS NOT NULL ORDER BY 1`,
    [jobId],
  );
  return rows.map((r) => r.parent);
}
