// The environment, parsed once and typed. Nothing else in src/ reads process.env.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
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
  /** Pause between two deletion batches: limits a deletion's load on a busy database. */
  deleteBatchPauseMs: number;
  logLevel: string;
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
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR || '.data'),
    adminApiKey: env.ML_ADMIN_API_KEY || undefined,
    redisUrl: env.REDIS_URL || undefined,
    nodeId: env.NODE_ID || undefined,
    syncDeleteTimeoutMs: int(env, 'SYNC_DELETE_TIMEOUT_MS', 60_000),
    taskRetentionHours: int(env, 'TASK_RETENTION_HOURS', 24),
    taskLeaseSeconds: int(env, 'TASK_LEASE_SECONDS', 15),
    deleteBatchPauseMs: int(env, 'DELETE_BATCH_PAUSE_MS', 0),
    logLevel: env.LOG_LEVEL || 'info',
  };
}
