// The runner's progress writer on its own, without a database: throttled, ordered, one write in
// flight, forced writes always go, and a failed write stops the next report.
import { describe, expect, it } from 'vitest';
import { ProgressWriter, type Progress } from '../src/tasks/progress-writer.ts';

function setup() {
  let clock = 0;
  const saved: Progress[] = [];
  const pending: (() => void)[] = [];
  let failNext: Error | undefined;
  const writer = new ProgressWriter({
    everyMs: 200,
    heartbeatIdleMs: 1_000,
    now: () => clock,
    save: (p) =>
      new Promise<void>((resolve, reject) =>
        pending.push(() => {
          if (failNext) return reject(failNext);
          saved.push(p);
          resolve();
        }),
      ),
  });
  // Lets every write chained so far reach save() and complete.
  const settle = async () => {
    for (let turn = 0; turn < 20; turn++) {
      await new Promise((r) => setImmediate(r));
      while (pending.length) pending.shift()!();
    }
  };
  return {
    writer,
    saved,
    settle,
    advance: (ms: number) => (clock += ms),
    fail: (err: Error) => (failNext = err),
  };
}

const at = (deleted: number, phase = 'RESULTS'): Progress => ({ phase, deleted, total: 100 });

describe('ProgressWriter', () => {
  it('writes the first report, skips routine ones within everyMs or while a write is in flight, and writes forced ones', async () => {
    const { writer, saved, settle, advance } = setup();
    writer.report(at(1));
    writer.report(at(2)); // in flight and too soon: skipped
    advance(300);
    writer.report(at(3)); // too late but a write is still in flight: skipped
    writer.report(at(4), true); // forced: chained after the first
    await settle();
    expect(saved.map((p) => p.deleted)).toEqual([1, 4]);
    advance(100);
    writer.report(at(5)); // idle but within everyMs of the last write
    advance(200);
    writer.report(at(6));
    await settle();
    await writer.flush();
    expect(saved.map((p) => p.deleted)).toEqual([1, 4, 6]);
    expect(writer.latest).toEqual(at(6));
  });

  it('keeps the order of writes: a later snapshot never lands before an earlier one', async () => {
    const { writer, saved, settle } = setup();
    for (let n = 1; n <= 5; n++) writer.report(at(n), true);
    await settle();
    expect(saved.map((p) => p.deleted)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a snapshot is taken at report time: a later change of the caller object does not leak into it', async () => {
    const { writer, saved, settle } = setup();
    const progress = at(1);
    writer.report(progress, true);
    progress.deleted = 99;
    await settle();
    expect(saved).toEqual([at(1)]);
  });

  it('heartbeat rewrites the latest progress only when nothing was written for heartbeatIdleMs', async () => {
    const { writer, saved, settle, advance } = setup();
    writer.heartbeat(); // nothing reported yet: nothing to write
    writer.report(at(7));
    await settle();
    advance(500);
    writer.heartbeat();
    advance(600);
    writer.heartbeat();
    await settle();
    expect(saved.map((p) => p.deleted)).toEqual([7, 7]);
  });

  it('a failed write is thrown by the next report and by flush, and stops later writes', async () => {
    const { writer, saved, settle, fail, advance } = setup();
    const lost = new Error('lease lost');
    fail(lost);
    writer.report(at(1));
    await settle();
    advance(1_000);
    expect(() => writer.report(at(2))).toThrow(lost);
    await expect(writer.flush()).rejects.toBe(lost);
    writer.heartbeat();
    await settle();
    expect(saved).toEqual([]);
  });
});
