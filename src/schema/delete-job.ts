import { acceptDeletion } from '../deletion/accept.ts';
import { waitForTask } from '../tasks/watch.ts';
import { Acknowledged } from './acknowledged.ts';
import { builder } from './builder.ts';
import { guarded } from './guard.ts';
import { MlError } from '../errors.ts';

const DeletionTask = builder.objectRef<{ task: string }>('DeletionTask').implement({
  description: 'An asynchronous deletion: `task` is the id to pass to `task` and `taskProgress`.',
  fields: (t) => ({ task: t.exposeID('task') }),
});

type Result = { kind: 'ack'; acknowledged: true } | { kind: 'task'; task: string };

const DeleteJobResult = builder.unionType('DeleteJobResult', {
  types: [Acknowledged, DeletionTask],
  resolveType: (value) => ((value as Result).kind === 'ack' ? Acknowledged : DeletionTask),
});

/** A FAILED task's error as the answer of a synchronous deleteJob. */
class DeletionFailedError extends MlError {
  readonly code = 'CONFLICT';
  readonly status = 409;
  constructor(
    readonly type: string,
    reason: string,
  ) {
    super(reason);
  }
}

builder.mutationField('deleteJob', (t) =>
  t.field({
    type: DeleteJobResult,
    args: {
      jobId: t.arg.id({ required: true }),
      force: t.arg.boolean({ defaultValue: false }),
      waitForCompletion: t.arg.boolean({ defaultValue: true }),
      deleteUserAnnotations: t.arg.boolean({ defaultValue: false }),
    },
    resolve: guarded('deleteJob', async (args, ctx): Promise<Result> => {
      const { db, nodeId, tasks, pubsub, config } = ctx.services;
      const { task, created } = await acceptDeletion(db, nodeId, (tx, id) => tasks.enqueue(tx, id), {
        jobId: args.jobId,
        force: args.force ?? false,
        deleteUserAnnotations: args.deleteUserAnnotations ?? false,
      });
      if (created) tasks.kick(task.id);
      if (args.waitForCompletion === false) return { kind: 'task', task: task.id };
      // D12: answer once everything is gone, but never hold a request open without bound: past
      // the limit the caller gets the task to follow instead.
      const end = await waitForTask(db, pubsub, task.id, config.syncDeleteTimeoutMs);
      if (end.state === 'COMPLETED') return { kind: 'ack', acknowledged: true };
      if (end.state === 'FAILED') throw new DeletionFailedError(end.errorType ?? 'exception', end.errorReason ?? 'deletion failed');
      return { kind: 'task', task: task.id };
    }),
  }),
);
