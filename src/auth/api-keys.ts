// API keys: secrets are 32 random bytes, stored only as a salted HMAC-SHA256 (a slow KDF adds
// nothing for secrets with this much entropy, and every request verifies one). The row is found
// by `lookup`, a short digest of the secret, then compared in constant time. A key found valid
// is kept for API_KEY_CACHE_SECONDS by the instance (verified-keys.ts), and invalidation clears
// it on every instance before it answers, so an invalidated key stops working at once everywhere;
// otherwise concurrent requests of one key share a read that started after they arrived
// (fresh-reads.ts).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/client.ts';
import { freshReadsPer } from '../db/fresh-reads.ts';
import type { ClusterPrivilege } from '../generated/prisma/enums.ts';
import type { ApiKey } from '../generated/prisma/client.ts';
import { BadInputError, NotFoundError } from '../errors.ts';
import { SYSTEM_AUTHOR, type Principal } from './principal.ts';
import type { VerifiedKeys } from './verified-keys.ts';

/** A secret's SHA-256: the cache's key for it (verified-keys.ts); its first 24 hex digits find the row. */
const digestOf = (secret: string) => createHash('sha256').update(secret).digest('hex');
const lookupOf = (digest: string) => digest.slice(0, 24);
const hashOf = (secret: string, salt: string) => createHmac('sha256', salt).update(secret).digest('hex');
export const MAX_SECRET_LENGTH = 512;

export type ApiKeyView = Omit<ApiKey, 'secretHash' | 'salt' | 'lookup'> & { invalidated: boolean };

const view = ({ secretHash: _h, salt: _s, lookup: _l, ...key }: ApiKey): ApiKeyView => ({
  ...key,
  invalidated: key.invalidatedAt !== null,
});

function row(name: string, privileges: ClusterPrivilege[], secret: string) {
  const salt = randomBytes(16).toString('hex');
  return { name, privileges, salt, secretHash: hashOf(secret, salt), lookup: lookupOf(digestOf(secret)) };
}

export async function createApiKey(db: Database, name: string, privileges: ClusterPrivilege[]): Promise<{ apiKey: ApiKeyView; secret: string }> {
  if (!name.trim() || name.length > 256) throw new BadInputError('api key name must be 1 to 256 characters');
  // Annotations name their author by key name, and the system writes as `_xpack`: no key may pose as it.
  if (name.trim().toLowerCase() === SYSTEM_AUTHOR) throw new BadInputError(`api key name [${SYSTEM_AUTHOR}] is reserved`);
  if (!privileges.length) throw new BadInputError('an api key needs at least one privilege');
  const secret = randomBytes(32).toString('base64url');
  const key = await db.prisma.apiKey.create({ data: row(name, [...new Set(privileges)], secret) });
  return { apiKey: view(key), secret };
}

/** What verifying a secret needs of its key's row. */
interface KeyCheck {
  id: string;
  name: string;
  privileges: ClusterPrivilege[];
  secretHash: string;
  salt: string;
  invalidated: boolean;
}

// Every request reads its key: one plain statement on the API pool rather than a Prisma query,
// whose own work (~1 ms of CPU on a slow machine) was most of what a request with a key cost
// over one without (`npm run bench`'s `{ __typename }` floor).
const keyByLookup = freshReadsPer(
  async (db: Database, lookup: string): Promise<KeyCheck | undefined> =>
    (
      await db.pool.query<KeyCheck>(
        `SELECT id, name, privileges::text[] AS privileges, secret_hash AS "secretHash", salt, invalidated_at IS NOT NULL AS invalidated
         FROM api_keys WHERE lookup = $1`,
        [lookup],
      )
    ).rows[0],
);

export async function authenticate(db: Database, secret: string | undefined, verified: VerifiedKeys): Promise<Principal | undefined> {
  if (!secret || secret.length > MAX_SECRET_LENGTH) return undefined;
  const digest = digestOf(secret);
  const known = verified.get(digest);
  if (known) return known;
  const since = verified.mark();
  const key = await keyByLookup(db, lookupOf(digest));
  if (!key || key.invalidated) return undefined;
  const expected = Buffer.from(key.secretHash, 'hex');
  const actual = Buffer.from(hashOf(secret, key.salt), 'hex');
  if (!timingSafeEqual(expected, actual)) return undefined;
  const principal = { keyId: key.id, name: key.name, privileges: key.privileges };
  verified.keep(digest, principal, since);
  return principal;
}

/** `Authorization: ApiKey <secret>` (the scheme is case-insensitive, as in HTTP). */
export function secretFromHeader(header: string | null | undefined): string | undefined {
  const match = /^\s*apikey\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

export async function listApiKeys(db: Database): Promise<ApiKeyView[]> {
  return (await db.prisma.apiKey.findMany({ orderBy: { createdAt: 'asc' } })).map(view);
}

/** The keys with these ids (unknown and malformed ids are left out). */
export async function apiKeysByIds(db: Database, ids: readonly string[]): Promise<ApiKeyView[]> {
  return (await db.prisma.apiKey.findMany({ where: { id: { in: ids.filter((id) => UUID.test(id)) } } })).map(view);
}

/** Marks the key invalidated; returns once no instance accepts it (verified-keys.ts). */
export async function invalidateApiKey(db: Database, id: string, verified: VerifiedKeys): Promise<void> {
  const key = UUID.test(id) ? await db.prisma.apiKey.findUnique({ where: { id } }) : null;
  if (!key) throw new NotFoundError(`api key [${id.slice(0, 64)}] not found`);
  if (!key.invalidatedAt) await db.prisma.apiKey.update({ where: { id }, data: { invalidatedAt: new Date() } });
  await verified.invalidated(id);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The bootstrap key with privilege ALL: from ML_ADMIN_API_KEY when set (stored hashed, kept across
 * restarts), otherwise generated once on first start. Returns a secret only when it was just
 * generated, so the caller can print it once.
 */
export async function ensureBootstrapKey(db: Database, configured: string | undefined): Promise<string | undefined> {
  // skipDuplicates (ON CONFLICT DO NOTHING): instances starting together must not race.
  if (configured) {
    await db.prisma.apiKey.createMany({ data: [row('admin', ['ALL'], configured)], skipDuplicates: true });
    return undefined;
  }
  if ((await db.prisma.apiKey.count()) > 0) return undefined;
  const secret = randomBytes(32).toString('base64url');
  await db.prisma.apiKey.create({ data: row('admin', ['ALL'], secret) });
  return secret;
}
