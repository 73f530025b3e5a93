// Process entry: configuration, start, signals. Everything else is in buildApp.
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { isTransientDbError } from './db/pg-errors.ts';
import { createLogger } from './log.ts';

const config = loadConfig();
const log = createLogger(config.logLevel);

// Nothing a dependency does may end the process silently: every client has an error listener,
// and whatever slips through is logged as JSON. A rejection nobody handled is logged and the
// process goes on; an exception is too when it is a dependency's fault that passes (a lost
// connection), otherwise the process is in an unknown state and exits.
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));
process.on('uncaughtException', (err) => {
  if (isTransientDbError(err) || (err as { code?: string }).code === 'ECONNRESET')
    return log.error({ err }, 'uncaught dependency error, carrying on');
  log.fatal({ err }, 'uncaught exception, exiting');
  process.exit(1);
});

const app = await buildApp(config, {
  log,
  onBootstrapSecret: (secret) => {
    // Printed once, on first start only; only its hash is stored. Never logged.
    process.stdout.write(
      `\nGenerated a bootstrap API key with privilege ALL (shown once, store it now):\n\n  ${secret}\n\n` +
        `Use it as: Authorization: ApiKey ${secret}\n\n`,
    );
  },
  onListening: (url) => process.stdout.write(`Listening on ${url} (health: ${url}/health, ready: ${url}/ready)\n`),
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down: draining');
    app.stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

await app.start();
if (!stopping)
  process.stdout.write(
    `GraphQL: ${app.url}/graphql (HTTP, SSE, WebSocket; GraphiQL in a browser)\n` +
      `Dashboard: ${app.url}/\n` +
      `Health: ${app.healthUrl}/health  ready: ${app.healthUrl}/ready  metrics: ${app.healthUrl}/metrics\n`,
  );
