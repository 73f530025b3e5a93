// Real server processes (`src/server.ts`, as `npm start` runs it) for multi-instance tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServerProcess {
  proc: ChildProcess;
  url: string;
  graphqlUrl: string;
  wsUrl: string;
  adminKey: string;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * `compiled`: run dist/ as `npm start` does (after `npm run build`); otherwise the sources via tsx.
 * `serving: false`: resolves once it listens, before it has reached its database.
 */
export async function spawnServer(env: Record<string, string>, { compiled = false, serving = true } = {}): Promise<ServerProcess> {
  const entry = compiled ? ['dist/src/server.js'] : ['--import', 'tsx', 'src/server.ts'];
  const proc = spawn(process.execPath, ['--experimental-wasm-modules', '--no-warnings', ...entry], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'ml-proc-')), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const check = () => {
      const match = (serving ? /GraphQL: (http:\/\/[^/\s]+)\/graphql/ : /Listening on (http:\/\/[^/\s]+) /).exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    proc.stdout!.on('data', check);
    void exited.then(() => reject(new Error(`server exited during start:\n${out}`)));
  });
  return {
    proc,
    url,
    graphqlUrl: `${url}/graphql`,
    wsUrl: `${url.replace('http', 'ws')}/graphql`,
    adminKey: env.ML_ADMIN_API_KEY,
    output: () => out,
    exited,
  };
}
