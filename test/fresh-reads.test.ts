// freshReads (src/db/fresh-reads.ts): concurrent identical reads are shared, but a caller never
// gets data read before it asked (an invalidated API key must fail the next request). Plain
// functions stand in for the query here: what is tested is the sharing rule, not a database.
import { describe, expect, it } from 'vitest';
import { freshReads } from '../src/db/fresh-reads.ts';

/** A read whose calls are numbered, and which ends when the test says. */
function controlledRead() {
  const started: { key: string; n: number; finish(fail?: boolean): void }[] = [];
  const read = (key: string) =>
    new Promise<number>((resolve, reject) => {
      const n = started.length + 1;
      started.push({ key, n, finish: (fail) => (fail ? reject(new Error(`read ${n} failed`)) : resolve(n)) });
    });
  return { read, started };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('freshReads', () => {
  it('a hundred callers arriving together make two reads, and none gets the read that began before it asked', async () => {
    const { read, started } = controlledRead();
    const get = freshReads(read);
    const first = get('k');
    const later = Array.from({ length: 99 }, () => get('k'));
    expect(started.length).toBe(1);
    started[0].finish();
    expect(await first).toBe(1);
    await tick();
    expect(started.length).toBe(2); // the 99 share the next read, started once the first ended
    started[1].finish();
    expect(new Set(await Promise.all(later))).toEqual(new Set([2]));
  });

  it('keys do not share; a caller after everything settled starts a new read', async () => {
    const { read, started } = controlledRead();
    const get = freshReads(read);
    const a = get('a');
    const b = get('b');
    expect(started.map((s) => s.key)).toEqual(['a', 'b']);
    started.forEach((s) => s.finish());
    expect([await a, await b]).toEqual([1, 2]);
    const again = get('a');
    expect(started.length).toBe(3);
    started[2].finish();
    expect(await again).toBe(3);
  });

  it('a failed read fails its own callers only; the callers queued behind it get the next read', async () => {
    const { read, started } = controlledRead();
    const get = freshReads(read);
    const failing = get('k');
    const queued = get('k');
    started[0].finish(true);
    await expect(failing).rejects.toThrow('read 1 failed');
    await tick();
    started[1].finish();
    expect(await queued).toBe(2);
  });
});
