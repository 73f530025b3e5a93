// One log line per outage, not one per failed call: a dependency that is down fails every
// publish, query and reconnect attempt, several times a second. The first failure is logged at
// warn; later ones are counted and summed up in the recovery line (or, if the outage lasts, in a
// reminder every REMIND_MS).
import type { Logger } from './log.ts';

const REMIND_MS = 30_000;

export interface OutageReporter {
  /** A call failed: logged if it is the first of an outage (or a reminder is due). */
  failed(err: unknown, extra?: Record<string, unknown>): void;
  /** The dependency answered again: ends the outage with one info line. */
  recovered(): void;
  readonly down: boolean;
}

export function outageReporter(log: Logger, dependency: string, what: string): OutageReporter {
  let since: number | undefined;
  let lastLine = 0;
  let failures = 0;
  return {
    failed(err, extra) {
      failures++;
      const now = Date.now();
      if (since === undefined) since = now;
      else if (now - lastLine < REMIND_MS) return;
      lastLine = now;
      const reason = err instanceof Error ? err.message : String(err);
      log.warn({ dependency, reason, code: (err as { code?: unknown })?.code, failures, downForMs: now - since, ...extra }, `${what} failing`);
    },
    recovered() {
      if (since === undefined) return;
      log.info({ dependency, failures, downForMs: Date.now() - since }, `${what} recovered`);
      since = undefined;
      failures = 0;
    },
    get down() {
      return since !== undefined;
    },
  };
}
