// mljobs: the command-line client (`npm run cli -- …`, or the `mljobs` bin). Usage and exit
// codes: `mljobs help`, docs/clients.md.
import { Api, ClientError } from './client/api.ts';
import { parseInvocation, USAGE, type Command, type Invocation } from './client/args.ts';
import { deleteJob, followTask, listJobs, type Output } from './client/commands.ts';
import { EXIT, exitCodeFor } from './client/exit-codes.ts';

async function main(argv: string[], env: NodeJS.ProcessEnv, out: Output): Promise<number> {
  let invocation: Invocation | undefined;
  let api: Api | undefined;
  try {
    invocation = parseInvocation(argv, env);
    if (invocation.command.name === 'help') {
      out.stdout.write(USAGE);
      return EXIT.OK;
    }
    api = new Api({ url: invocation.url, apiKey: invocation.apiKey! });
    return await run(api, invocation.command, invocation.json, out);
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

function run(api: Api, command: Exclude<Command, { name: 'help' }>, json: boolean, out: Output): Promise<number> {
  switch (command.name) {
    case 'jobs':
      return listJobs(api, out, json, command.ids);
    case 'delete':
      return deleteJob(api, out, json, command);
    case 'follow':
      return followTask(api, out, json, command.taskId);
  }
}

process.exitCode = await main(process.argv.slice(2), process.env, { stdout: process.stdout, stderr: process.stderr });
