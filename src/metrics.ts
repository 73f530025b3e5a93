// Prometheus metrics on /metrics: process defaults, GraphQL operations and resolvers (timings),
// errors by code, HTTP requests, open WebSockets, active subscriptions, tasks by state (read at
// scrape time from the database, so every instance reports the cluster's view) and rows deleted.
import type { ServerResponse } from 'node:http';
import { GraphQLObjectType, isObjectType, type GraphQLSchema } from 'graphql';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Services } from './services.ts';

/**
 * Rows removed by job deletions in this process. A module-level counter so the deletion code can
 * count without being handed anything: `rowsDeleted.inc(n)`. Rate: `rate(ml_rows_deleted_total[1m])`.
 */
export const rowsDeleted = new Counter({ name: 'ml_rows_deleted_total', help: 'Rows deleted by job deletions', registers: [] });

const SECONDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createMetrics(services: Services) {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  registry.registerMetric(rowsDeleted);
  new Gauge({
    name: 'ml_tasks',
    help: 'Tasks by state',
    labelNames: ['state'],
    registers,
    async collect() {
      const rows = await services.db.prisma.task.groupBy({ by: ['state'], _count: { _all: true } });
      this.reset();
      for (const row of rows) this.set({ state: row.state }, row._count._all);
    },
  });
  const metrics = {
    registry,
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
      help: 'Resolvers of root fields, and of other fields that wait (database reads), by schema coordinate',
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
  resolverTimers.set(services, metrics.resolvers);
  return metrics;
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

function timed(resolve: Resolve, coordinate: string, always: boolean): Resolve {
  return (parent, args, ctx, info) => {
    const histogram = resolverTimers.get((ctx as { services?: object } | undefined)?.services ?? {});
    if (!histogram) return resolve(parent, args, ctx, info);
    const started = performance.now();
    const observe = () => histogram.observe({ field: coordinate }, (performance.now() - started) / 1000);
    const result = resolve(parent, args, ctx, info);
    // Plain property reads are not worth a sample; anything that waits is.
    if (result instanceof Promise) return result.finally(observe);
    if (always) observe();
    return result;
  };
}
