// What a database error means for the caller: PostgreSQL's SQLSTATE codes, pg's and Node's
// socket errors and Prisma's codes, sorted into kinds. A transient kind passes by itself (the
// server restarts, a lock frees, a connection slot opens): a deletion retries it, an API request
// answers 503 with Retry-After. Anything unknown is permanent, i.e. a bug or bad data.
import { ServiceUnavailableError } from '../errors.ts';

/** PostgreSQL SQLSTATE codes named by this service (https://www.postgresql.org/docs/15/errcodes-appendix.html). */
export const PG = {
  ADMIN_SHUTDOWN: '57P01',
  CRASH_SHUTDOWN: '57P02',
  CANNOT_CONNECT_NOW: '57P03',
  QUERY_CANCELED: '57014',
  /** Class 08: connection exceptions (08000, 08003, 08006, …). */
  CONNECTION_EXCEPTION_CLASS: '08',
  LOCK_NOT_AVAILABLE: '55P03',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK_DETECTED: '40P01',
  DISK_FULL: '53100',
  OUT_OF_MEMORY: '53200',
  TOO_MANY_CONNECTIONS: '53300',
  CONFIGURATION_LIMIT_EXCEEDED: '53400',
  IDLE_IN_TRANSACTION_TIMEOUT: '25P03',
  READ_ONLY_SQL_TRANSACTION: '25006',
  UNIQUE_VIOLATION: '23505',
  UNDEFINED_TABLE: '42P01',
} as const;

/** Prisma's codes for the same situations (https://www.prisma.io/docs/orm/reference/error-reference). */
export const PRISMA = {
  CANNOT_REACH: 'P1001',
  TIMED_OUT: 'P1008',
  CONNECTION_CLOSED: 'P1017',
  POOL_TIMEOUT: 'P2024',
  TRANSACTION_API: 'P2028',
  WRITE_CONFLICT: 'P2034',
} as const;

export type DbErrorKind =
  /** The connection went or could not be made: server restarting, network, refused. */
  | 'connection'
  /** No connection or transaction within its wait: the pool or the server is saturated. */
  | 'saturated'
  /** A statement ran past its statement_timeout or was cancelled. */
  | 'timeout'
  /** lock_timeout, serialization failure, deadlock: the same work succeeds when tried again. */
  | 'contention'
  /** Out of shared memory, too many connections, lock table full. */
  | 'resources'
  /** The server's disk (or the table's tablespace) is full. */
  | 'disk_full';

const SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

const BY_SQLSTATE: Record<string, DbErrorKind> = {
  [PG.ADMIN_SHUTDOWN]: 'connection',
  [PG.CRASH_SHUTDOWN]: 'connection',
  [PG.CANNOT_CONNECT_NOW]: 'connection',
  [PG.IDLE_IN_TRANSACTION_TIMEOUT]: 'connection',
  [PG.QUERY_CANCELED]: 'timeout',
  [PG.LOCK_NOT_AVAILABLE]: 'contention',
  [PG.SERIALIZATION_FAILURE]: 'contention',
  [PG.DEADLOCK_DETECTED]: 'contention',
  [PG.DISK_FULL]: 'disk_full',
  [PG.OUT_OF_MEMORY]: 'resources',
  [PG.TOO_MANY_CONNECTIONS]: 'resources',
  [PG.CONFIGURATION_LIMIT_EXCEEDED]: 'resources',
  // A standby promoted late, or a failover in progress.
  [PG.READ_ONLY_SQL_TRANSACTION]: 'connection',
};

const BY_PRISMA: Record<string, DbErrorKind> = {
  [PRISMA.CANNOT_REACH]: 'connection',
  [PRISMA.CONNECTION_CLOSED]: 'connection',
  [PRISMA.TIMED_OUT]: 'saturated',
  [PRISMA.POOL_TIMEOUT]: 'saturated',
  [PRISMA.TRANSACTION_API]: 'saturated',
  [PRISMA.WRITE_CONFLICT]: 'contention',
};

// @prisma/adapter-pg's kinds for errors it recognises (its convertDriverError).
const BY_ADAPTER_KIND: Record<string, DbErrorKind> = {
  DatabaseNotReachable: 'connection',
  ConnectionClosed: 'connection',
  SocketTimeout: 'connection',
  TooManyConnections: 'resources',
  TransactionWriteConflict: 'contention',
};

