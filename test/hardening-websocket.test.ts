// Issue #6, WebSocket: connection_init deadline, credentials, caps per key and per connection,
// browser Origin allow-list, keep-alive, limits and key invalidation on an open socket, and load:
// 300 idle sockets plus a burst of 1,000 refused requests. Raw sockets where close codes matter,
// the graphql-ws client elsewhere. Every test ends by checking the server still answers.
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, ok, startServer, uniqueId, wsClient, wsSubscribe, type TestServer } from './support/server.ts';
import { createKey } from './support/keys.ts';
import { stillServes } from './support/still-serves.ts';
import { eventually } from './support/wait.ts';
import { HardeningInvalidateApiKeyMutation, HardeningJobsQuery, HardeningTaskProgressSubscription } from './operations/hardening.ts';

// A long task lease: the QUEUED tasks these tests subscribe to must not be picked up meanwhile.
const quiet = { taskLeaseSeconds: 3600 };
let server: TestServer;
/** Small caps, a fast keep-alive, one allowed browser origin. */
let tight: TestServer;

beforeAll(async () => {
  [server, tight] = await Promise.all([
    startServer(quiet),
    startServer({
      ...quiet,
      wsMaxConnectionsPerKey: 3,
      wsMaxSubscriptionsPerConnection: 2,
      wsKeepAliveMs: 250,
      corsOrigins: ['https://app.example'],
    }),
  ]);
});
afterAll(async () => {
  await tight?.stop();
  await server?.stop();
});

interface Closed {
  code: number;
  reason: string;
  at: number;
}

/** A raw graphql-transport-ws socket: what a client does, step by step. */
function rawSocket(s: TestServer, opts: { origin?: string; autoPong?: boolean } = {}) {
  const ws = new WebSocket(s.wsUrl, 'graphql-transport-ws', { origin: opts.origin, autoPong: opts.autoPong ?? true });
  const messages: { type: string; id?: string; payload?: unknown }[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<Closed>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: String(reason), at: Date.now() })));
  const opened = new Promise<number>((resolve, reject) => {
    ws.once('open', () => resolve(Date.now()));
    ws.once('unexpected-response', (req, res) => {
      req.destroy();
      reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode }));
    });
    ws.once('error', reject);
  });
  const next = async (type: string, id?: string) => {
    for (;;) {
      const found = messages.findIndex((m) => m.type === type && (id === undefined || m.id === id));
      if (found >= 0) return messages.splice(found, 1)[0];
      await Promise.race([
        new Promise<void>((wake) => waiters.push(wake)),
        closed.then((c) => Promise.reject(new Error(`closed ${c.code} ${c.reason} while waiting for ${type}`))),
      ]);
    }
  };
  const send = (message: object) => ws.send(JSON.stringify(message));
  const init = async (key: string) => {
    await opened;
    send({ type: 'connection_init', payload: { authorization: `ApiKey ${key}` } });
    return next('connection_ack');
  };
  const run = async (id: string, query: string, variables?: object) => {
    send({ type: 'subscribe', id, payload: { query, variables } });
    const reply = await Promise.race([next('next', id), next('error', id)]);
    return reply;
  };
  return { ws, opened, closed, next, send, init, run };
}

/** A QUEUED task nobody runs (long lease): a subscription to it stays open. */
async function parkedTask(s: TestServer) {
  const id = `${s.app.services.nodeId}:${900_000_000 + Math.floor(Math.random() * 99_999_999)}`;
  await s.app.db.prisma.task.create({
    data: {
      id,
      nodeId: s.app.services.nodeId,
      action: 'cluster:admin/xpack/ml/job/delete',
      description: 'delete-job-parked',
      jobId: uniqueId('parked'),
    },
  });
  return id;
}
const removeTasks = (s: TestServer, ids: string[]) => s.app.db.prisma.task.deleteMany({ where: { id: { in: ids } } });

