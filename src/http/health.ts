// /health: the process answers. /ready: it can do its work, i.e. the database answers and the
// task queue (pg-boss, in the same database) is installed with the deletion queue. A load
// balancer sends traffic only while /ready is 200.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '../db/client.ts';
import { QUEUE as TASK_QUEUE } from '../tasks/runner.ts';

export function serveHealth(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
}

export async function serveReady(db: Database, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  const checks = {
    database: await probe(() => db.pool.query('SELECT 1')),
    taskQueue: await probe(async () => {
      const { rowCount } = await db.pool.query('SELECT 1 FROM pgboss.queue WHERE name = $1', [TASK_QUEUE]);
      if (!rowCount) throw new Error('task queue not installed');
    }),
  };
  const ready = Object.values(checks).every((check) => check === 'ok');
  res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ ready, ...checks }));
}

async function probe(check: () => Promise<unknown>): Promise<string> {
  try {
    await check();
    return 'ok';
  } catch {
    return 'unreachable';
  }
}
