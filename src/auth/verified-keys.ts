// API keys verified in the last API_KEY_CACHE_SECONDS, by instance: a request whose key is here
// costs no database read (the read was a round trip on every request, a third of what a small
// waiting deleteJob took beyond its one statement). Elasticsearch caches API keys the same way,
// and clears every node's cache on invalidation before it answers; so does this:
// - invalidateApiKey, once the row is marked, broadcasts the key's id and waits until every
//   instance has forgotten it (pubsub.ts, broadcastConfirmed); if that is not confirmed within
//   CONFIRM_MS, it waits out the cache's lifetime instead, after which no instance has the key
//   from before the invalidation. Either way the key fails on every instance once it answers.
// - a read that started before an invalidation arrived is not kept (the epoch);
// - while the instance's pub/sub is down, and after it was (messages may have been lost), the
//   cache is not used: every request reads its key, as without a cache.
// Only found, valid keys are kept: an unknown or invalidated key is read every time. Entries
// are keyed by the secret's SHA-256 (api-keys.ts): the secret itself is never kept.
import type { Broadcasts, PubSubState } from '../pubsub.ts';
import type { Principal } from './principal.ts';

const TOPIC = 'apiKeyInvalidated';
/** How long invalidateApiKey waits for every instance to confirm before it waits out the cache's lifetime. */
export const CONFIRM_MS = 2_000;

interface Entry {
  principal: Principal;
  until: number;
  generation: number;
}

export type PubSubView = Broadcasts & { state(): PubSubState };

export class VerifiedKeys {
  private readonly entries = new Map<string, Entry>();
  private epoch = 0;

  /** `ttlMs` 0: no cache (every request reads its key). */
  constructor(
    private readonly ttlMs: number,
    private readonly pubsub: PubSubView,
  ) {
    pubsub.onBroadcast(TOPIC, (payload) => this.forget((payload as { keyId: string }).keyId));
  }

  private usable(): boolean {
    return this.ttlMs > 0 && this.pubsub.state() !== 'down';
  }

  get(digest: string): Principal | undefined {
    if (!this.usable()) return undefined;
    const entry = this.entries.get(digest);
    if (!entry) return undefined;
    if (entry.until > Date.now() && entry.generation === this.pubsub.generation()) return entry.principal;
    this.entries.delete(digest);
    return undefined;
  }

  /** Where a read starts: what `keep` is given once it ends. */
  mark(): { epoch: number; generation: number } {
    return { epoch: this.epoch, generation: this.pubsub.generation() };
  }

  /** Keeps a key verified by a read that started at `since`, unless an invalidation came meanwhile. */
  keep(digest: string, principal: Principal, since: { epoch: number; generation: number }): void {
    if (!this.usable() || since.epoch !== this.epoch || since.generation !== this.pubsub.generation()) return;
    if (this.entries.size >= 10_000) this.sweep();
    this.entries.set(digest, { principal, until: Date.now() + this.ttlMs, generation: since.generation });
  }

  private forget(keyId: string): void {
    this.epoch++;
    for (const [digest, entry] of this.entries) if (entry.principal.keyId === keyId) this.entries.delete(digest);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [digest, entry] of this.entries) if (entry.until <= now) this.entries.delete(digest);
    if (this.entries.size >= 10_000) this.entries.clear();
  }

  /** After the key's row is marked invalidated: returns once no instance accepts it from its cache. */
  async invalidated(keyId: string): Promise<void> {
    this.forget(keyId);
    if (this.ttlMs <= 0) return;
    if (await this.pubsub.broadcastConfirmed(TOPIC, { keyId }, CONFIRM_MS)) return;
    // Not every instance confirmed: every entry made before the row was marked expires by then.
    await new Promise((resolve) => setTimeout(resolve, this.ttlMs));
  }
}
