// buildApp(config) -> { start(), stop() }: GraphQL over HTTP/SSE (yoga) and WebSocket
// (graphql-ws) on one port and path, plus /health, /ready and /metrics. Separate from listen()
// so tests start the real thing on port 0 and stop it cleanly.
//
// Start: listen first (/health 200, /ready 503 "starting", GraphQL 503), then reach the database
// (migrations, bootstrap key, task queue), retrying with backoff and one log line per attempt,
// for as long as it takes; serve once that is done. Redis is not waited for (pubsub.ts).
// Stop (SIGTERM): drain: /ready 503, no new connection, new requests 503, WebSockets closed with
// 1001, running tasks handed back to the queue; requests in flight get SHUTDOWN_GRACE_MS to end.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureBootstrapKey } from './auth/api-keys.ts';
import { VerifiedKeys } from './auth/verified-keys.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { describeError } from './db/pg-errors.ts';
import { runDeletion } from './deletion/engine.ts';
import { recoverDeletions } from './deletion/recover.ts';
import { publishTaskChange } from './events/publish.ts';
import { HealthState } from './health-state.ts';
import { createAdmission } from './http/admission.ts';
import { LoopLoad, Slots } from './limits/load-shedding.ts';
import { createLogger, type Logger } from './log.ts';
import { createMetrics } from './metrics.ts';
import { resolveNodeId } from './node-id.ts';
import { createPubSubFor } from './pubsub.ts';
import type { Services } from './services.ts';
import { TaskRunner } from './tasks/runner.ts';
import { authenticateEarly, createYogaApp } from './yoga.ts';
import { attachGraphqlWs } from './websocket.ts';
import { serveDashboard } from './http/dashboard.ts';
import { serveHealth, serveReady } from './http/health.ts';
import { serveInRequestScope } from './http/serve-in-scope.ts';
import { createRateLimiter } from './rate-limit/write-rate-limit.ts';
import { startLegacyUpgrade } from './jobs/legacy-upgrade.ts';

export interface App {
  services: Services;
  db: Database;
  /** Set once listening. */
  url: string;
  /** Where /health, /ready and /metrics are served: HEALTH_PORT's listener, or `url`. */
  healthUrl: string;
  port: number;
  /** Listens, then resolves once the dependencies are reached and the instance serves. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface BuildOptions {
  log?: Logger;
  /** Called with a generated bootstrap secret (first start without ML_ADMIN_API_KEY). */
  onBootstrapSecret?: (secret: string) => void;
  /** Called once listening (before the dependencies are reached). */
  onListening?: (url: string) => void;
}

const FIRST_RETRY_MS = 250;
/** A draining instance closes its listener once no request has come for this long. */
const QUIET_MS = 250;

