// The analytics process's write path. Input types mirror the result rows; the domain bounds them.
import { ingestResults } from '../jobs/results.ts';
import { AnnotationInput } from './annotation.ts';
import { announceJobChange } from '../events/publish.ts';
import { builder } from './builder.ts';
import { guarded } from './guard.ts';
import { JobCounts } from './job.ts';

const BucketInput = builder.inputType('BucketInput', {
  fields: (t) => ({
    timestamp: t.field({ type: 'DateTime', required: true }),
    bucketSpanSeconds: t.int({ required: true }),
    anomalyScore: t.float({ required: true }),
  }),
});

const RecordInput = builder.inputType('RecordInput', {
  fields: (t) => ({
    timestamp: t.field({ type: 'DateTime', required: true }),
    recordScore: t.float({ required: true }),
    fieldName: t.string(),
    actual: t.float(),
    typical: t.float(),
  }),
});

const InfluencerInput = builder.inputType('InfluencerInput', {
  fields: (t) => ({
    timestamp: t.field({ type: 'DateTime', required: true }),
    fieldName: t.string({ required: true }),
    fieldValue: t.string({ required: true }),
    influencerScore: t.float({ required: true }),
  }),
});

const CategoryInput = builder.inputType('CategoryInput', {
  fields: (t) => ({
    categoryId: t.int({ required: true }),
    terms: t.string({ required: true }),
    examples: t.stringList(),
  }),
});

const ForecastInput = builder.inputType('ForecastInput', {
  fields: (t) => ({
    forecastId: t.id({ required: true }),
    timestamp: t.field({ type: 'DateTime', required: true }),
    prediction: t.float({ required: true }),
  }),
});

const ModelSnapshotInput = builder.inputType('ModelSnapshotInput', {
  fields: (t) => ({
    snapshotId: t.id({ required: true }),
    timestamp: t.field({ type: 'DateTime', required: true }),
    description: t.string(),
    stateDocs: t.stringList({ required: true, description: 'Opaque model state documents stored with the snapshot.' }),
  }),
});

const ResultsInput = builder.inputType('ResultsInput', {
  description: 'What the analytics process writes for a job. Every list is optional.',
  fields: (t) => ({
    buckets: t.field({ type: [BucketInput] }),
    records: t.field({ type: [RecordInput] }),
    influencers: t.field({ type: [InfluencerInput] }),
    categories: t.field({ type: [CategoryInput] }),
    forecasts: t.field({ type: [ForecastInput] }),
    modelSnapshots: t.field({ type: [ModelSnapshotInput] }),
    quantiles: t.field({ type: 'JSON', description: "Replaces the job's quantiles document." }),
    categorizerState: t.stringList({ description: "Replaces the job's categorizer state documents." }),
    annotations: t.field({ type: [AnnotationInput], description: 'System annotations (createdBy `_xpack`).' }),
  }),
});

builder.mutationField('ingestResults', (t) =>
  t.field({
    type: JobCounts,
    description: 'Results normally come from the analytics process; this is its write path. The job must be OPENED.',
    args: { jobId: t.arg.id({ required: true }), input: t.arg({ type: ResultsInput, required: true }) },
    resolve: guarded('ingestResults', ({ jobId, input }, ctx) =>
      announceJobChange(ctx.services.pubsub, 'UPDATED', ingestResults(ctx.services.db, jobId, input), () => jobId),
    ),
  }),
);
