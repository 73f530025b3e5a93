// Assertions on the contract's error shape (delete-job.md, "Errors"): each code's type and
// status are written here once, from the contract's table.
import { expect } from 'vitest';

export type ErrorsOf = { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };
export const KINDS = {
  BAD_USER_INPUT: ['illegal_argument_exception', 400],
  UNAUTHENTICATED: ['security_exception', 401],
  FORBIDDEN: ['security_exception', 403],
  NOT_FOUND: ['resource_not_found_exception', 404],
  CONFLICT: ['status_exception', 409],
} as const;

/** Exactly one error, with this message and the code's `extensions { code, type, status }`. */
export function expectError(result: ErrorsOf, code: keyof typeof KINDS, message: string) {
  expect(result.errors, JSON.stringify(result.errors)).toHaveLength(1);
  expect(result.errors![0].message).toBe(message);
  const [type, status] = KINDS[code];
  expect(result.errors![0].extensions).toMatchObject({ code, type, status });
}
export const invalidId = (id: string, kind = 'job') =>
  `Invalid ${kind}_id; '${id}' can contain lowercase alphanumeric (a-z and 0-9), hyphens or underscores; must start and end with alphanumeric`;