describe('connection', () => {
  it('closes a socket that sends no connection_init with 4408 within 3 s', async () => {
    const socket = rawSocket(server);
    const openedAt = await socket.opened;
    const closed = await socket.closed;
    expect(closed).toMatchObject({ code: 4408, reason: 'Connection initialisation timeout' });
    expect(closed.at - openedAt).toBeGreaterThan(2_500);
    expect(closed.at - openedAt).toBeLessThan(3_500);
    await stillServes(server);
  });

  it('checks credentials in connection_init: 4403 without a valid key', async () => {
    for (const key of ['not-a-key', '']) {
      const socket = rawSocket(server);
      await socket.opened;
      socket.send({ type: 'connection_init', payload: key ? { authorization: `ApiKey ${key}` } : {} });
      expect(await socket.closed).toMatchObject({ code: 4403, reason: 'missing authentication credentials for request' });
    }
    await stillServes(server);
  });

  it('caps connections per API key (1013 Try Again Later), per key, and frees a slot when a socket closes', async () => {
    const [capped, other] = [await createKey(tight, ['MONITOR_ML']), await createKey(tight, ['MONITOR_ML'])];
    const sockets = [rawSocket(tight), rawSocket(tight), rawSocket(tight)];
    for (const socket of sockets) await socket.init(capped.secret);
    const refused = rawSocket(tight);
    await refused.opened;
    refused.send({ type: 'connection_init', payload: { authorization: `ApiKey ${capped.secret}` } });
    expect(await refused.closed).toMatchObject({ code: 1013, reason: 'too many connections for this API key: at most 3' });
    // Another key is not affected.
    const otherSocket = rawSocket(tight);
    await otherSocket.init(other.secret);
    // One closes: its slot is free again, once the server has seen the close (its own event,
    // which may come after the client's): until then a new socket is still refused with 1013.
    sockets[0].ws.close();
    await sockets[0].closed;
    const again = await eventually(async () => {
      const socket = rawSocket(tight);
      await socket.init(capped.secret);
      return socket;
    });
    expect(await again.run('q', '{ jobs { id } }')).toMatchObject({ type: 'next', payload: { data: { jobs: expect.any(Array) } } });
    for (const s of [...sockets, otherSocket, again]) s.ws.close();
    await stillServes(tight);
  });

  it('refuses a browser Origin outside CORS_ORIGINS at upgrade (403); allows listed, same-origin and non-browser clients', async () => {
    await expect(rawSocket(tight, { origin: 'https://evil.example' }).opened).rejects.toMatchObject({ status: 403 });
    await expect(rawSocket(server, { origin: 'https://app.example' }).opened).rejects.toMatchObject({ status: 403 });
    for (const origin of ['https://app.example', tight.url, undefined]) {
      const socket = rawSocket(tight, { origin });
      await socket.init(tight.adminKey);
      socket.ws.close();
    }
    await stillServes(tight);
  });

  it('pings every WS_KEEPALIVE_MS and drops a socket that does not answer', async () => {
    const dead = rawSocket(tight, { autoPong: false });
    const alive = rawSocket(tight);
    await dead.init(tight.adminKey);
    await alive.init(tight.adminKey);
    const closed = await dead.closed;
    expect(closed.code).toBe(1006); // terminated, no close frame
    // Two more pings answered: the server has checked an answer of the live socket since.
    for (let i = 0; i < 2; i++) await new Promise((resolve) => alive.ws.once('ping', resolve));
    expect(alive.ws.readyState).toBe(WebSocket.OPEN);
    expect(await alive.run('q', '{ jobs { id } }')).toMatchObject({ type: 'next' });
    alive.ws.close();
    expect(server.config.wsKeepAliveMs).toBe(30_000);
  });
});

