// The upgrade from the previous layout (one partition per job for every job, migration
// 20261129092220_job_partitions) to shared storage, after the migration 20261201110000
// has set the old parents aside: each job still there moves into the shared tables, one job
// per transaction (job_parts.adopt_legacy_job), in the background while the service serves.
// Reads and writes do not wait for it: new rows go to the shared tables, the kept counts
// already count the old ones, and a deletion drops a job's old partitions first (engine.ts).
// Interrupted (a stop, a crash), it carries on at the next start: each move is atomic.
import type pg from 'pg';
import type { Logger } from '../log.ts';
import { adoptLegacyJob } from './storage.ts';

type Queryable = Pick<pg.Pool, 'query'>;

/** Moves every job left in the previous layout, until none is or `signal` aborts; answers how many it moved. */
export async function upgradeLegacyStorage(on: Queryable, signal?: AbortSignal, onJob?: (moved: number) => void): Promise<number> {
  let moved = 0;
  while (!signal?.aborted && (await adoptLegacyJob(on))) {
    moved++;
    onJob?.(moved);
  }
  return moved;
}

const RETRY_MS = 5_000;

/** Runs upgradeLegacyStorage in the background (a start with nothing to move costs one query); stop() waits for the current job. */
export function startLegacyUpgrade(on: Queryable, log: Logger): { stop(): Promise<void> } {
  const abort = new AbortController();
  const run = async () => {
    while (!abort.signal.aborted) {
      try {
        const started = performance.now();
        const moved = await upgradeLegacyStorage(on, abort.signal, (n) => {
          if (n % 100 === 0) log.info({ moved: n }, 'storage upgrade: jobs moved to shared storage');
        });
        if (moved > 0) log.info({ moved, ms: Math.round(performance.now() - started) }, 'storage upgrade: done');
        return;
      } catch (err) {
        if (abort.signal.aborted) return;
        log.warn({ err }, `storage upgrade: failed, trying again in ${RETRY_MS / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  };
  const running = run();
  return {
    async stop() {
      abort.abort();
      await running;
    },
  };
}
