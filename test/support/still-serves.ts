// The check a hardening test ends with: whatever it threw at the server, the server still
// answers an ordinary read.
import { expect } from 'vitest';
import { HardeningJobsQuery } from '../operations/hardening.ts';
import { ok, type TestServer } from './server.ts';

export async function stillServes(server: TestServer) {
  expect((await ok(server, HardeningJobsQuery, { ids: '_all' })).jobs).toEqual(expect.any(Array));
}
