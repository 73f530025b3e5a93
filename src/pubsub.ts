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
export type PubSub = ReturnType<typeof makePubSub> & { close(): Promise<void>; state(): PubSubState };

function makePubSub(config?: Parameters<typeof createPubSub<Topics>>[0]) {
  return createPubSub<Topics>(config);
}

type EventTarget = NonNullable<NonNullable<Parameters<typeof createPubSub<Topics>>[0]>['eventTarget']>;
type Listener = (event: CustomEvent) => void;

/** Reconnect backoff: 100 ms, doubling, at most 5 s. */
const reconnectDelay = (times: number) => Math.min(5_000, 100 * 2 ** Math.min(times, 6));

export function createPubSubFor(redisUrl: string | undefined, log: Logger): PubSub {
  if (!redisUrl) return Object.assign(makePubSub(), { close: async () => {}, state: (): PubSubState => 'in-process' });
  const origin = randomUUID();
  const common: RedisOptions = { lazyConnect: true, retryStrategy: reconnectDelay, connectionName: 'ml-pubsub' };
  // Publishing fails fast while disconnected (no queue of stale events to replay).
  const publishClient = new Redis(redisUrl, { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
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
  subscribeClient.on('message', (topic: string, message: string) => {
    try {
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
  return Object.assign(makePubSub({ eventTarget }), {
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
    state: (): PubSubState => (publishClient.status === 'ready' && subscribeClient.status === 'ready' ? 'ok' : 'down'),
  });
}
