// Writes per API key per minute (RATE_LIMIT_WRITES_PER_MINUTE), counted in a fixed window that
// starts with the key's first write: in Redis when REDIS_URL is set, so every instance shares
// one budget per key, in this process otherwise. Applied in one place, a plugin on execute: a
// mutation costs one write per root field (aliases included) and is refused whole, before any
// of it runs, with TOO_MANY_REQUESTS and `retryAfterSeconds`. With Redis, a write of a key known
// to be under half its budget goes on without waiting for Redis's count (sent all the same):
// the budget is exact where it matters, near the limit, and a write far from it does not pay
// a Redis round trip first.
import { getOperationAST, Kind, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Context } from '../context.ts';
import { TooManyRequestsError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { outageReporter, type OutageReporter } from '../outage.ts';
import { toGraphQLError } from '../schema/error-mapping.ts';

const WINDOW_MS = 60_000;

export interface Verdict {
  allowed: boolean;
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts `cost` writes for `key`; refused once the window's budget is spent. */
  consume(key: string, cost: number): Promise<Verdict>;
  close(): Promise<void>;
}

const verdict = (count: number, limit: number, msLeft: number): Verdict => ({
  allowed: count <= limit,
  retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)),
});

/** A key's writes in its window: counted here, or (Redis) as Redis last answered with this instance's writes since. */
interface Window {
  count: number;
  resetAt: number;
}

/** Sets `key`'s window, first dropping ended ones once there are many keys (a key seen once must not stay for ever). */
function setWindow(windows: Map<string, Window>, key: string, window: Window): void {
  if (!windows.has(key) && windows.size > 10_000) for (const [k, w] of windows) if (w.resetAt <= Date.now()) windows.delete(k);
  windows.set(key, window);
}

class MemoryWindow implements RateLimiter {
  private readonly windows = new Map<string, Window>();
  constructor(private readonly limit: number) {}

  async consume(key: string, cost: number): Promise<Verdict> {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + WINDOW_MS };
      setWindow(this.windows, key, window);
    }
    window.count += cost;
    return verdict(window.count, this.limit, window.resetAt - now);
  }

  async close(): Promise<void> {}
}

// SET NX PX opens the window with its expiry in the same step (an INCR then EXPIRE pair could
// leave a counter without expiry, blocking a key for ever); INCRBY keeps the TTL. One script,
// atomic as the MULTI it replaces, one command to send and parse instead of five (the MULTI cost
// ~0.3 ms of CPU per write on a slow machine).
const COUNT_WRITES = `
redis.call('SET', KEYS[1], '0', 'PX', ARGV[2], 'NX')
return { redis.call('INCRBY', KEYS[1], ARGV[1]), redis.call('PTTL', KEYS[1]) }`;

type CountingRedis = Redis & { countWrites(key: string, cost: number, windowMs: number): Promise<[number, number]> };

class RedisWindow implements RateLimiter {
  private readonly known = new Map<string, Window>();
  private closed = false;

  constructor(
    private readonly redis: CountingRedis,
    private readonly limit: number,
    private readonly outage: OutageReporter,
  ) {}

  async consume(key: string, cost: number): Promise<Verdict> {
    const now = Date.now();
    const known = this.known.get(key);
    // Far under the budget (by Redis's last answer, this instance's writes since added, and a
    // second of the window left): no need to wait. Other instances' writes since that answer are
    // at most those of one Redis round trip; from half the budget on, every write waits.
    if (known && known.resetAt - now > 1_000 && known.count + cost <= this.limit / 2) {
      known.count += cost;
      // Counted all the same, sent once this turn of the event loop is done: after the write's
      // own statement has gone to PostgreSQL, which the command would otherwise delay (~0.1 ms
      // of CPU, on every write).
      setImmediate(() => void (this.closed || this.count(key, cost)));
      return verdict(known.count, this.limit, known.resetAt - now);
    }
    return this.count(key, cost);
  }

  /** Counts the writes in Redis; what it answers is also what the next call goes by. */
  private async count(key: string, cost: number): Promise<Verdict> {
    const name = `ml:rate:writes:${key}`;
    try {
      const [count, ttl] = (await this.redis.countWrites(name, cost, WINDOW_MS)).map(Number);
      if (!Number.isFinite(count)) throw new Error('unexpected reply from Redis');
      const msLeft = ttl > 0 ? ttl : WINDOW_MS;
      this.remember(key, count, Date.now() + msLeft);
      this.outage.recovered();
      return verdict(count, this.limit, msLeft);
    } catch (err) {
      // Fail open: losing Redis must not stop every write of the cluster. What it said before
      // is forgotten: the next write asks again.
      this.known.delete(key);
      this.outage.failed(err, { effect: 'writes allowed without rate limit' });
      return { allowed: true, retryAfterSeconds: 0 };
    }
  }

  /** Answers can arrive out of order: within a window the count only grows. */
  private remember(key: string, count: number, resetAt: number): void {
    const known = this.known.get(key);
    const sameWindow = known && Math.abs(known.resetAt - resetAt) < 1_000;
    if (sameWindow && known.count >= count) return;
    setWindow(this.known, key, { count, resetAt });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.redis.disconnect();
  }
}

/** Undefined when writes are not limited (RATE_LIMIT_WRITES_PER_MINUTE=0). Does not wait for Redis: until it answers, writes pass. */
export function createRateLimiter(opts: { limit: number; redisUrl: string | undefined; log: Logger }): RateLimiter | undefined {
  if (opts.limit <= 0) return undefined;
  if (!opts.redisUrl) return new MemoryWindow(opts.limit);
  // No offline queue: while Redis is away a write is let through at once instead of waiting.
  const redis = new Redis(opts.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
    enableOfflineQueue: false,
    retryStrategy: (times) => Math.min(5_000, 100 * 2 ** Math.min(times, 6)),
  });
  redis.defineCommand('countWrites', { numberOfKeys: 1, lua: COUNT_WRITES });
  const outage = outageReporter(opts.log, 'redis', 'write rate limiter');
  redis.on('error', (err) => outage.failed(err, { effect: 'writes allowed without rate limit' }));
  void redis.connect().catch(() => {});
  return new RedisWindow(redis as CountingRedis, opts.limit, outage);
}

/** Mutation root fields (aliases count): what one operation writes. */
function rootFields(selectionSet: SelectionSetNode): number {
  let n = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) n += selection.name.value === '__typename' ? 0 : 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) n += rootFields(selection.selectionSet);
    else n += 1; // a fragment spread: at least one write
  }
  return n;
}

export function useWriteRateLimit(limiter: RateLimiter | undefined): Plugin {
  if (!limiter) return {};
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      const ctx = args.contextValue as unknown as Context;
      // No key: the guard answers UNAUTHENTICATED, which costs nothing worth limiting.
      if (operation?.operation !== 'mutation' || !ctx.principal) return;
      const cost = rootFields(operation.selectionSet);
      if (cost === 0) return;
      const { allowed, retryAfterSeconds } = await limiter.consume(ctx.principal.keyId, cost);
      if (allowed) return;
      // Over HTTP also a 429 with Retry-After, for generic HTTP clients and proxies.
      setResultAndStopExecution({ errors: [toGraphQLError(undefined, new TooManyRequestsError(retryAfterSeconds))] });
    },
  };
}
