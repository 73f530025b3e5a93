// Exit codes, one per kind of failure, so scripts can tell a refusal from an outage.
// Documented in docs/clients.md and in `mljobs help`.
export const EXIT = {
  OK: 0,
  OTHER: 1,
  USAGE: 2,
  AUTH: 3,
  NOT_FOUND: 4,
  CONFLICT: 5,
  RATE_LIMITED: 6,
} as const;

/** The exit code for an error code (the service's `extensions.code`, or the client's own). */
export function exitCodeFor(code: string): number {
  switch (code) {
    case 'USAGE':
    case 'BAD_USER_INPUT':
      return EXIT.USAGE;
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
      return EXIT.AUTH;
    case 'NOT_FOUND':
      return EXIT.NOT_FOUND;
    case 'CONFLICT':
      return EXIT.CONFLICT;
    case 'TOO_MANY_REQUESTS':
      return EXIT.RATE_LIMITED;
    default:
      return EXIT.OTHER;
  }
}

export const EXIT_CODES_HELP = `Exit codes:
  0  success (for follow and a waiting delete: the task COMPLETED)
  1  anything else: the service unreachable, an internal error, a FAILED task
  2  usage error, or BAD_USER_INPUT (e.g. an invalid job id)
  3  UNAUTHENTICATED or FORBIDDEN (missing, unknown or under-privileged API key)
  4  NOT_FOUND (unknown job or task)
  5  CONFLICT (e.g. a datafeed refers to the job, the job is open)
  6  TOO_MANY_REQUESTS`;
