// mljobs: the command-line client (`npm run cli -- …`, or the `mljobs` bin; both run the build in
// dist/). Usage and exit codes: `mljobs help`, docs/clients.md.
import { Api, ClientError } from './client/api.ts';
import { parseInvocation, USAGE, type Command, type Invocation } from './client/args.ts';
import { deleteJob, followTask, listJobs, listTasks, type Output, type Run } from './client/commands.ts';
import { EXIT, exitCodeFor } from './client/exit-codes.ts';
import { hintFor, version } from './client/self.ts';

async function main(argv: string[], env: NodeJS.ProcessEnv, out: Output): Promise<number> {
  let invocation: Invocation | undefined;
  let api: Api | undefined;
  try {
    invocation = parseInvocation(argv, env);
    if (invocation.command.name === 'help') {
      out.stdout.write(USAGE);
      return EXIT.OK;
    }
    if (invocation.command.name === 'version') {
      out.stdout.write(`${version()}\n`);
      return EXIT.OK;
    }
    api = new Api({ url: invocation.url, apiKey: invocation.apiKey! });
    const hint = hintFor(invocation, env, process.argv[1]);
    return await run({ api, out, json: invocation.json, hint }, invocation.command);
  } catch (err) {
    const error = err instanceof ClientError ? err : new ClientError(err instanceof Error ? err.message : String(err), 'INTERNAL_SERVER_ERROR');
    const json = invocation?.json ?? argv.includes('--json');
    out.stderr.write(
      json
        ? `${JSON.stringify({ error: { message: error.message, code: error.code, ...error.details } })}\n`
        : `error: ${error.message}${error.code === 'USAGE' ? '' : ` [${error.code}]`}\n`,
    );
    return exitCodeFor(error.code);
  } finally {
    await api?.close();
  }
}

function run(ctx: Run, command: Exclude<Command, { name: 'help' | 'version' }>): Promise<number> {
  switch (command.name) {
    case 'jobs':
      return listJobs(ctx, command.ids);
    case 'delete':
      return deleteJob(ctx, command);
    case 'follow':
      return followTask(ctx, command.taskId);
    case 'tasks':
      return listTasks(ctx, command.limit);
  }
}

process.exitCode = await main(process.argv.slice(2), process.env, { stdout: process.stdout, stderr: process.stderr });
