// Batched reads for field resolvers: every object a resolver needs by key goes through one of
// these, so a page of 500 jobs with counts, datafeed and deletion task costs one query per kind,
// not one per job and field. One set per operation, reached through the context (subscriptions
// share one set per instance: shareLoadersAcrossSubscribers). Batching only, no cache: a
// subscription's context lives as long as the subscription, and each event must read what the
// database has then.
import DataLoader from 'dataloader';
import { apiKeysByIds, type ApiKeyView } from '../auth/api-keys.ts';
import type { Context } from '../context.ts';
import type { Database } from '../db/client.ts';
import type { Annotation, Datafeed, Job } from '../generated/prisma/client.ts';
import { calendarsByIds, type CalendarView } from '../jobs/calendars.ts';
import { jobCountsMany, type JobCounts } from '../jobs/counts.ts';
import type { TaskRow } from '../tasks/task-store.ts';

/** A loader whose batch function answers rows in any order; `keyOf` tells each row's key. */
function loader<V>(load: (keys: readonly string[]) => Promise<V[]>, keyOf: (row: V) => string): DataLoader<string, V | null> {
  return new DataLoader<string, V | null>(
    async (keys) => {
      const byKey = new Map((await load([...new Set(keys)])).map((row) => [keyOf(row), row]));
      return keys.map((key) => byKey.get(key) ?? null);
    },
    { cache: false },
  );
}

const DIGITS = /^[0-9]{1,18}$/;

function createLoaders(db: Database) {
  const { prisma } = db;
  return {
    job: loader<Job>(
      (ids) => prisma.job.findMany({ where: { id: { in: [...ids] } } }),
      (job) => job.id,
    ),
    task: loader<TaskRow>(
      (ids) => prisma.task.findMany({ where: { id: { in: [...ids] } } }),
      (task) => task.id,
    ),
    datafeed: loader<Datafeed>(
      (ids) => prisma.datafeed.findMany({ where: { id: { in: [...ids] } } }),
      (datafeed) => datafeed.id,
    ),
    datafeedOfJob: loader<Datafeed>(
      (jobIds) => prisma.datafeed.findMany({ where: { jobId: { in: [...jobIds] } } }),
      (datafeed) => datafeed.jobId,
    ),
    counts: loader<[string, JobCounts]>(
      async (jobIds) => [...(await jobCountsMany(db, jobIds))],
      ([jobId]) => jobId,
    ),
    calendar: loader<CalendarView>(
      (ids) => calendarsByIds(db, ids),
      (calendar) => calendar.id,
    ),
    annotation: loader<Annotation>(
      (ids) => prisma.annotation.findMany({ where: { id: { in: ids.filter((id) => DIGITS.test(id)).map(BigInt) } } }),
      (annotation) => String(annotation.id),
    ),
    apiKey: loader<ApiKeyView>(
      (ids) => apiKeysByIds(db, ids),
      (key) => key.id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Keyed by the operation's context, or by the database for subscriptions. */
const perOwner = new WeakMap<object, Loaders>();
const subscriptions = new WeakSet<Context>();

/**
 * Makes the subscription whose context this is resolve its events with the instance's shared
 * loaders: an event reaches every subscriber in the same turn, so a thousand subscribers that
 * select a job's counts cost one query per event, not one each. Safe to share: the loaders keep
 * no cache and check no privilege (the subscription's field did, once).
 */
export function shareLoadersAcrossSubscribers(ctx: Context): void {
  subscriptions.add(ctx);
}

/** The operation's loaders (a subscription's: the instance's), made on first use. */
export function loadersOf(ctx: Context): Loaders {
  const owner: object = subscriptions.has(ctx) ? ctx.services.db : ctx;
  let loaders = perOwner.get(owner);
  if (!loaders) perOwner.set(owner, (loaders = createLoaders(ctx.services.db)));
  return loaders;
}
