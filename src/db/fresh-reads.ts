// Identical concurrent reads, shared without ever answering with data read before the caller
// asked: a caller never joins a read already in flight (it may predate a change the caller must
// see); while one is in flight, later callers share the next one, started when it ends. A
// thousand requests made with one API key, or a thousand new subscribers of one task, arriving
// together cost two or three queries instead of a thousand queued for the pool, and an API key
// invalidated before a request arrives still fails that request.
import { apartFromAbandonment } from './held-connections.ts';

export function freshReads<V>(read: (key: string) => Promise<V>): (key: string) => Promise<V> {
  const running = new Map<string, Promise<V>>();
  const queued = new Map<string, Promise<V>>();
  const start = (key: string): Promise<V> => {
    // Shared by other callers: not cancelled when the request that happened to start it goes away.
    const reading = apartFromAbandonment(() => read(key));
    running.set(key, reading);
    const clear = () => void (running.get(key) === reading && running.delete(key));
    reading.then(clear, clear);
    return reading;
  };
  return (key) => {
    const current = running.get(key);
    if (!current) return start(key);
    let next = queued.get(key);
    if (!next) {
      const settled = current.then(
        () => undefined,
        () => undefined,
      );
      next = settled.then(() => {
        queued.delete(key);
        return start(key);
      });
      queued.set(key, next);
    }
    return next;
  };
}

/** One `freshReads` per database (tests and tools open several in one process). */
export function freshReadsPer<D extends object, V>(read: (db: D, key: string) => Promise<V>): (db: D, key: string) => Promise<V> {
  const perDb = new WeakMap<D, (key: string) => Promise<V>>();
  return (db, key) => {
    let reads = perDb.get(db);
    if (!reads) perDb.set(db, (reads = freshReads((k) => read(db, k))));
    return reads(key);
  };
}
