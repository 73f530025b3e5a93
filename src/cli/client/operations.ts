// The command-line client's GraphQL operations (codegen: src/cli/client/generated, string documents).
import { graphql } from './generated/index.ts';

export const CliTaskFields = graphql(`
  fragment CliTask on Task {
    id jobId description state completed startTime runningTimeNanos
    progress { phase deleted total percent }
    error { type reason }
  }
`);

export const CliJobsQuery = graphql(`
  query CliJobs($ids: String) {
    jobs(ids: $ids) {
      id state deleting description
      datafeed { id state }
      counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }
    }
  }
`);

export const CliDeleteJobMutation = graphql(`
  mutation CliDeleteJob($jobId: ID!, $force: Boolean!, $waitForCompletion: Boolean!, $deleteUserAnnotations: Boolean!) {
    deleteJob(jobId: $jobId, force: $force, waitForCompletion: $waitForCompletion, deleteUserAnnotations: $deleteUserAnnotations) {
      __typename
      ... on Acknowledged { acknowledged }
      ... on DeletionTask { task }
    }
  }
`);

export const CliTaskProgressSubscription = graphql(`
  subscription CliTaskProgress($id: ID!) { taskProgress(id: $id) { ...CliTask } }
`);

export const CliTasksQuery = graphql(`
  query CliTasks($limit: Int!) {
    tasks(actions: "cluster:admin/xpack/ml/job/delete", limit: $limit) { ...CliTask }
    jobs { id state deleting }
  }
`);
