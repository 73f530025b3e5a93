// The environment, parsed once and typed. Nothing else in src/ reads process.env.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** A listener of its own for /health, /ready and /metrics (also served on `port`); unset: none. */
  healthPort: number | undefined;
  /** Unset: the embedded PostgreSQL kept under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  adminApiKey: string | undefined;
  redisUrl: string | undefined;
  nodeId: string | undefined;
  /** How long a synchronous deleteJob waits before answering with its task instead. */
  syncDeleteTimeoutMs: number;
  /** Ended tasks are kept at least this long (D16: 24 h). */
  taskRetentionHours: number;
  /** A task whose runner has not been heard of for this long is taken over by another runner. */
  taskLeaseSeconds: number;
  /** Pause after each deletion step (a dropped partition or a batch of rows): limits a deletion's load on a busy database. */
  deleteBatchPauseMs: number;
  /** Tables a deletion works on at once, each on its own connection. */
  deleteParallelism: number;
  /** Deletions one instance runs at once; the others wait QUEUED, in order. */
  deleteConcurrency: number;
  /** Connections for API requests (deletions and the task queue have their own, sized from DELETE_CONCURRENCY). */
  dbPoolSize: number;
  /** Longest an API request's statement runs (PostgreSQL statement_timeout); 0: unbounded. */
  dbStatementTimeoutMs: number;
  /** Longest an API request waits for a database connection before answering 503; 0: unbounded. */
  dbAcquireTimeoutMs: number;
  /** GraphQL HTTP requests served at once (subscriptions excluded); past it, 503 at once. 0: no limit. */
  maxConcurrentRequests: number;
  /** Expensive list reads (jobs, tasks, results, notifications) run at once; the others wait up to a second, then 503. */
  maxConcurrentListReads: number;
  /** Expensive reads are refused at once (503) while the event loop was busier than this, in percent; 100: never. */
  maxEventLoopUtilization: number;
  /** On SIGTERM, how long requests in flight may take to finish before their connections are closed. */
  shutdownGraceMs: number;
  /** Longest pause between two attempts to reach the database at start. */
  startRetryMaxMs: number;
  /** Jobs with dedicated storage at most (each adds seven tables, which pg_dump locks one by one). */
  maxDedicatedJobs: number;
  logLevel: string;
  /** Largest request body (HTTP) or message (WebSocket) accepted, in bytes. */
  maxBodyBytes: number;
  /** Largest GraphQL document, in lexical tokens (graphql-armor maxTokens). */
  maxTokens: number;
  /** Deepest selection set (graphql-armor maxDepth; introspection's __schema is exempt). */
  maxDepth: number;
  /** Most aliases in one operation (graphql-armor maxAliases). */
  maxAliases: number;
  /** Most directives in one operation (graphql-armor maxDirectives). */
  maxDirectives: number;
  /** Highest query cost (objects 2, scalars 1, x1.5 per level, x the size of each list: src/limits/query-cost.ts). */
  maxCost: number;
  /** Browser origins allowed by CORS and at WebSocket upgrade; empty: none (same-origin only). */
  corsOrigins: string[];
  /** Open WebSockets per API key on one instance. */
  wsMaxConnectionsPerKey: number;
  apiKeyCacheSeconds: number;
  /** Operations in flight (subscriptions included) on one WebSocket. */
  wsMaxSubscriptionsPerConnection: number;
  /** A socket that sends no connection_init within this time is closed with 4408. */
  wsConnectionInitTimeoutMs: number;
  /** Ping period of WebSockets; a socket that has not answered by the next ping is dropped. */
  wsKeepAliveMs: number;
  /** Write operations per API key per minute, shared through Redis when REDIS_URL is set; 0: no limit. */
  rateLimitWritesPerMinute: number;
  /** Keys without MANAGE or ALL may run only the persisted documents of the service's clients (dashboard, CLI). */
  persistedDocumentsOnly: boolean;
}

