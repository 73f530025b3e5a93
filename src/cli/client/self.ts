// How this client was started, so that the commands it prints ("follow it with …") run as
// printed: through `npm run cli --` in the repository, as `mljobs` on PATH (npm link, a global
// install), or as `node <path>/bin/mljobs.js`; with the same non-default URL. And its version.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_URL, type Invocation } from './args.ts';

/** A command line for `command` on `operand` (a job or task id), with `options` (' --force'). */
export type Hint = (command: string, operand: string, options?: string) => string;

export function hintFor(invocation: Pick<Invocation, 'url' | 'apiKeyFromFlag'>, env: NodeJS.ProcessEnv, script: string | undefined): Hint {
  const self =
    env.npm_lifecycle_event === 'cli'
      ? 'npm run cli --'
      : script && basename(script) === 'mljobs'
        ? 'mljobs'
        : `node ${script ? relative(process.cwd(), script) || script : 'bin/mljobs.js'}`;
  const url = invocation.url === DEFAULT_URL ? '' : ` --url ${invocation.url}`;
  // The key itself is never printed.
  const key = invocation.apiKeyFromFlag ? ' --api-key <your key>' : '';
  // An operand starting with '-' would read as an option (a task id of a node whose id starts
  // with '-'): it goes last, after '--', which ends the options.
  return (command, operand, options = '') => {
    const flags = `${options}${url}${key}`;
    return operand.startsWith('-') ? `${self} ${command}${flags} -- ${operand}` : `${self} ${command} ${operand}${flags}`;
  };
}

/** The package's version, from the package.json above this file (in src/ or in dist/src/). */
export function version(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      const parent = dirname(dir);
      if (parent === dir) return 'unknown';
      dir = parent;
    }
  }
}
