// Everything the domain needs at run time, built once per server instance by app.ts.
// Resolvers reach it through the GraphQL context; domain modules take what they need from it.
import type { VerifiedKeys } from './auth/verified-keys.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { HealthState } from './health-state.ts';
import type { Logger } from './log.ts';
import type { PubSub } from './pubsub.ts';
import type { TaskRunner } from './tasks/runner.ts';

export interface Services {
  config: Config;
  db: Database;
  /** This instance's node id, the prefix of the task ids it creates (D15). */
  nodeId: string;
  pubsub: PubSub;
  /** API keys verified lately (API_KEY_CACHE_SECONDS), cleared on every instance by invalidation. */
  verifiedKeys: VerifiedKeys;
  tasks: TaskRunner;
  log: Logger;
  /** Starting, serving or draining, and the faults requests met (read by /ready). */
  health: HealthState;
}
