// The lanes helper (src/lanes.ts) that the deletion engine and the seeds share: the first failure
// stops the other lanes at their next turn, and the caller sees it only once every lane has ended.
import { describe, expect, it } from 'vitest';
import { inLanes } from '../src/lanes.ts';

describe('inLanes', () => {
  it('rethrows the first failure only after every other lane has ended, which saw stopped()', async () => {
    const events: string[] = [];
    let release!: () => void;
    const slowTurn = new Promise<void>((resolve) => (release = resolve));
    let lane = 0;
    const run = inLanes(2, async (stopped) => {
      const me = lane++;
      if (me === 0) {
        events.push('failing');
        throw new Error('lane 0 failed');
      }
      await slowTurn; // a turn that was under way when lane 0 failed
      events.push(`lane 1 stopped=${stopped()}`);
    });
    let settled = false;
    void run.catch(() => {}).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false); // lane 1 is still running: the failure waits for it
    release();
    await expect(run).rejects.toThrow('lane 0 failed');
    expect(events).toEqual(['failing', 'lane 1 stopped=true']);
  });

  it('runs at least one lane, and resolves when all succeed', async () => {
    let ran = 0;
    await inLanes(0, async () => void ran++);
    await inLanes(3, async () => void ran++);
    expect(ran).toBe(4);
  });
});
