// /health: the process answers. /ready: it can do its work now, and if not, why: starting
// (waiting for the database), draining (SIGTERM), database unreachable or its disk full, the task
// queue (pg-boss, in the same database) not installed, or saturated (more requests than the
// instance takes at once). It answers within a second in every state: the probes use their own
// connection, each bounded by PROBE_TIMEOUT_MS. A load balancer sends traffic only while it is 200.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROBE_TIMEOUT_MS, type Database } from '../db/client.ts';
import type { HealthState } from '../health-state.ts';
import { TASK_QUEUE } from '../tasks/queue-name.ts';

export interface ReadinessInputs {
  state: HealthState;
  db: Database;
  /** Undefined when not saturated; otherwise what is full. */
  saturation(): string | undefined;
  /** `ok`, `down`, or `in-process` without REDIS_URL (informative: Redis down does not stop the work). */
  pubsub(): string;
}

export function serveHealth(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
}

const answer = (res: ServerResponse, body: Record<string, unknown>) =>
  res.writeHead(body.ready ? 200 : 503, { 'content-type': 'application/json', ...(!body.ready && { 'retry-after': '2' }) }).end(JSON.stringify(body));

export async function serveReady(inputs: ReadinessInputs, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { state, db } = inputs;
  if (state.phase === 'draining') return void answer(res, { ready: false, reason: 'draining' });
  if (state.phase === 'starting') return void answer(res, { ready: false, reason: 'starting', waitingFor: state.waitingFor });
  const [database, taskQueue] = await Promise.all([
    probe(() => db.probe.query('SELECT 1')),
    probe(async () => {
      const { rowCount } = await db.probe.query('SELECT 1 FROM pgboss.queue WHERE name = $1', [TASK_QUEUE]);
      if (!rowCount) throw new Error('task queue not installed');
    }),
  ]);
  const saturation = inputs.saturation();
  const checks = { database: database === 'ok' && state.diskFull ? 'disk_full' : database, taskQueue };
  const reason = checks.database !== 'ok' ? `database ${checks.database}` : taskQueue !== 'ok' ? `task queue ${taskQueue}` : saturation;
  answer(res, { ready: !reason, ...checks, pubsub: inputs.pubsub(), ...(reason && { reason }) });
}

async function probe(check: () => Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS)));
  try {
    await Promise.race([check(), late]);
    return 'ok';
  } catch {
    return 'unreachable';
  } finally {
    clearTimeout(timer);
  }
}
