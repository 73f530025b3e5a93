// The one place for pub/sub. Topics carry ids and versions only (never rows): subscribers
// re-read the database, so a message from another instance (through Redis) works the same.
//
// With REDIS_URL, an event reaches this instance's subscribers at once, in process, and the
// others through Redis. Redis is never in the way: a publish or subscribe that fails is logged
// once per outage, not thrown (yoga's Redis event target threw them as unhandled rejections and
// ended the process); subscribers here still get every event; subscribers elsewhere get theirs
// again when Redis is back, and meanwhile follow the task by reading it (watch.ts polls). The
// start does not wait for Redis: the clients connect, and reconnect, with backoff.
import { randomUUID } from 'node:crypto';
import { createPubSub } from 'graphql-yoga';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from './log.ts';
import { outageReporter } from './outage.ts';

export interface TaskChanged {
  version: number;
  terminal: boolean;
}

/** Any task changed (taskEvents, and jobEvents for deletions): its id and new version. */
export interface TaskEventMessage {
  taskId: string;
  version: number;
}

/** A job changed through a mutation (deletions are announced by their task): its id and what happened. */
export interface JobEventMessage {
  kind: 'CREATED' | 'UPDATED';
  jobId: string;
}

type Topics = {
  taskProgress: [taskId: string, payload: TaskChanged];
  taskEvents: [payload: TaskEventMessage];
  jobEvents: [payload: JobEventMessage];
};
export type PubSubState = 'in-process' | 'ok' | 'down';

/**
 * A message every instance must have acted on before its sender goes on (an API key's
 * invalidation: every instance forgets it first). Each instance, the sender's too, runs the
 * topic's handler and confirms; `confirmed` resolves true once every instance Redis delivered
 * the message to has confirmed, false when that is not known within `timeoutMs` (Redis away, an
 * instance that did not answer): the sender then falls back on what does not need them.
 * In process (no Redis: one instance), the handler runs at once.
 */
export interface Broadcasts {
  onBroadcast(topic: string, handler: (payload: unknown) => void): void;
  broadcastConfirmed(topic: string, payload: unknown, timeoutMs: number): Promise<boolean>;
  /** Changes whenever the subscriber connection is lost or made again (messages meanwhile may be lost). */
  generation(): number;
}

export type PubSub = ReturnType<typeof makePubSub> & Broadcasts & { close(): Promise<void>; state(): PubSubState };

function makePubSub(config?: Parameters<typeof createPubSub<Topics>>[0]) {
  return createPubSub<Topics>(config);
}

type EventTarget = NonNullable<NonNullable<Parameters<typeof createPubSub<Topics>>[0]>['eventTarget']>;
type Listener = (event: CustomEvent) => void;

/** Reconnect backoff: 100 ms, doubling, at most 5 s. */
const reconnectDelay = (times: number) => Math.min(5_000, 100 * 2 ** Math.min(times, 6));

function inProcessBroadcasts(): Broadcasts {
  const handlers = new Map<string, (payload: unknown) => void>();
  return {
    onBroadcast: (topic, handler) => void handlers.set(topic, handler),
    broadcastConfirmed: async (topic, payload) => {
      handlers.get(topic)?.(payload);
      return true;
    },
    generation: () => 0,
  };
}

const BROADCAST_PREFIX = 'ml:broadcast:';
const CONFIRMATIONS = 'ml:broadcast-confirmed';

