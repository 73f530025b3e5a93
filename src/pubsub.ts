// The one place for pub/sub. Topics carry ids and versions only (never rows): subscribers
// re-read the database, so a message from another instance (through Redis) works the same.
import { createPubSub } from 'graphql-yoga';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';

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
export type PubSub = ReturnType<typeof makePubSub> & { close(): Promise<void> };

function makePubSub(config?: Parameters<typeof createPubSub<Topics>>[0]) {
  return createPubSub<Topics>(config);
}

export async function createPubSubFor(redisUrl: string | undefined): Promise<PubSub> {
  if (!redisUrl) return Object.assign(makePubSub(), { close: async () => {} });
  // lazyConnect + explicit connect: passing connecting clients lost the subscriber at start-up
  // in 9 of 15 runs (stack.md).
  const publishClient = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await Promise.all([publishClient.connect(), subscribeClient.connect()]);
  const pubsub = makePubSub({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  return Object.assign(pubsub, {
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  });
}
