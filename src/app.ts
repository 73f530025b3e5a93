// buildApp(config) -> { start(), stop() }: GraphQL over HTTP/SSE (yoga) and WebSocket
// (graphql-ws) on one port and path, plus /health, /ready and /metrics. Separate from listen()
// so tests start the real thing on port 0 and stop it cleanly.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureBootstrapKey } from './auth/api-keys.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { createLogger, type Logger } from './log.ts';
import { createMetrics } from './metrics.ts';
import { resolveNodeId } from './node-id.ts';
import { createPubSubFor } from './pubsub.ts';
import type { Services } from './services.ts';
import { TaskRunner } from './tasks/runner.ts';
import { createYogaApp } from './yoga.ts';
import { attachGraphqlWs } from './websocket.ts';
import { serveDashboard } from './http/dashboard.ts';
import { serveHealth, serveReady } from './http/health.ts';
import { serveInRequestScope } from './http/request-scope.ts';
import { createRateLimiter } from './rate-limit/write-rate-limit.ts';
import { startLegacyUpgrade } from './jobs/legacy-upgrade.ts';

export interface App {
  services: Services;
  db: Database;
  /** Set once started. */
  url: string;
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface BuildOptions {
  log?: Logger;
  /** Called with a generated bootstrap secret (first start without ML_ADMIN_API_KEY). */
  onBootstrapSecret?: (secret: string) => void;
}

export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<App> {
  const log = opts.log ?? createLogger(config.logLevel);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrate: true });
  const pubsub = await createPubSubFor(config.redisUrl);
  const nodeId = resolveNodeId(config.nodeId, config.dataDir, config.port);
  const tasks = new TaskRunner({
    db,
    pubsub,
    log,
    nodeId,
    leaseSeconds: config.taskLeaseSeconds,
    retentionHours: config.taskRetentionHours,
    batchPauseMs: config.deleteBatchPauseMs,
    parallelism: config.deleteParallelism,
  });
  const services: Services = { config, db, nodeId, pubsub, tasks, log };

  const secret = await ensureBootstrapKey(db, config.adminApiKey);
  if (secret) opts.onBootstrapSecret?.(secret);

  const metrics = createMetrics(services);
  const rateLimiter = await createRateLimiter({ limit: config.rateLimitWritesPerMinute, redisUrl: config.redisUrl, log });
  const yoga = createYogaApp(services, { metrics, rateLimiter });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') return serveHealth(req, res);
    if (path === '/ready') return void serveReady(db, req, res);
    if (path === '/metrics') return void metrics.handle(res);
    if (path === yoga.graphqlEndpoint || path.startsWith(`${yoga.graphqlEndpoint}/`)) return serveInRequestScope(req, res, () => yoga(req, res));
    if (serveDashboard(req, res)) return;
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  const ws = attachGraphqlWs(server, yoga, services, metrics);
  let upgrade: { stop(): Promise<void> } | undefined;

  const app: App = {
    services,
    db,
    url: '',
    port: 0,
    async start() {
      await tasks.start();
      upgrade = startLegacyUpgrade(db.pool, log);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve());
      });
      app.port = (server.address() as AddressInfo).port;
      app.url = `http://${config.host}:${app.port}`;
      log.info(
        { url: `${app.url}/graphql`, nodeId, database: db.embedded ? 'embedded' : 'postgresql', pubsub: config.redisUrl ? 'redis' : 'in-process' },
        'listening',
      );
    },
    async stop() {
      // Stop taking requests, close sockets (1001 Going Away), hand running tasks back to the
      // queue, then let go of the connections.
      server.close();
      await ws.dispose();
      server.closeAllConnections();
      await tasks.stop();
      await upgrade?.stop();
      await rateLimiter?.close();
      await pubsub.close();
      await db.close();
    },
  };
  return app;
}