export function createPubSubFor(redisUrl: string | undefined, log: Logger): PubSub {
  if (!redisUrl) return Object.assign(makePubSub(), inProcessBroadcasts(), { close: async () => {}, state: (): PubSubState => 'in-process' });
  const origin = randomUUID();
  const common: RedisOptions = { lazyConnect: true, retryStrategy: reconnectDelay, connectionName: 'ml-pubsub' };
  // Publishing fails fast while disconnected (no queue of stale events to replay). A task's
  // change is two messages: sent in one write (auto-pipelining joins a tick's commands).
  const publishClient = new Redis(redisUrl, { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 1, enableAutoPipelining: true });
  // Subscribing waits for the connection: a SUBSCRIBE made during an outage goes out on reconnect,
  // and ioredis re-subscribes the others. No ready check: its INFO is refused in subscriber mode.
  const subscribeClient = new Redis(redisUrl, { ...common, maxRetriesPerRequest: null, enableReadyCheck: false });
  const outage = outageReporter(log, 'redis', 'pub/sub');
  for (const client of [publishClient, subscribeClient]) {
    client.on('error', (err) => outage.failed(err));
    client.on('ready', () => {
      if (publishClient.status === 'ready' && subscribeClient.status === 'ready') outage.recovered();
    });
    void client.connect().catch(() => {}); // reported by the 'error' listener; reconnects by itself
  }

  const listeners = new Map<string, Set<Listener>>();
  const deliver = (topic: string, detail: unknown) => {
    const callbacks = listeners.get(topic);
    if (!callbacks) return;
    const event = new CustomEvent(topic, { detail });
    for (const callback of [...callbacks]) callback(event);
  };
  let generation = 0;
  subscribeClient.on('ready', () => generation++);
  subscribeClient.on('close', () => generation++);
  const handlers = new Map<string, (payload: unknown) => void>();
  /** Per broadcast of this instance: confirmations seen, and how many Redis delivered it to once known. */
  const awaiting = new Map<string, { seen: number; expected?: number; done: () => void }>();
  const settle = (id: string) => {
    const wait = awaiting.get(id);
    if (wait?.expected !== undefined && wait.seen >= wait.expected) wait.done();
  };
  void subscribeClient.subscribe(CONFIRMATIONS).catch((err: unknown) => outage.failed(err));
  const onBroadcastMessage = (topic: string, message: string) => {
    if (topic === CONFIRMATIONS) {
      const wait = awaiting.get(message);
      if (wait) wait.seen++;
      settle(message);
      return;
    }
    const { id, d } = JSON.parse(message) as { id: string; d: unknown };
    handlers.get(topic.slice(BROADCAST_PREFIX.length))?.(d);
    publishClient.publish(CONFIRMATIONS, id).catch((err: unknown) => outage.failed(err));
  };
  const broadcasts: Broadcasts = {
    onBroadcast(topic, handler) {
      handlers.set(topic, handler);
      subscribeClient.subscribe(BROADCAST_PREFIX + topic).catch((err: unknown) => outage.failed(err));
    },
    async broadcastConfirmed(topic, payload, timeoutMs) {
      const id = randomUUID();
      let timer: NodeJS.Timeout | undefined;
      const confirmed = new Promise<boolean>((resolve) => {
        awaiting.set(id, { seen: 0, done: () => resolve(true) });
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      try {
        // Redis answers how many subscribers it delivered the message to: each confirms once.
        const delivered = await publishClient.publish(BROADCAST_PREFIX + topic, JSON.stringify({ id, d: payload }));
        awaiting.get(id)!.expected = delivered;
        settle(id);
        return await confirmed;
      } catch (err) {
        outage.failed(err);
        return false;
      } finally {
        clearTimeout(timer);
        awaiting.delete(id);
      }
    },
    generation: () => generation,
  };

  subscribeClient.on('message', (topic: string, message: string) => {
    try {
      if (topic === CONFIRMATIONS || topic.startsWith(BROADCAST_PREFIX)) return onBroadcastMessage(topic, message);
      const { o, d } = JSON.parse(message) as { o: string; d: unknown };
      if (o !== origin) deliver(topic, d);
    } catch (err) {
      log.warn({ topic, reason: (err as Error).message }, 'pub/sub message ignored: not ours');
    }
  });
  const callbackOf = (listener: unknown) =>
    (typeof listener === 'function' ? listener : (listener as { handleEvent: Listener }).handleEvent) as Listener;

  const eventTarget: EventTarget = {
    addEventListener(topic, listener) {
      if (!listener) return;
      let callbacks = listeners.get(topic);
      if (!callbacks) {
        listeners.set(topic, (callbacks = new Set()));
        subscribeClient.subscribe(topic).catch((err: unknown) => outage.failed(err));
      }
      callbacks.add(callbackOf(listener));
    },
    removeEventListener(topic, listener) {
      const callbacks = listeners.get(topic);
      if (!callbacks || !listener) return;
      callbacks.delete(callbackOf(listener));
      if (callbacks.size) return;
      listeners.delete(topic);
      subscribeClient.unsubscribe(topic).catch((err: unknown) => outage.failed(err));
    },
    dispatchEvent(event) {
      deliver(event.type, event.detail);
      publishClient.publish(event.type, JSON.stringify({ o: origin, d: event.detail })).then(
        () => outage.recovered(),
        (err: unknown) => outage.failed(err),
      );
      return true;
    },
  };
  return Object.assign(makePubSub({ eventTarget }), broadcasts, {
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
    state: (): PubSubState => (publishClient.status === 'ready' && subscribeClient.status === 'ready' ? 'ok' : 'down'),
  });
}
