import { deleteJob, type DeleteJobOutcome } from '../deletion/delete-job.ts';
import { Acknowledged } from './acknowledged.ts';
import { builder } from './builder.ts';
import { guarded } from './guard.ts';

const DeletionTask = builder.objectRef<{ task: string; jobId: string }>('DeletionTask').implement({
  description: 'An asynchronous deletion: `task` is the id to pass to `task` and `taskProgress`.',
  fields: (t) => ({
    task: t.exposeID('task', { description: 'The id of the deletion task (`task(id)`, `taskProgress(id)`).' }),
    jobId: t.exposeID('jobId', { description: 'The job being deleted, so caches can mark or evict it.' }),
  }),
});

const DeleteJobResult = builder.unionType('DeleteJobResult', {
  types: [Acknowledged, DeletionTask],
  resolveType: (value) => ((value as DeleteJobOutcome).kind === 'ack' ? Acknowledged : DeletionTask),
});

builder.mutationField('deleteJob', (t) =>
  t.field({
    type: DeleteJobResult,
    args: {
      jobId: t.arg.id({ required: true }),
      force: t.arg.boolean({ defaultValue: false }),
      waitForCompletion: t.arg.boolean({ defaultValue: true }),
      deleteUserAnnotations: t.arg.boolean({ defaultValue: false }),
    },
    resolve: guarded('deleteJob', async (args, ctx) => ({
      ...(await deleteJob(
        ctx.services,
        { jobId: args.jobId, force: args.force ?? false, deleteUserAnnotations: args.deleteUserAnnotations ?? false },
        args.waitForCompletion !== false,
      )),
      jobId: args.jobId,
    })),
  }),
);
