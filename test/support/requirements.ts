// What a suite needs that a machine may lack (a PostgreSQL server, Redis, Chromium). Without it
// the suite is skipped with one printed line saying what is missing and how to get it; the
// summary reporter lists those lines again at the end. With CI set, a missing requirement fails
// the file instead: CI provides everything, so nothing may be skipped there silently.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { inject } from 'vitest';
import { SKIP_MARK } from './summary-reporter.ts';

export interface Requirement {
  /** What is missing, e.g. "a PostgreSQL server (DATABASE_URL is unset)"; undefined when present. */
  missing: string | undefined;
  /** How to get it. */
  how: string;
}

const inCI = () => !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());

/**
 * True when `suite` must be skipped for want of `needs` (use with describe.skipIf / it.skipIf).
 * Prints one line then. Under CI it throws instead, which fails the test file.
 */
export function unmet(suite: string, ...needs: Requirement[]): boolean {
  const missing = needs.filter((n) => n.missing);
  if (missing.length === 0) return false;
  const why = `${suite}: missing ${missing.map((n) => `${n.missing}: ${n.how}`).join('; missing ')}`;
  if (inCI()) throw new Error(`${why} (CI is set: a suite that cannot run fails instead of being skipped)`);
  console.log(`${SKIP_MARK} ${why}`);
  return true;
}

export const postgresServer = (): Requirement => ({
  missing: inject('databaseUrl') ? undefined : 'a PostgreSQL server (DATABASE_URL is unset)',
  how: 'run with DATABASE_URL=postgresql://<user>@<host>:5432/<db> (the suite creates and drops its own database there)',
});

export const redis = (): Requirement => ({
  missing: inject('redisUrl') ? undefined : 'Redis (REDIS_URL is unset)',
  how: 'run with REDIS_URL=redis://<host>:6379',
});

/**
 * The Chromium to drive: CHROMIUM_PATH when set (set it to a path that does not exist to hide
 * the browser), else `chromium` on PATH, else Debian's /usr/bin/chromium.
 */
export function chromiumPath(): string | undefined {
  const wanted = process.env.CHROMIUM_PATH;
  const candidates =
    wanted !== undefined ? [wanted] : [...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'chromium')), '/usr/bin/chromium'];
  return candidates.find(isExecutable);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const chromiumBrowser = (): Requirement => ({
  missing: chromiumPath()
    ? undefined
    : process.env.CHROMIUM_PATH !== undefined
      ? `Chromium (CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable)`
      : 'Chromium (no chromium on PATH or at /usr/bin/chromium)',
  how: 'install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM_PATH to its executable',
});

/** util-linux's `script`, which runs a command in a pseudo-terminal (node-pty is not available). */
export const pseudoTerminal = (): Requirement => ({
  missing: (process.env.PATH ?? '').split(delimiter).some((dir) => isExecutable(join(dir, 'script')))
    ? undefined
    : "util-linux's `script` (not on PATH)",
  how: 'install util-linux (Debian/Ubuntu: apt-get install -y util-linux)',
});
