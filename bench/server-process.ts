// The server under measurement runs in its own process (as `npm start` would), so its memory
// is its own and the benchmark's clients do not share its event loop. It runs the compiled
// build, like `npm start` (`npm run build` first after changing the sources).
import { randomBytes } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { spawnServer, type ServerProcess } from '../test/support/process.ts';

export type BenchServer = ServerProcess & { stop(): Promise<void> };

export async function spawnBenchServer(databaseUrl: string, subscribers: number, env: Record<string, string> = {}): Promise<BenchServer> {
  const server = await spawnServer(
    {
      DATABASE_URL: databaseUrl,
      ML_ADMIN_API_KEY: randomBytes(24).toString('base64url'),
      LOG_LEVEL: 'warn',
      // The fan-out figure opens one WebSocket per subscriber, all with the bench's one key.
      WS_MAX_CONNECTIONS_PER_KEY: String(subscribers + 10),
      ...env,
    },
    { compiled: true },
  );
  return Object.assign(server, {
    async stop() {
      if (server.proc.exitCode === null) server.proc.kill('SIGTERM');
      await server.exited;
    },
  });
}

/** A graphql-ws client whose socket is open and acknowledged. */
export function connectedClient(server: BenchServer): Promise<Client> {
  return new Promise<Client>((resolve, reject) => {
    const client = createClient({
      url: server.wsUrl,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams: { authorization: `ApiKey ${server.adminKey}` },
      on: { connected: () => resolve(client), closed: (e) => reject(e) },
    });
  });
}
