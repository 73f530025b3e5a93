// jobsConnection: paged, filtered and ordered jobs (src/jobs/job-pages.ts).
import { pageJobs } from '../jobs/job-pages.ts';
import { builder } from './builder.ts';
import { guarded } from './guard.ts';
import { Job, JobState } from './job.ts';
import { connectionOf, pageArgs } from './page-info.ts';
import { OrderDirection } from './order-direction.ts';

const JobConnection = connectionOf(Job, 'Job', 'Jobs matching the filter, whatever the page.');

const JobOrderField = builder.enumType('JobOrderField', {
  description: 'What jobs are sorted by (then by id).',
  values: {
    ID: { description: 'The job id, by code point (as `jobs(ids)` answers).' },
    CREATED_AT: { description: 'When the job was created.' },
    TOTAL_ROWS: { description: '`counts.total`: the rows the job owns.' },
  } as const,
});

const JobOrder = builder.inputType('JobOrder', {
  description: 'The order of a page of jobs.',
  fields: (t) => ({
    field: t.field({ type: JobOrderField, required: true }),
    direction: t.field({ type: OrderDirection, required: true, defaultValue: 'ASC' }),
  }),
});

export const JobFilter = builder.inputType('JobFilter', {
  description: 'Jobs that match every criterion given.',
  fields: (t) => ({
    ids: t.string({ description: 'Elasticsearch-style expression, as in jobs(ids).' }),
    states: t.field({ type: [JobState], description: 'Any of these states.' }),
    deleting: t.boolean({ description: 'Only jobs being deleted (true) or only the others (false).' }),
    search: t.string({ description: 'Case-insensitive substring of the id, the description or a group.' }),
  }),
});

builder.queryField('jobsConnection', (t) =>
  t.field({
    type: JobConnection,
    description:
      'Paged jobs (first at most 500), ordered by id unless orderBy says otherwise. A name in `filter.ids` that matches no job matches nothing (no NOT_FOUND, unlike jobs(ids)).',
    args: {
      ...pageArgs(t.arg),
      filter: t.arg({ type: JobFilter, description: 'Which jobs; all when absent.' }),
      orderBy: t.arg({ type: JobOrder, description: 'Sort order; by id ascending when absent.' }),
    },
    resolve: guarded('jobsConnection', ({ filter, orderBy, ...page }, ctx) => pageJobs(ctx.services.db, page, filter, orderBy)),
  }),
);
