// Prometheus metrics on /metrics: process defaults, GraphQL operations and resolvers (timings),
// errors by code, HTTP requests, open WebSockets, active subscriptions, tasks by state (read at
// scrape time from the database, so every instance reports the cluster's view), rows deleted,
// and the health of the dependencies: connection pools (waiters, acquire time), Redis, retries
// of deletions by error kind, deletions running and waiting here. Each app has its own registry
// and counters; the runner is handed callbacks, it does not import this module.
import type { ServerResponse } from 'node:http';
import type pg from 'pg';
import { GraphQLObjectType, isObjectType, type GraphQLSchema } from 'graphql';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from './db/client.ts';
import type { PubSub } from './pubsub.ts';

const SECONDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export interface MetricSources {
  db: Database;
  pubsub: PubSub;
  /** Deletions running on this instance and waiting here for a slot. */
  deletions(): { running: number; waiting: number };
  /** Share of the last sample the event loop was busy (0 to 1): what sheds list reads (MAX_EVENT_LOOP_UTILIZATION). */
  loopUtilization(): number;
}

/** Times every checkout of `pool` (pool.query checks out through connect() too). */
function timeAcquire(pool: pg.Pool, histogram: Histogram<'pool'>, name: string): void {
  const connect = pool.connect.bind(pool) as (cb?: (err: Error | undefined, client: unknown, done: unknown) => void) => unknown;
  const observe = (since: number) => histogram.observe({ pool: name }, (performance.now() - since) / 1000);
  (pool as unknown as { connect: typeof connect }).connect = (cb) => {
    const since = performance.now();
    if (cb) return connect((err, client, done) => (observe(since), cb(err, client, done)));
    return (connect() as Promise<unknown>).finally(() => observe(since));
  };
}

