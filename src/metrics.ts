// Prometheus metrics on /metrics: process defaults plus tasks by state (read at scrape time
// from the database, so every instance reports the cluster's view).
import type { ServerResponse } from 'node:http';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { Services } from './services.ts';

export function createMetrics(services: Services) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'ml_tasks',
    help: 'Tasks by state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const rows = await services.db.prisma.task.groupBy({ by: ['state'], _count: { _all: true } });
      this.reset();
      for (const row of rows) this.set({ state: row.state }, row._count._all);
    },
  });
  return {
    registry,
    async handle(res: ServerResponse) {
      try {
        const body = await registry.metrics();
        res.writeHead(200, { 'content-type': registry.contentType }).end(body);
      } catch {
        res.writeHead(503).end();
      }
    },
  };
}
