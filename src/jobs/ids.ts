// Id syntax shared by jobs, datafeeds and calendars (D3): Elasticsearch's rules and messages.
import { BadInputError } from '../errors.ts';

const VALID = /^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/;
export const MAX_ID_LENGTH = 64;

/** Throws BAD_USER_INPUT unless `id` names exactly one resource (no wildcard, list or _all). */
export function assertValidId(id: string, kind: 'job' | 'datafeed' | 'calendar' = 'job'): void {
  // Length first: a megabyte-long id must be refused without running a regex over it, and its
  // message must not echo it back.
  if (id.length > MAX_ID_LENGTH) throw new BadInputError(`The ${kind} id cannot contain more than ${MAX_ID_LENGTH} characters.`);
  if (!VALID.test(id)) {
    throw new BadInputError(
      `Invalid ${kind}_id; '${id}' can contain lowercase alphanumeric (a-z and 0-9), hyphens or underscores; must start and end with alphanumeric`,
    );
  }
}