export function createMetrics(sources: MetricSources) {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  let lastTasks: { state: string; n: number }[] = [];
  new Gauge({
    name: 'ml_tasks',
    help: 'Tasks by state',
    labelNames: ['state'],
    registers,
    async collect() {
      // The database away: the last known counts, rather than no metrics at all.
      const rows = await sources.db.probe
        .query<{ state: string; n: number }>('SELECT state::text AS state, count(*)::int AS n FROM tasks GROUP BY 1')
        .then((r) => r.rows)
        .catch(() => lastTasks);
      lastTasks = rows;
      this.reset();
      for (const row of rows) this.set({ state: row.state }, row.n);
    },
  });
  const pools = { api: sources.db.pool, work: sources.db.work.pool };
  new Gauge({
    name: 'ml_db_pool_connections',
    help: 'Database connections by pool (api, work) and state (total, idle, waiting: requests waiting for one)',
    labelNames: ['pool', 'state'],
    registers,
    collect() {
      for (const [name, pool] of Object.entries(pools)) {
        this.set({ pool: name, state: 'total' }, pool.totalCount);
        this.set({ pool: name, state: 'idle' }, pool.idleCount);
        this.set({ pool: name, state: 'waiting' }, pool.waitingCount);
      }
    },
  });
  const acquire = new Histogram({
    name: 'ml_db_pool_acquire_seconds',
    help: 'Time to get a database connection from a pool',
    labelNames: ['pool'],
    buckets: SECONDS,
    registers,
  });
  // With the embedded database both budgets are one pool: timed once, as `api`.
  const distinct = new Map<pg.Pool, string>();
  for (const [name, pool] of Object.entries(pools)) if (!distinct.has(pool)) distinct.set(pool, name);
  for (const [pool, name] of distinct) timeAcquire(pool, acquire, name);
  new Gauge({
    name: 'ml_redis_up',
    help: 'Redis pub/sub connected (1) or not (0); absent without REDIS_URL',
    registers,
    collect() {
      const state = sources.pubsub.state();
      if (state === 'in-process') this.reset();
      else this.set(state === 'ok' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'ml_event_loop_utilization',
    help: 'Share of the last 250 ms the event loop was busy (0 to 1); above MAX_EVENT_LOOP_UTILIZATION list reads are shed',
    registers,
    collect() {
      this.set(sources.loopUtilization());
    },
  });
  new Gauge({
    name: 'ml_deletions',
    help: 'Deletions on this instance: running, or waiting (QUEUED) for one of its DELETE_CONCURRENCY slots',
    labelNames: ['state'],
    registers,
    collect() {
      const { running, waiting } = sources.deletions();
      this.set({ state: 'running' }, running);
      this.set({ state: 'waiting' }, waiting);
    },
  });
  const metrics = {
    registry,
    /** Rate: `rate(ml_rows_deleted_total[1m])` is rows deleted per second. */
    rowsDeleted: new Counter({ name: 'ml_rows_deleted_total', help: 'Rows deleted by job deletions', registers }),
    retries: new Counter({
      name: 'ml_task_retries_total',
      help: 'Deletion attempts retried after a transient error, by kind (connection, saturated, timeout, contention, resources, disk_full)',
      labelNames: ['kind'],
      registers,
    }),
    httpRequests: new Histogram({
      name: 'ml_http_request_duration_seconds',
      help: 'GraphQL HTTP requests (including SSE streams, until they end), by method and status',
      labelNames: ['method', 'status'],
      buckets: SECONDS,
      registers,
    }),
    operations: new Histogram({
      name: 'ml_graphql_operation_duration_seconds',
      help: 'GraphQL operations over HTTP, SSE and WebSocket, by type and outcome (ok, error)',
      labelNames: ['type', 'outcome'],
      buckets: SECONDS,
      registers,
    }),
    resolvers: new Histogram({
      name: 'ml_graphql_resolver_duration_seconds',
      help: 'Resolvers of root fields, and of other fields that wait (database reads: one sample per field and turn of the event loop, as a list shares one read), by schema coordinate',
      labelNames: ['field'],
      buckets: SECONDS,
      registers,
    }),
    errors: new Counter({ name: 'ml_graphql_errors_total', help: 'GraphQL errors sent to clients, by code', labelNames: ['code'], registers }),
    websockets: new Gauge({ name: 'ml_websocket_connections', help: 'Open WebSocket connections', registers }),
    subscriptions: new Gauge({ name: 'ml_graphql_active_subscriptions', help: 'Subscriptions streaming now (WebSocket and SSE)', registers }),
    async handle(res: ServerResponse) {
      try {
        const body = await registry.metrics();
        res.writeHead(200, { 'content-type': registry.contentType }).end(body);
      } catch {
        res.writeHead(503).end();
      }
    },
  };
  return {
    ...metrics,
    /** Resolver timings of requests whose context carries these services. */
    bindResolvers(services: object) {
      resolverTimers.set(services, metrics.resolvers);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

// Resolver timing. The schema is a module singleton shared by every app in the process, so its
// resolvers are wrapped once, and each call finds its app's histogram through ctx.services.
const resolverTimers = new WeakMap<object, Histogram<'field'>>();
const instrumented = new WeakSet<GraphQLSchema>();

type Resolve = NonNullable<ReturnType<GraphQLObjectType['getFields']>[string]['resolve']>;

export function instrumentResolvers(schema: GraphQLSchema): void {
  if (instrumented.has(schema)) return;
  instrumented.add(schema);
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const isRoot = roots.has(type);
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve) continue;
      field.resolve = timed(field.resolve, `${type.name}.${field.name}`, isRoot);
    }
  }
}

/**
 * Coordinates sampled in this turn of the event loop. A list's items ask for a field in the same
 * turn and wait on the same batched read (schema/loaders.ts): the first of them stands for all,
 * so a page of 500 jobs adds one sample of `Job.counts`, not 500 (each cost a histogram update
 * and a promise: ~0.6 ms of CPU for the page).
 */
const sampledThisTurn = new Set<string>();

function timed(resolve: Resolve, coordinate: string, root: boolean): Resolve {
  return (parent, args, ctx, info) => {
    const histogram = resolverTimers.get((ctx as { services?: object } | undefined)?.services ?? {});
    if (!histogram || (!root && sampledThisTurn.has(coordinate))) return resolve(parent, args, ctx, info);
    const started = performance.now();
    const observe = () => histogram.observe({ field: coordinate }, (performance.now() - started) / 1000);
    const result = resolve(parent, args, ctx, info);
    // Plain property reads are not worth a sample; anything that waits is, once a turn; root fields always.
    if (result instanceof Promise) {
      if (!root) {
        if (!sampledThisTurn.size) setImmediate(() => sampledThisTurn.clear());
        sampledThisTurn.add(coordinate);
      }
      return result.finally(observe);
    }
    if (root) observe();
    return result;
  };
}
