import type { Datafeed as DatafeedModel } from '../generated/prisma/client.ts';
import { deleteDatafeed, getDatafeed, putDatafeed, startDatafeed, stopDatafeed } from '../jobs/datafeeds.ts';
import { Acknowledged } from './acknowledged.ts';
import type { Context } from '../context.ts';
import { announceJobChange } from '../events/publish.ts';
import { builder } from './builder.ts';
import { guarded } from './guard.ts';
import { Node, nodeIdOf } from './node.ts';

const DatafeedState = builder.enumType('DatafeedState', {
  values: ['STARTING', 'STARTED', 'STOPPING', 'STOPPED'] as const,
});

export const Datafeed = builder.objectRef<DatafeedModel>('Datafeed').implement({
  description: "A job's datafeed: where its input comes from. At most one per job.",
  interfaces: [Node],
  fields: (t) => ({
    nodeId: t.id(nodeIdOf('Datafeed')),
    id: t.exposeID('id'),
    jobId: t.exposeID('jobId'),
    indices: t.exposeStringList('indices'),
    query: t.field({ type: 'JSON', nullable: true, resolve: (datafeed) => datafeed.query }),
    state: t.field({ type: DatafeedState, resolve: (datafeed) => datafeed.state }),
  }),
});

/** A datafeed change changes its job's `datafeed`: announced as the job's UPDATED. */
const announced = (ctx: Context, change: Promise<DatafeedModel>) =>
  announceJobChange(ctx.services.pubsub, 'UPDATED', change, (datafeed) => datafeed.jobId);

const PutDatafeedInput = builder.inputType('PutDatafeedInput', {
  fields: (t) => ({
    datafeedId: t.id({ required: true }),
    jobId: t.id({ required: true }),
    indices: t.stringList({ required: true }),
    query: t.field({ type: 'JSON' }),
  }),
});

builder.queryField('datafeed', (t) =>
  t.field({
    type: Datafeed,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: guarded('datafeed', ({ id }, ctx) => getDatafeed(ctx.services.db, id)),
  }),
);

builder.mutationFields((t) => ({
  putDatafeed: t.field({
    type: Datafeed,
    args: { input: t.arg({ type: PutDatafeedInput, required: true }) },
    resolve: guarded('putDatafeed', ({ input }, ctx) => announced(ctx, putDatafeed(ctx.services.db, input))),
  }),
  startDatafeed: t.field({
    type: Datafeed,
    args: { datafeedId: t.arg.id({ required: true }) },
    resolve: guarded('startDatafeed', ({ datafeedId }, ctx) => announced(ctx, startDatafeed(ctx.services.db, datafeedId))),
  }),
  stopDatafeed: t.field({
    type: Datafeed,
    args: { datafeedId: t.arg.id({ required: true }), force: t.arg.boolean({ defaultValue: false }) },
    resolve: guarded('stopDatafeed', ({ datafeedId, force }, ctx) => announced(ctx, stopDatafeed(ctx.services.db, datafeedId, force ?? false))),
  }),
  deleteDatafeed: t.field({
    type: Acknowledged,
    args: { datafeedId: t.arg.id({ required: true }), force: t.arg.boolean({ defaultValue: false }) },
    resolve: guarded('deleteDatafeed', async ({ datafeedId, force }, ctx) => {
      await announced(ctx, deleteDatafeed(ctx.services.db, datafeedId, force ?? false));
      return { acknowledged: true };
    }),
  }),
}));
