// Command line → what to do. Options may come before or after the command.
import { parseArgs } from 'node:util';
import { ClientError } from './api.ts';
import { EXIT_CODES_HELP } from './exit-codes.ts';

export const DEFAULT_URL = 'http://127.0.0.1:4000/graphql';

export type Command =
  | { name: 'help' }
  | { name: 'jobs'; ids: string | undefined }
  | { name: 'delete'; jobId: string; force: boolean; wait: boolean; deleteUserAnnotations: boolean }
  | { name: 'follow'; taskId: string };

export interface Invocation {
  command: Command;
  url: string;
  /** Undefined for `help`; required by every other command. */
  apiKey: string | undefined;
  json: boolean;
}

export const USAGE = `mljobs: the ML jobs control plane from a terminal

Usage:
  mljobs jobs [<expression>]            list jobs (an id, a group, a wildcard like web-*, or _all)
  mljobs delete <jobId> [--force] [--no-wait] [--delete-user-annotations]
                                        delete a job; waits until it is gone unless --no-wait,
                                        which prints the deletion task at once
  mljobs follow <taskId>                follow a task's progress until it ends
  mljobs help                           this text

Options:
  --url <url>          GraphQL endpoint (default ${DEFAULT_URL})
  --api-key <secret>   API key (default: the ML_API_KEY environment variable)
  --json               machine-readable output: one JSON document (per line for follow)
  --force              delete an open job (its process is stopped first)
  --no-wait            do not wait for the deletion: print its task (waitForCompletion: false)
  --delete-user-annotations
                       delete user annotations too (kept by default)

${EXIT_CODES_HELP}
`;

const usage = (message: string) => new ClientError(`${message}\nRun 'mljobs help' for usage.`, 'USAGE');

export function parseInvocation(argv: string[], env: NodeJS.ProcessEnv): Invocation {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        url: { type: 'string' },
        'api-key': { type: 'string' },
        json: { type: 'boolean' },
        force: { type: 'boolean' },
        'no-wait': { type: 'boolean' },
        'delete-user-annotations': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw usage((err as Error).message);
  }
  const { values, positionals } = parsed;
  const [name, ...rest] = positionals;
  const url = values.url ?? DEFAULT_URL;
  if (!/^https?:\/\//.test(url)) throw usage(`--url must be an http(s) URL, got '${url}'`);
  const base = { url, apiKey: values['api-key'] ?? (env.ML_API_KEY || undefined), json: values.json ?? false };

  const deleteOnly = (['force', 'no-wait', 'delete-user-annotations'] as const).filter((o) => values[o]);
  if (name !== 'delete' && deleteOnly.length) throw usage(`--${deleteOnly[0]} only applies to delete`);
  const arity = (n: number, what: string) => {
    if (rest.length !== n) throw usage(n ? `${name} takes ${what}` : `${name} takes no argument`);
  };

  let command: Command;
  if (values.help || name === 'help') command = { name: 'help' };
  else if (name === undefined) throw new ClientError(`no command given\n\n${USAGE.trimEnd()}`, 'USAGE');
  else if (name === 'jobs') {
    if (rest.length > 1) throw usage('jobs takes at most one expression');
    command = { name: 'jobs', ids: rest[0] };
  } else if (name === 'delete') {
    arity(1, 'one job id');
    command = {
      name: 'delete',
      jobId: rest[0],
      force: values.force ?? false,
      wait: !values['no-wait'],
      deleteUserAnnotations: values['delete-user-annotations'] ?? false,
    };
  } else if (name === 'follow') {
    arity(1, 'one task id');
    command = { name: 'follow', taskId: rest[0] };
  } else throw usage(`unknown command '${name}'`);

  if (command.name !== 'help' && !base.apiKey) throw usage('no API key: pass --api-key <secret> or set ML_API_KEY');
  return { ...base, command };
}
