// Waiting for what the server does in its own time, without fixed sleeps: a check is retried
// until it passes. When it never does, the test fails with the check's last failure, so the
// report shows what it last saw (a fixed sleep passes or fails by luck; a polling loop that
// gives up silently hides why).
import { vi } from 'vitest';

/**
 * How long a check may keep failing before the test fails: a bound on how long a broken test
 * takes to report, not a timing requirement (the machine is shared and noisy).
 */
export const PATIENCE_MS = 30_000;

/** Runs `check` (which throws, e.g. with `expect`, until what it waits for holds) every `everyMs`; answers its value. */
export function eventually<T>(check: () => T | Promise<T>, { timeoutMs = PATIENCE_MS, everyMs = 50 } = {}): Promise<T> {
  return vi.waitFor(check, { timeout: timeoutMs, interval: everyMs });
}

/** Waits until `check` answers true (a throw counts as not yet); fails naming `what` after `timeoutMs`. */
export function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = PATIENCE_MS): Promise<void> {
  return eventually(
    async () => {
      if (!(await check())) throw new Error(`timed out waiting for ${what}`);
    },
    { timeoutMs, everyMs: 100 },
  );
}
