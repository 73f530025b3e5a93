// Typed operations of the hardening tests (codegen: test/generated).
import { graphql } from '../generated/index.ts';

export const HardeningJobsQuery = graphql(`
  query HardeningJobs($ids: String) { jobs(ids: $ids) { id } }
`);

export const HardeningJobCountsQuery = graphql(`
  query HardeningJobCounts($ids: String) { jobs(ids: $ids) { id counts { total } } }
`);

export const HardeningPutJobMutation = graphql(`
  mutation HardeningPutJob($input: PutJobInput!) { putJob(input: $input) { id groups description } }
`);

export const HardeningOpenJobMutation = graphql(`
  mutation HardeningOpenJob($jobId: ID!) { openJob(jobId: $jobId) { id state } }
`);

export const HardeningDeleteJobMutation = graphql(`
  mutation HardeningDeleteJob($jobId: ID!, $force: Boolean, $waitForCompletion: Boolean) {
    deleteJob(jobId: $jobId, force: $force, waitForCompletion: $waitForCompletion) { __typename }
  }
`);

export const HardeningIngestResultsMutation = graphql(`
  mutation HardeningIngestResults($jobId: ID!, $input: ResultsInput!) { ingestResults(jobId: $jobId, input: $input) { total } }
`);

export const HardeningCreateApiKeyMutation = graphql(`
  mutation HardeningCreateApiKey($name: String!, $privileges: [ClusterPrivilege!]!) {
    createApiKey(name: $name, privileges: $privileges) { secret apiKey { id name } }
  }
`);

export const HardeningInvalidateApiKeyMutation = graphql(`
  mutation HardeningInvalidateApiKey($id: ID!) { invalidateApiKey(id: $id) { acknowledged } }
`);

export const HardeningTaskProgressSubscription = graphql(`
  subscription HardeningTaskProgress($id: ID!) { taskProgress(id: $id) { id state } }
`);
