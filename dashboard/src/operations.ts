// The dashboard's GraphQL operations (codegen: dashboard/src/generated, string documents).
import { graphql } from './generated/index.ts';

export const DELETE_ACTION = 'cluster:admin/xpack/ml/job/delete';

export const TaskFields = graphql(`
  fragment DashboardTask on Task {
    id jobId description state completed startTime runningTimeNanos
    progress { phase deleted total percent }
    error { type reason }
  }
`);

/** Who is signed in: checked at sign-in, and what the page offers follows the privileges. */
export const SessionQuery = graphql(`
  query DashboardSession { currentApiKey { name privileges } }
`);

/** Privileges that may delete jobs and datafeeds (D2); the others only read. */
export const WRITE_PRIVILEGES = ['MANAGE_ML', 'MANAGE', 'ALL'];

/** One request per refresh: the jobs and the recent deletion tasks. */
export const DashboardQuery = graphql(`
  query Dashboard($actions: String!) {
    jobs {
      id state deleting description
      datafeed { id state }
      deletionTask { ...DashboardTask }
      counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }
    }
    tasks(actions: $actions, limit: 100) { ...DashboardTask }
  }
`);

export const DeleteJobMutation = graphql(`
  mutation DashboardDeleteJob($jobId: ID!, $force: Boolean!, $waitForCompletion: Boolean!, $deleteUserAnnotations: Boolean!) {
    deleteJob(jobId: $jobId, force: $force, waitForCompletion: $waitForCompletion, deleteUserAnnotations: $deleteUserAnnotations) {
      __typename
      ... on Acknowledged { acknowledged }
      ... on DeletionTask { task }
    }
  }
`);

export const TaskProgressSubscription = graphql(`
  subscription DashboardTaskProgress($id: ID!) { taskProgress(id: $id) { ...DashboardTask } }
`);

export const StopDatafeedMutation = graphql(`
  mutation DashboardStopDatafeed($datafeedId: ID!) { stopDatafeed(datafeedId: $datafeedId) { id state } }
`);

export const DeleteDatafeedMutation = graphql(`
  mutation DashboardDeleteDatafeed($datafeedId: ID!) { deleteDatafeed(datafeedId: $datafeedId) { acknowledged } }
`);
