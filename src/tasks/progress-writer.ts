// Writes a running task's progress: throttled, in order, one write in flight at a time. The
// deletion's lanes report concurrently and do not wait for writes; two writes racing could land
// an older `deleted` last (D17: it never goes down), so writes are chained. A routine report is
// skipped while a write is in flight or within `everyMs` of the last one: the next write carries
// the newer numbers. A failed write (lease lost, database gone) is kept and thrown at the next
// report, which stops the work where the runner decides what to do with it.
export interface Progress {
  phase: string;
  deleted: number;
  total: number;
}

export interface ProgressWriterOptions {
  /** Saves one snapshot (and publishes it). */
  save(progress: Progress): Promise<void>;
  /** Least time between two routine writes. */
  everyMs: number;
  /** A heartbeat rewrites the latest progress when nothing was written for this long. */
  heartbeatIdleMs: number;
  now?: () => number;
}

export class ProgressWriter {
  private lastWrite = -Infinity;
  private chain: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private error: unknown;
  private current: Progress | undefined;
  private readonly now: () => number;

  constructor(private readonly opts: ProgressWriterOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** The latest progress reported (written or not). */
  get latest(): Progress | undefined {
    return this.current && { ...this.current };
  }

  /** Records `progress`; writes it now if `force`, or if the throttle allows. Throws an earlier write's error. */
  report(progress: Progress, force = false): void {
    if (this.error !== undefined) throw this.error;
    this.current = { ...progress };
    if (force || (this.inFlight === 0 && this.now() - this.lastWrite >= this.opts.everyMs)) this.write(this.current);
  }

  /** Keeps the lease alive through long single statements: rewrites the latest progress when idle. */
  heartbeat(): void {
    if (this.current && this.error === undefined && this.now() - this.lastWrite > this.opts.heartbeatIdleMs) this.write(this.current);
  }

  /** Resolves once every write so far has landed; rejects with the first failure. */
  async flush(): Promise<void> {
    await this.chain;
    if (this.error !== undefined) throw this.error;
  }

  private write(progress: Progress): void {
    this.lastWrite = this.now();
    const snapshot = { ...progress };
    this.inFlight++;
    this.chain = this.chain
      .then(() => (this.error === undefined ? this.opts.save(snapshot) : undefined))
      .catch((err: unknown) => {
        this.error ??= err;
      })
      .finally(() => this.inFlight--);
  }
}
