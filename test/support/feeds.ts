// Following change feeds (jobEvents, taskEvents) in tests: a feed has no initial event, so a
// subscriber proves it is listening by receiving the CREATED of a probe job it made.
import { expect } from 'vitest';
import { PutJobMutation } from '../operations/documents.ts';
import { analysisConfig } from './jobs.ts';
import { ok, type Collected, type TestServer } from './server.ts';

/** Resolves once `collected` holds an event that satisfies `match` (rejects on the stream's error or after `ms`). */
export async function eventMatching<T>(collected: Collected<T>, match: (event: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = collected.events.find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching event in ${ms} ms; got ${JSON.stringify(collected.events)}`);
    await Promise.race([new Promise((r) => setTimeout(r, 20)), collected.done.then(() => undefined)]);
  }
}

type JobFeedEvent = { data?: { jobEvents: { kind: string; jobId: string } } | null };

/** Puts probe jobs named `<prefix>-probe-<n>` until the feed shows the CREATED of one: the subscription is live. */
export async function untilListening(
  server: Pick<TestServer, 'graphqlUrl' | 'adminKey'>,
  collected: Collected<JobFeedEvent>,
  prefix: string,
): Promise<void> {
  for (let n = 0; n < 50; n++) {
    const probe = `${prefix}-probe-${n}`;
    await ok(server, PutJobMutation, { input: { jobId: probe, analysisConfig } });
    const heard = await eventMatching(collected, (e) => e.data?.jobEvents.jobId === probe, 200).catch(() => undefined);
    if (heard) return;
  }
  expect.fail(`the feed never heard a probe: ${JSON.stringify(collected.events)}`);
}

/** For a client library's own subscription: puts probe jobs until `heard()` says a CREATED arrived. */
export async function probeUntilHeard(server: Pick<TestServer, 'graphqlUrl' | 'adminKey'>, prefix: string, heard: () => boolean): Promise<void> {
  for (let n = 0; !heard(); n++) {
    if (n >= 50) expect.fail('the subscription never heard a probe');
    await ok(server, PutJobMutation, { input: { jobId: `${prefix}-probe-${n}`, analysisConfig } });
    await new Promise((r) => setTimeout(r, 100));
  }
}