describe('operations on a socket', () => {
  it('caps operations in flight per connection with TOO_MANY_REQUESTS; the socket stays usable', async () => {
    const tasks = [await parkedTask(tight), await parkedTask(tight)];
    const socket = rawSocket(tight);
    try {
      await socket.init(tight.adminKey);
      const subscription = 'subscription ($id: ID!) { taskProgress(id: $id) { id state } }';
      for (const [i, id] of tasks.entries()) {
        expect(await socket.run(`s${i}`, subscription, { id })).toMatchObject({
          type: 'next',
          payload: { data: { taskProgress: { id, state: 'QUEUED' } } },
        });
      }
      expect(await socket.run('third', '{ jobs { id } }')).toEqual({
        type: 'error',
        id: 'third',
        payload: [
          {
            message: 'too many operations in flight on this connection: at most 2',
            extensions: { code: 'TOO_MANY_REQUESTS', type: 'status_exception', status: 429 },
          },
        ],
      });
      // Messages on a socket are handled in order, and complete frees its slot at once.
      socket.send({ type: 'complete', id: 's0' });
      expect(await socket.run('fourth', '{ jobs { id } }')).toMatchObject({ type: 'next', payload: { data: { jobs: expect.any(Array) } } });
      expect(tight.config.wsMaxSubscriptionsPerConnection).toBe(2);
      expect(server.config.wsMaxSubscriptionsPerConnection).toBe(50);
    } finally {
      socket.ws.close();
      await removeTasks(tight, tasks);
    }
    await stillServes(tight);
  });

  it('applies the request limits to each operation, answering that operation only', async () => {
    const socket = rawSocket(server);
    await socket.init(server.adminKey);
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect(await socket.run('aliases', aliases)).toEqual({
      type: 'error',
      id: 'aliases',
      payload: [
        {
          message: 'Aliases limit of 15 exceeded, found 16.',
          extensions: { code: 'BAD_USER_INPUT', type: 'illegal_argument_exception', status: 400 },
        },
      ],
    });
    expect(await socket.run('tokens', `{ ${'__typename '.repeat(1001)} }`)).toMatchObject({
      type: 'error',
      payload: [{ message: 'Token limit of 1000 exceeded.', extensions: { code: 'BAD_USER_INPUT' } }],
    });
    expect(await socket.run('syntax', '{ jobs { id ')).toMatchObject({
      type: 'error',
      payload: [{ message: expect.stringMatching(/^Syntax Error/) }],
    });
    expect(await socket.run('fine', '{ jobs { id } }')).toMatchObject({ type: 'next' });
    // A message over MAX_BODY_BYTES closes the socket (1009 Message Too Big).
    socket.send({ type: 'subscribe', id: 'big', payload: { query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024) } } });
    expect((await socket.closed).code).toBe(1009);
    await stillServes(server);
  });

  it('an invalidated key fails at once on an open socket: the next operation is UNAUTHENTICATED', async () => {
    const key = await createKey(server, ['MONITOR_ML']);
    const socket = rawSocket(server);
    try {
      await socket.init(key.secret);
      expect(await socket.run('before', '{ jobs { id } }')).toMatchObject({ type: 'next', payload: { data: { jobs: expect.any(Array) } } });
      await ok(server, HardeningInvalidateApiKeyMutation, { id: key.id });
      expect(await socket.run('after', '{ jobs { id } }')).toEqual({
        type: 'next',
        id: 'after',
        payload: {
          data: null,
          errors: [
            expect.objectContaining({
              message: 'missing authentication credentials for request',
              extensions: { code: 'UNAUTHENTICATED', type: 'security_exception', status: 401 },
            }),
          ],
        },
      });
      expect(socket.ws.readyState).toBe(WebSocket.OPEN);
      // Over HTTP too, and a new socket is refused in connection_init.
      expect((await gql(server, HardeningJobsQuery, { ids: '_all' }, key.secret)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const fresh = rawSocket(server);
      await fresh.opened;
      fresh.send({ type: 'connection_init', payload: { authorization: `ApiKey ${key.secret}` } });
      expect((await fresh.closed).code).toBe(4403);
    } finally {
      socket.ws.close();
    }
    await stillServes(server);
  });

  it('subscriptions still work within the caps (graphql-ws client)', async () => {
    const id = await parkedTask(server);
    const client = wsClient(server);
    try {
      const first = await new Promise((resolve, reject) => {
        const sub = wsSubscribe(client, HardeningTaskProgressSubscription, { id }, (event) => {
          resolve(event);
          sub.stop();
        });
        sub.done.catch(reject);
      });
      expect(first).toEqual({ data: { taskProgress: { id, state: 'QUEUED' } } });
    } finally {
      await client.dispose();
      await removeTasks(server, [id]);
    }
  });
});

describe('load', () => {
  it('300 idle WebSocket connections and a burst of 1,000 refused requests leave the server answering', async () => {
    const keys = [await createKey(server, ['MONITOR_ML']), await createKey(server, ['MONITOR_ML']), await createKey(server, ['MONITOR_ML'])];
    const sockets = Array.from({ length: 300 }, () => rawSocket(server));
    try {
      await Promise.all(sockets.map((socket, i) => socket.init(keys[i % 3].secret)));
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(Number(/^ml_websocket_connections (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(300);

      const refusals = Array.from({ length: 1000 }, (_, i) => {
        const kind = i % 4;
        if (kind === 0)
          return fetch(server.graphqlUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ jobs { id } }' }),
          });
        if (kind === 1) return fetch(`${server.graphqlUrl}?query=${encodeURIComponent('{ jobs { id } }')}`);
        if (kind === 2) {
          return fetch(server.graphqlUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `ApiKey ${randomBytes(32).toString('base64url')}` },
            body: JSON.stringify({ query: '{ jobs { id } }' }),
          });
        }
        return fetch(server.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `ApiKey ${server.adminKey}` },
          body: JSON.stringify({ query: `{ ${'__typename '.repeat(1001)} }` }),
        });
      });
      const codes: Record<string, number> = {};
      for (const reply of await Promise.all(refusals)) {
        const code = ((await reply.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code;
        codes[code] = (codes[code] ?? 0) + 1;
      }
      expect(codes).toEqual({ UNAUTHENTICATED: 500, FORBIDDEN: 250, BAD_USER_INPUT: 250 });

      await stillServes(server);
      // The idle sockets are still there and still answer.
      expect(sockets.every((s) => s.ws.readyState === WebSocket.OPEN)).toBe(true);
      expect(await sockets[299].run('q', '{ jobs { id } }')).toMatchObject({ type: 'next', payload: { data: { jobs: expect.any(Array) } } });
    } finally {
      for (const socket of sockets) socket.ws.close();
    }
  });
});
