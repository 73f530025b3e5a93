// What this instance knows about its own health, beyond what a probe can see: whether it has
// started (the database may not be there yet), whether it is draining, and the dependency faults
// its requests met lately (a full disk shows only on writes). /ready reads it; requests, the
// runner and the start loop write it.
import type { DbErrorKind } from './db/pg-errors.ts';

/** A disk-full error keeps /ready at 503 this long after it was last seen. */
const DISK_FULL_MEMORY_MS = 30_000;

export type Phase = 'starting' | 'serving' | 'draining';

export class HealthState {
  phase: Phase = 'starting';
  private readonly drain = new AbortController();
  /** Aborted when draining starts: long waits (a synchronous deleteJob) answer now instead. */
  readonly draining: AbortSignal = this.drain.signal;
  /** While starting: what the start is waiting for (e.g. `database unreachable: ECONNREFUSED`). */
  waitingFor: string | undefined = 'database';
  private diskFullAt = 0;

  startDraining(): void {
    this.phase = 'draining';
    this.drain.abort();
  }

  /** A database error met by a request or a task. */
  sawDbError(kind: DbErrorKind | undefined): void {
    if (kind === 'disk_full') this.diskFullAt = Date.now();
  }

  get diskFull(): boolean {
    return Date.now() - this.diskFullAt < DISK_FULL_MEMORY_MS;
  }
}