export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<App> {
  const log = opts.log ?? createLogger(config.logLevel);
  const health = new HealthState();
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    log,
    budgets: {
      apiPoolSize: config.dbPoolSize,
      // Each running deletion holds up to DELETE_PARALLELISM lanes; progress writes, the queue
      // and the sweep need a few more.
      workPoolSize: config.deleteConcurrency * config.deleteParallelism + 3,
      statementTimeoutMs: config.dbStatementTimeoutMs,
      acquireTimeoutMs: config.dbAcquireTimeoutMs,
    },
  });
  const pubsub = createPubSubFor(config.redisUrl, log);
  const nodeId = resolveNodeId(config.nodeId, config.dataDir, config.port);
  const listReads = {
    slots: new Slots(config.maxConcurrentListReads),
    load: new LoopLoad(),
    maxUtilization: config.maxEventLoopUtilization / 100,
    requestsInFlight: () => admission.busy,
  };
  // `tasks` is read at scrape time only, once it exists.
  const metrics = createMetrics({ db, pubsub, deletions: () => tasks.load, loopUtilization: () => listReads.load.utilization });
  const tasks: TaskRunner = new TaskRunner({
    db,
    log,
    onTaskChange: (task) => publishTaskChange(pubsub, task),
    nodeId,
    work: runDeletion,
    recover: (enqueue) => recoverDeletions(db.work, nodeId, enqueue),
    leaseSeconds: config.taskLeaseSeconds,
    retentionHours: config.taskRetentionHours,
    batchPauseMs: config.deleteBatchPauseMs,
    parallelism: config.deleteParallelism,
    concurrency: config.deleteConcurrency,
    onRowsDeleted: (n) => metrics.rowsDeleted.inc(n),
    onRetry: (kind) => {
      health.sawDbError(kind);
      metrics.retries.inc({ kind });
    },
  });
  const verifiedKeys = new VerifiedKeys(config.apiKeyCacheSeconds * 1000, pubsub);
  const services: Services = { config, db, nodeId, pubsub, verifiedKeys, tasks, log, health };
  metrics.bindResolvers(services);

  const rateLimiter = createRateLimiter({ limit: config.rateLimitWritesPerMinute, redisUrl: config.redisUrl, log });
  const yoga = createYogaApp(services, { metrics, rateLimiter, listReads });
  const admission = createAdmission(health, config.maxConcurrentRequests);
  const saturation = () =>
    admission.saturated()
      ? `saturated: ${admission.busy} requests in flight (MAX_CONCURRENT_REQUESTS)`
      : db.pool.waitingCount >= config.dbPoolSize
        ? `saturated: ${db.pool.waitingCount} requests waiting for a database connection`
        : undefined;
  let lastRequestAt = 0;
  /** /health, /ready, /metrics: true when `path` was one of them. */
  const probes = (path: string, req: IncomingMessage, res: ServerResponse): boolean => {
    if (path === '/health') serveHealth(req, res);
    else if (path === '/ready') void serveReady({ state: health, db, saturation, pubsub: () => pubsub.state() }, req, res);
    else if (path === '/metrics') void metrics.handle(res);
    else return false;
    return true;
  };
  const notFound = (res: ServerResponse) => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  // HEALTH_PORT: the probes on a listener of their own, out of the API's accept queue (under 300
  // clients a new connection waited there for seconds; a probe must not).
  const healthServer =
    config.healthPort === undefined ? undefined : createServer((req, res) => probes((req.url ?? '/').split('?')[0], req, res) || notFound(res));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    lastRequestAt = Date.now();
    const path = (req.url ?? '/').split('?')[0];
    if (probes(path, req, res)) return;
    if (path === yoga.graphqlEndpoint || path.startsWith(`${yoga.graphqlEndpoint}/`)) {
      const admitted = admission.admit(req, res);
      if (!admitted) return;
      return serveInRequestScope(req, res, admitted, () => {
        authenticateEarly(services, req);
        return yoga(req, res);
      });
    }
    if (serveDashboard(req, res)) return;
    notFound(res);
  });
  const ws = attachGraphqlWs(server, yoga, services, metrics);
  const stopped = new AbortController();

  /** Runs `step` until it succeeds (or the app stops), logging each failed attempt. */
  const untilItWorks = async (what: string, step: () => Promise<unknown>) => {
    for (let attempt = 1, pause = FIRST_RETRY_MS; !stopped.signal.aborted; attempt++, pause = Math.min(config.startRetryMaxMs, pause * 2)) {
      try {
        await step();
        return;
      } catch (err) {
        const reason = describeError(err);
        health.waitingFor = `database (${what}: ${reason})`;
        log.warn({ dependency: 'postgresql', step: what, attempt, reason, retryInMs: pause }, 'start: database not ready, retrying');
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pause);
          stopped.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        });
      }
    }
  };
  let upgrade: { stop(): Promise<void> } | undefined;

  const app: App = {
    services,
    db,
    url: '',
    healthUrl: '',
    port: 0,
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve());
      });
      app.port = (server.address() as AddressInfo).port;
      app.url = `http://${config.host}:${app.port}`;
      if (healthServer) {
        await new Promise<void>((resolve, reject) => {
          healthServer.once('error', reject);
          healthServer.listen(config.healthPort, config.host, () => resolve());
        });
        app.healthUrl = `http://${config.host}:${(healthServer.address() as AddressInfo).port}`;
      } else app.healthUrl = app.url;
      opts.onListening?.(app.url);
      await untilItWorks('migrations', () => migrate(db.url));
      await untilItWorks('bootstrap key', async () => {
        const secret = await ensureBootstrapKey(db, config.adminApiKey);
        if (secret) opts.onBootstrapSecret?.(secret);
      });
      await untilItWorks('task queue', () => tasks.start());
      if (stopped.signal.aborted) return;
      // Jobs stored by the per-job layout move to the shared tables in the background, one job per
      // transaction, while the instance serves (legacy-upgrade.ts).
      upgrade = startLegacyUpgrade(db.work.pool, log);
      health.phase = 'serving';
      health.waitingFor = undefined;
      log.info(
        { url: `${app.url}/graphql`, nodeId, database: db.embedded ? 'embedded' : 'postgresql', pubsub: config.redisUrl ? 'redis' : 'in-process' },
        'listening',
      );
    },
    async stop() {
      health.startDraining();
      stopped.abort();
      // Sockets closed with 1001 Going Away (clients reconnect elsewhere); running tasks handed
      // back at their next step; requests in flight finish; new requests are answered 503 with
      // Connection: close (a client then knows it was not served, where a reset connection
      // would leave a POST in doubt). The listener closes once those are done and no request
      // came for QUIET_MS (the load balancer has seen /ready fail), or at SHUTDOWN_GRACE_MS.
      await ws.dispose();
      const deadline = Date.now() + config.shutdownGraceMs;
      let graceTimer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (graceTimer = setTimeout(resolve, config.shutdownGraceMs)));
      await Promise.all([tasks.stop(), Promise.race([admission.idle(), grace])]);
      clearTimeout(graceTimer);
      while (Date.now() < deadline && Date.now() - lastRequestAt < QUIET_MS) await new Promise((r) => setTimeout(r, QUIET_MS / 5));
      if (admission.inFlight)
        log.warn({ inFlight: admission.inFlight, graceMs: config.shutdownGraceMs }, 'requests still in flight after the grace period: cut');
      server.close();
      server.closeAllConnections();
      healthServer?.close();
      healthServer?.closeAllConnections();
      await upgrade?.stop();
      listReads.load.stop();
      await rateLimiter?.close();
      await pubsub.close();
      await db.close();
    },
  };
  return app;
}
