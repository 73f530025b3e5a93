// Process entry: configuration, start, signals. Everything else is in buildApp.
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './log.ts';

const config = loadConfig();
const log = createLogger(config.logLevel);
const app = await buildApp(config, {
  log,
  onBootstrapSecret: (secret) => {
    // Printed once, on first start only; only its hash is stored. Never logged.
    process.stdout.write(
      `\nGenerated a bootstrap API key with privilege ALL (shown once, store it now):\n\n  ${secret}\n\n` +
        `Use it as: Authorization: ApiKey ${secret}\n\n`,
    );
  },
});
await app.start();
process.stdout.write(
  `GraphQL: ${app.url}/graphql (HTTP, SSE, WebSocket; GraphiQL in a browser)\n` +
    `Dashboard: ${app.url}/\n` +
    `Health: ${app.url}/health  ready: ${app.url}/ready  metrics: ${app.url}/metrics\n`,
);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
