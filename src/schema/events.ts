// The change feeds: jobEvents and taskEvents (src/events/feeds.ts), on every instance.
import { jobEvents, taskEvents, type JobEvent as JobEventView } from '../events/feeds.ts';
import { builder } from './builder.ts';
import { toNodeId } from './global-ids.ts';
import { authorize } from './guard.ts';
import { Job } from './job.ts';
import { shareLoadersAcrossSubscribers } from './loaders.ts';
import { JobFilter } from './job-connection.ts';
import { Task } from './task.ts';
import { TaskFilter } from './task-connection.ts';

const JobEventKind = builder.enumType('JobEventKind', {
  description: 'What happened to a job.',
  values: {
    CREATED: { description: 'putJob.' },
    UPDATED: { description: 'Its state, datafeed, results or annotations changed.' },
    DELETING: { description: 'A deletion was accepted, progressed, failed or was resumed.' },
    DELETED: { description: 'The job is gone: evict `deletedNodeId`.' },
  } as const,
});

const JobEvent = builder.objectRef<JobEventView>('JobEvent').implement({
  description: 'A change to a job. It has no `nodeId` of its own, so a normalising cache never takes it for the job.',
  fields: (t) => ({
    kind: t.field({ type: JobEventKind, resolve: (event) => event.kind }),
    jobId: t.exposeID('jobId', { description: "The job's Elasticsearch id." }),
    jobNodeId: t.id({
      description: "The job's nodeId (named so that a normalising cache does not take the event for the job).",
      resolve: (event) => toNodeId('Job', event.jobId),
    }),
    deletedNodeId: t.id({
      nullable: true,
      description: "The job's nodeId with DELETED, null otherwise: clients evict on it (Relay `@deleteRecord`, Apollo `cache.evict`).",
      resolve: (event) => (event.kind === 'DELETED' ? toNodeId('Job', event.jobId) : null),
    }),
    job: t.field({ type: Job, nullable: true, description: 'The job as it is now; null once DELETED.', resolve: (event) => event.job }),
  }),
});

builder.subscriptionFields((t) => ({
  jobEvents: t.field({
    type: JobEvent,
    description:
      "Every change to the jobs that match the filter, on any instance: a dashboard's job list needs no polling. No initial state: read a page (jobsConnection), then apply events. DELETED is checked against `filter.ids` only (the job is gone).",
    args: { filter: t.arg({ type: JobFilter, description: 'Which jobs; all when absent.' }) },
    subscribe: (_parent, { filter }, ctx) => {
      authorize(ctx, 'jobEvents');
      shareLoadersAcrossSubscribers(ctx);
      return jobEvents(ctx.services.db, ctx.services.pubsub, filter);
    },
    resolve: (event) => event,
  }),
  taskEvents: t.field({
    type: Task,
    description:
      'Every change of every task that matches the filter (all deletions on one subscription), on any instance. No initial state: read tasksConnection first.',
    args: { filter: t.arg({ type: TaskFilter, description: 'Which tasks; all when absent.' }) },
    subscribe: (_parent, { filter }, ctx) => {
      authorize(ctx, 'taskEvents');
      shareLoadersAcrossSubscribers(ctx);
      return taskEvents(ctx.services.db, ctx.services.pubsub, filter);
    },
    resolve: (task) => task,
  }),
}));
