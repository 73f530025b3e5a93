// Command line → what to do. Options may come before or after the command.
import { parseArgs } from 'node:util';
import { ClientError } from './api.ts';
import { EXIT_CODES_HELP } from './exit-codes.ts';

export const DEFAULT_URL = 'http://127.0.0.1:4000/graphql';
const DEFAULT_TASKS = 20;

export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'jobs'; ids: string | undefined }
  | { name: 'delete'; jobId: string; force: boolean; wait: boolean; deleteUserAnnotations: boolean }
  | { name: 'follow'; taskId: string }
  | { name: 'tasks'; limit: number };

export interface Invocation {
  command: Command;
  url: string;
  /** Undefined for `help` and `--version`; required by every other command. */
  apiKey: string | undefined;
  /** True when the key came from --api-key (a printed hint must then say to pass one). */
  apiKeyFromFlag: boolean;
  json: boolean;
}

export const USAGE = `mljobs: the ML jobs control plane from a terminal

Usage:
  mljobs jobs [<expression>]            list jobs (an id, a group, a wildcard like web-*, or _all)
  mljobs delete <jobId> [--force] [--no-wait] [--delete-user-annotations]
                                        delete a job, with a progress bar until it is gone;
                                        --no-wait prints the deletion task at once
  mljobs follow <taskId>                follow a task's progress until it ends
  mljobs tasks [--limit <n>]            recent deletion tasks, failed ones first, with the
                                        command that resumes or follows each
  mljobs help | --help                  this text
  mljobs --version                      the client's version

Options:
  --url <url>          GraphQL endpoint (default: the ML_URL environment variable, else
                       ${DEFAULT_URL})
  --api-key <secret>   API key (default: the ML_API_KEY environment variable)
  --json               machine-readable output: one JSON document (per line for follow)
  --force              delete an open job (its process is stopped first)
  --no-wait            do not wait for the deletion: print its task (waitForCompletion: false)
  --delete-user-annotations
                       delete user annotations too (kept by default)
  --limit <n>          tasks: how many of the newest tasks to show (default ${DEFAULT_TASKS}, at most 1000)

Results go to stdout; progress, hints and errors to stderr.

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
        limit: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    throw usage((err as Error).message);
  }
  const { values, positionals } = parsed;
  const [name, ...rest] = positionals;
  const url = values.url ?? (env.ML_URL || DEFAULT_URL);
  if (!/^https?:\/\//.test(url)) throw usage(`${values.url ? '--url' : 'ML_URL'} must be an http(s) URL, got '${url}'`);
  const flagKey = values['api-key'];
  const base = { url, apiKey: flagKey ?? (env.ML_API_KEY || undefined), apiKeyFromFlag: flagKey !== undefined, json: values.json ?? false };

  const onlyFor = (options: readonly (keyof typeof values)[], command: string) => {
    const given = options.filter((o) => values[o] !== undefined);
    if (name !== command && given.length) throw usage(`--${given[0]} only applies to ${command}`);
  };
  onlyFor(['force', 'no-wait', 'delete-user-annotations'], 'delete');
  onlyFor(['limit'], 'tasks');
  const arity = (n: number, what: string) => {
    if (rest.length !== n) throw usage(n ? `${name} takes ${what}` : `${name} takes no argument`);
  };

  let command: Command;
  if (values.help || name === 'help') command = { name: 'help' };
  else if (values.version || name === 'version') command = { name: 'version' };
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
  } else if (name === 'tasks') {
    arity(0, '');
    const limit = values.limit === undefined ? DEFAULT_TASKS : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw usage(`--limit must be a whole number from 1 to 1000, got '${values.limit}'`);
    command = { name: 'tasks', limit };
  } else throw usage(`unknown command '${name}'`);

  if (command.name !== 'help' && command.name !== 'version' && !base.apiKey) {
    throw usage('no API key: pass --api-key <secret> or set ML_API_KEY');
  }
  return { ...base, command };
}