// pg reports a lost connection or a pool wait by message only.
const BY_MESSAGE: [RegExp, DbErrorKind][] = [
  [
    /Connection terminated|connection error and is not queryable|Client was closed|Connection ended unexpectedly|terminating connection/i,
    'connection',
  ],
  [/Can't reach database server|Server has closed the connection|ECONNREFUSED|ECONNRESET/i, 'connection'],
  [/timeout exceeded when trying to connect|Unable to start a transaction in the given time|Transaction API error/i, 'saturated'],
  [/statement timeout|canceling statement due to/i, 'timeout'],
  [/No space left on device|could not extend file/i, 'disk_full'],
];

function ownKind(err: Record<string, unknown>): DbErrorKind | undefined {
  for (const field of ['code', 'originalCode']) {
    const code = err[field];
    if (typeof code !== 'string') continue;
    if (BY_SQLSTATE[code]) return BY_SQLSTATE[code];
    if (/^08[0-9A-Z]{3}$/.test(code)) return 'connection';
    if (BY_PRISMA[code]) return BY_PRISMA[code];
    if (SOCKET_CODES.has(code)) return 'connection';
  }
  if (typeof err.kind === 'string' && BY_ADAPTER_KIND[err.kind]) return BY_ADAPTER_KIND[err.kind];
  if (typeof err.message === 'string') for (const [pattern, kind] of BY_MESSAGE) if (pattern.test(err.message)) return kind;
  return undefined;
}

/** The kind of a database error, looking through the wrappers of Prisma, its adapter and GraphQL; undefined: not one we know to pass. */
export function dbErrorKind(error: unknown): DbErrorKind | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  let found: DbErrorKind | undefined;
  while (queue.length && seen.size < 20) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const err = current as Record<string, unknown>;
    const kind = ownKind(err);
    // The most specific wins: a disk-full cause under a generic "transaction failed".
    if (kind === 'disk_full') return kind;
    found ??= kind;
    const adapter = (err.meta as Record<string, unknown> | undefined)?.driverAdapterError as Record<string, unknown> | undefined;
    queue.push(err.cause, err.originalError, adapter, adapter?.cause, ...((err.errors as unknown[] | undefined) ?? []));
  }
  return found;
}

export const isTransientDbError = (error: unknown): boolean => dbErrorKind(error) !== undefined;

/** Short text for logs and a task's lastError: SQLSTATE or code, and the message. */
export function describeError(error: unknown): string {
  const err = error as { code?: unknown; message?: unknown } | undefined;
  const message = typeof err?.message === 'string' ? err.message : String(error);
  return typeof err?.code === 'string' && !message.includes(err.code) ? `${err.code}: ${message}` : message;
}

const UNAVAILABLE: Record<DbErrorKind, [message: string, retryAfterSeconds: number]> = {
  connection: ['the database is unreachable (restarting or disconnected), retry shortly', 2],
  saturated: ['the database is saturated: no connection or transaction was available in time, retry shortly', 1],
  timeout: ['the statement ran past its time limit (DB_STATEMENT_TIMEOUT_MS); the database is overloaded, retry later', 2],
  contention: ['the rows are busy (lock timeout, conflict or deadlock), retry', 1],
  resources: ['the database is out of resources (connections, shared memory or locks), retry shortly', 2],
  disk_full: ['the database disk is full: nothing was written. Free space (README: Operating it, full disk), then retry', 30],
};

/** What a client is told for a database error that passes by itself; undefined for any other error. */
export function unavailableErrorOf(error: unknown): ServiceUnavailableError | undefined {
  const kind = dbErrorKind(error);
  if (!kind) return undefined;
  const [message, retryAfterSeconds] = UNAVAILABLE[kind];
  return new ServiceUnavailableError(message, retryAfterSeconds);
}

/**
 * Runs `work` (a whole transaction, so a failed try leaves nothing) again after a contention or
 * saturation error, up to `tries` times with a short pause: a burst that makes one transaction
 * wait past its limit should not reach the client when the next try would pass.
 */
export async function retryingContention<T>(work: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      const kind = dbErrorKind(err);
      if (attempt >= tries || (kind !== 'contention' && kind !== 'saturated')) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}