function list(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got '${raw}'`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int(env, 'PORT', 4000),
    host: env.HOST || '127.0.0.1',
    healthPort: env.HEALTH_PORT ? int(env, 'HEALTH_PORT', 0) : undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR || '.data'),
    adminApiKey: env.ML_ADMIN_API_KEY || undefined,
    redisUrl: env.REDIS_URL || undefined,
    nodeId: env.NODE_ID || undefined,
    syncDeleteTimeoutMs: int(env, 'SYNC_DELETE_TIMEOUT_MS', 60_000),
    taskRetentionHours: int(env, 'TASK_RETENTION_HOURS', 24),
    taskLeaseSeconds: int(env, 'TASK_LEASE_SECONDS', 15),
    deleteBatchPauseMs: int(env, 'DELETE_BATCH_PAUSE_MS', 0),
    // One lane by default: a second one was measured to cost reads of other jobs their p99 on a
    // two-core machine (61 vs 36 ms during a 3,000,000-row deletion) for little speed there.
    deleteParallelism: Math.max(1, int(env, 'DELETE_PARALLELISM', 1)),
    // Two: a third deletion on two cores mostly queues behind the first two for the disk, and
    // each one holds DELETE_PARALLELISM connections of the work pool.
    deleteConcurrency: Math.max(1, int(env, 'DELETE_CONCURRENCY', 2)),
    dbPoolSize: Math.max(1, int(env, 'DB_POOL_SIZE', 10)),
    dbStatementTimeoutMs: int(env, 'DB_STATEMENT_TIMEOUT_MS', 30_000),
    // Generous: a list whose fields each read (Job.counts) queues its own reads on the pool, and
    // the tail of a legitimate big list must not fail; overload is held off by the request limits.
    dbAcquireTimeoutMs: int(env, 'DB_ACQUIRE_TIMEOUT_MS', 5_000),
    // 24: 300 heavy clients against 64 left a light read 1.4 s and a new connection's /ready
    // 1.4 s in the accept queue; against 24 (cheap refusals before the body is read) 0.5 s and 1.0 s.
    // Four per core: each admitted request lengthens every other's turn on the event loop (a
    // crowd of 300 measured /ready at 1.3 s with 24 on two cores, 0.7 s with 8); a request that
    // only waits (a waiting deleteJob) does not count (http/admission.ts).
    maxConcurrentRequests: int(env, 'MAX_CONCURRENT_REQUESTS', 4 * availableParallelism()),
    maxConcurrentListReads: Math.max(1, int(env, 'MAX_CONCURRENT_LIST_READS', 4)),
    // 80: an instance answering heavy reads as fast as it can has no time left for light ones.
    maxEventLoopUtilization: Math.min(100, int(env, 'MAX_EVENT_LOOP_UTILIZATION', 80)),
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 10_000),
    startRetryMaxMs: Math.max(100, int(env, 'START_RETRY_MAX_MS', 5_000)),
    maxDedicatedJobs: int(env, 'MAX_DEDICATED_JOBS', 100),
    logLevel: env.LOG_LEVEL || 'info',
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 1024 * 1024),
    maxTokens: int(env, 'MAX_TOKENS', 1000),
    maxDepth: int(env, 'MAX_DEPTH', 8),
    maxAliases: int(env, 'MAX_ALIASES', 15),
    maxDirectives: int(env, 'MAX_DIRECTIVES', 50),
    // 50,000: list sizes count (src/limits/query-cost.ts), and the largest page the API gives
    // (500 jobs or tasks with every field) costs about 28,000; two such pages, or a list in a list, do not pass.
    maxCost: int(env, 'MAX_COST', 50_000),
    corsOrigins: list(env, 'CORS_ORIGINS'),
    wsMaxConnectionsPerKey: int(env, 'WS_MAX_CONNECTIONS_PER_KEY', 100),
    // 10 s: the wait of an invalidation that not every instance confirmed (auth/verified-keys.ts).
    apiKeyCacheSeconds: int(env, 'API_KEY_CACHE_SECONDS', 10),
    wsMaxSubscriptionsPerConnection: int(env, 'WS_MAX_SUBSCRIPTIONS_PER_CONNECTION', 50),
    wsConnectionInitTimeoutMs: int(env, 'WS_CONNECTION_INIT_TIMEOUT_MS', 3000),
    wsKeepAliveMs: int(env, 'WS_KEEPALIVE_MS', 30_000),
    rateLimitWritesPerMinute: int(env, 'RATE_LIMIT_WRITES_PER_MINUTE', 6000),
    persistedDocumentsOnly: ['true', '1'].includes(env.PERSISTED_DOCUMENTS_ONLY ?? ''),
  };
}
