import type { Job as JobModel } from '../generated/prisma/client.ts';
import { NO_ROWS, type JobCounts as JobCountsView } from '../jobs/counts.ts';
import { listJobs } from '../jobs/expression.ts';
import { closeJob, getJob, openJob, putJob } from '../jobs/jobs.ts';
import { announceJobChange } from '../events/publish.ts';
import { resultsIndexName } from '../jobs/storage.ts';
import { builder } from './builder.ts';
import { Datafeed } from './datafeed.ts';
import { guarded } from './guard.ts';
import { loadersOf } from './loaders.ts';
import { Node, nodeIdOf } from './node.ts';
import { Task } from './task.ts';

export const JobState = builder.enumType('JobState', {
  values: ['OPENING', 'OPENED', 'CLOSING', 'CLOSED', 'FAILED'] as const,
});

const JobStorage = builder.enumType('JobStorage', {
  description: "Where a job's results, state and snapshots live (README: Storage).",
  values: {
    SHARED: { description: 'In tables shared by all jobs (the default; Elasticsearch: the shared results index).' },
    DEDICATED: { description: 'In tables of its own, dropped whole when the job is deleted (Elasticsearch: a dedicated results index).' },
  } as const,
});

export const JobCounts = builder.objectRef<JobCountsView>('JobCounts').implement({
  description: 'Rows the job owns, by kind. deleteJob removes all of them, except user annotations unless deleteUserAnnotations is true.',
  fields: (t) => ({
    buckets: t.exposeInt('buckets'),
    records: t.exposeInt('records'),
    influencers: t.exposeInt('influencers'),
    categories: t.exposeInt('categories'),
    forecasts: t.exposeInt('forecasts'),
    modelSnapshots: t.exposeInt('modelSnapshots'),
    modelStateDocs: t.exposeInt('modelStateDocs', { description: 'State store documents: model state chunks, quantiles, categorizer state.' }),
    annotations: t.exposeInt('annotations', { description: 'System and user annotations.' }),
    total: t.exposeInt('total', { description: 'Sum of the above.' }),
  }),
});

export const Job = builder.objectRef<JobModel>('Job');

Job.implement({
  description: 'An anomaly detection job and what it owns.',
  interfaces: [Node],
  fields: (t) => ({
    nodeId: t.id(nodeIdOf('Job')),
    id: t.exposeID('id'),
    description: t.exposeString('description', { nullable: true }),
    groups: t.exposeStringList('groups'),
    state: t.field({ type: JobState, resolve: (job) => job.state }),
    deleting: t.exposeBoolean('deleting', { description: 'True from the moment a delete is accepted until the job is gone.' }),
    createdAt: t.field({ type: 'DateTime', resolve: (job) => job.createdAt }),
    analysisConfig: t.field({ type: 'JSON', resolve: (job) => job.analysisConfig }),
    dataDescription: t.field({ type: 'JSON', nullable: true, resolve: (job) => job.dataDescription }),
    datafeed: t.field({ type: Datafeed, nullable: true, resolve: (job, _args, ctx) => loadersOf(ctx).datafeedOfJob.load(job.id) }),
    counts: t.field({
      type: JobCounts,
      // A job deleted while its page was read has no counts row left: it owns nothing any more.
      resolve: async (job, _args, ctx) => (await loadersOf(ctx).counts.load(job.id))?.[1] ?? NO_ROWS,
    }),
    deletionTask: t.field({
      type: Task,
      nullable: true,
      description: 'The deletion under way, or the last one that failed; null otherwise.',
      resolve: (job, _args, ctx) => (job.deletionTaskId ? loadersOf(ctx).task.load(job.deletionTaskId) : null),
    }),
    storage: t.field({
      type: JobStorage,
      description: "Where the job's results live: SHARED tables (the default) or tables of its own (DEDICATED), chosen at putJob.",
      resolve: (job) => job.storage,
    }),
    resultsIndexName: t.string({
      description: "Elasticsearch's results_index_name: `shared` for shared storage, `custom-<job id>` for dedicated storage.",
      resolve: (job) => resultsIndexName(job.storage, job.id),
    }),
  }),
});

// Task.job lives beside the Job type it returns, so that task.ts needs nothing from this file.
builder.objectField(Task, 'job', (t) =>
  t.field({
    type: Job,
    nullable: true,
    description: 'Null once the job is gone.',
    // A job created again with the same id after this deletion is another job.
    resolve: async (task, _args, ctx) => {
      const job = await loadersOf(ctx).job.load(task.jobId);
      return job && job.createdAt <= task.startTime ? job : null;
    },
  }),
);

const PutJobInput = builder.inputType('PutJobInput', {
  fields: (t) => ({
    jobId: t.id({ required: true }),
    description: t.string(),
    groups: t.stringList(),
    analysisConfig: t.field({ type: 'JSON', required: true }),
    dataDescription: t.field({ type: 'JSON' }),
    dedicatedStorage: t.boolean({
      description:
        'Keep the job\'s results in tables of its own, dropped whole on delete (Kibana\'s "Use dedicated index"); for jobs of millions of rows. At most MAX_DEDICATED_JOBS such jobs. Default false: shared storage.',
    }),
  }),
});

builder.queryFields((t) => ({
  job: t.field({
    type: Job,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: guarded('job', ({ id }, ctx) => getJob(ctx.services.db, id)),
  }),
  jobs: t.field({
    type: [Job],
    description: 'Elasticsearch-style expression: `_all`, an id, a group, a wildcard (`web-*`) or a comma list.',
    args: { ids: t.arg.string({ defaultValue: '_all' }) },
    resolve: guarded('jobs', ({ ids }, ctx) => listJobs(ctx.services.db, ids)),
  }),
}));

builder.mutationFields((t) => ({
  putJob: t.field({
    type: Job,
    args: { input: t.arg({ type: PutJobInput, required: true }) },
    resolve: guarded('putJob', ({ input }, ctx) =>
      announceJobChange(ctx.services.pubsub, 'CREATED', putJob(ctx.services.db, input, ctx.services.config), (job) => job.id),
    ),
  }),
  openJob: t.field({
    type: Job,
    args: { jobId: t.arg.id({ required: true }) },
    resolve: guarded('openJob', ({ jobId }, ctx) =>
      announceJobChange(ctx.services.pubsub, 'UPDATED', openJob(ctx.services.db, jobId), (job) => job.id),
    ),
  }),
  closeJob: t.field({
    type: Job,
    args: { jobId: t.arg.id({ required: true }), force: t.arg.boolean({ defaultValue: false }) },
    resolve: guarded('closeJob', ({ jobId, force }, ctx) =>
      announceJobChange(ctx.services.pubsub, 'UPDATED', closeJob(ctx.services.db, jobId, force ?? false), (job) => job.id),
    ),
  }),
}));
