// Bounds on what a caller may store. Every string and JSON value reaches the database and is
// read back by dashboards, so an unbounded one is a cheap way to exhaust memory or disk.
import { BadInputError } from '../errors.ts';
import { assertValidId } from './ids.ts';

export const MAX_TEXT = 4096;
/** Opaque state documents (model state chunks, categorizer state, quantiles) are larger by nature. */
export const MAX_STATE_DOC = 1024 * 1024;
export const MAX_JSON_BYTES = 64 * 1024;
export const MAX_JSON_DEPTH = 20;
export const MAX_NAMES = 100;
export const MAX_ITEMS = 10_000;

/** Refuses a string longer than `max` characters; absent values pass. */
export function assertText(value: string | null | undefined, field: string, max = MAX_TEXT): void {
  if (value != null && value.length > max) throw new BadInputError(`${field} cannot contain more than ${max} characters`);
}

/** Refuses a list longer than `max` entries; absent lists pass. */
export function assertCount(list: readonly unknown[] | null | undefined, kind: string, max = MAX_ITEMS): void {
  if (list != null && list.length > max) throw new BadInputError(`too many ${kind}: at most ${max} per call`);
}

/** Group names follow the job id rules, because expressions match ids and groups alike. */
export function assertGroups(groups: readonly string[]): void {
  assertCount(groups, 'groups', MAX_NAMES);
  for (const group of groups) assertValidId(group);
}

/** A JSON object (not an array or a scalar), at most MAX_JSON_DEPTH deep and MAX_JSON_BYTES serialized. */
export function assertJsonObject(value: unknown, field: string, maxBytes = MAX_JSON_BYTES): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new BadInputError(`${field} must be a JSON object`);
  assertJson(value, field, maxBytes);
}

/** Any JSON value within the depth and size bounds. */
export function assertJson(value: unknown, field: string, maxBytes = MAX_JSON_BYTES): void {
  // Depth first and without recursion: serializing a very deep value would overflow the stack.
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > MAX_JSON_DEPTH) throw new BadInputError(`${field} cannot be nested more than ${MAX_JSON_DEPTH} levels deep`);
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  if (Buffer.byteLength(JSON.stringify(value)) > maxBytes) {
    throw new BadInputError(`${field} cannot be larger than ${maxBytes} bytes when serialized`);
  }
}
