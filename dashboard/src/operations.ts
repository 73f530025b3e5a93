// The dashboard's GraphQL operations (codegen: dashboard/src/generated, string documents).
import { graphql } from './generated/index.ts';

export const DELETE_ACTION = 'cluster:admin/xpack/ml/job/delete';

export const TaskFields = graphql(`
  fragment DashboardTask on Task {
    id jobId description state completed startTime runningTimeNanos
    progress { phase deleted total percent }
    error { type reason }
    attempts lastError
  }
`);

/** Who is signed in: checked at sign-in, and what the page offers follows the privileges. */
export const SessionQuery = graphql(`
  query DashboardSession { currentApiKey { name privileges } }
`);

/** Privileges that may delete jobs and datafeeds (D2); the others only read. */
export const WRITE_PRIVILEGES = ['MANAGE_ML', 'MANAGE', 'ALL'];

// The service's cost limit (MAX_COST 5000, which grows with nesting and with `first`) refuses a
// page of 50 jobs with all their fields under edges/node: the page's ids come first, then the jobs
// by id (`nodes`), with the task fields written out in the job.
export const JobFields = graphql(`
  fragment DashboardJob on Job {
    id nodeId state deleting description groups createdAt
    datafeed { id state }
    deletionTask {
      id jobId description state completed startTime runningTimeNanos
      progress { phase deleted total percent }
      error { type reason }
      attempts lastError
    }
    counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }
  }
`);

/**
 * One refresh, first request: the ids of the page of jobs in view, of every job being deleted (a
 * handful, for the summary of failed and stuck deletions wherever they are in the list), the
 * size of the fleet, and the latest deletions.
 */
export const DashboardQuery = graphql(`
  query Dashboard($first: Int, $after: String, $last: Int, $before: String, $filter: JobFilter, $orderBy: JobOrder, $actions: String!) {
    jobsConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { nodeId } }
    }
    deleting: jobsConnection(first: 100, filter: { deleting: true }) { edges { node { nodeId } } }
    fleet: jobsConnection(first: 0) { totalCount }
    tasks(actions: $actions, limit: 100) { ...DashboardTask }
  }
`);

/** One refresh, second request: those jobs in full (null for one deleted in between). */
export const JobsByIdQuery = graphql(`
  query DashboardJobs($nodeIds: [ID!]!) { nodes(nodeIds: $nodeIds) { ... on Job { ...DashboardJob } } }
`);

/** Every job matching a filter, ids and sizes only (a bulk delete of all that match), 100 at a time (the cost limit counts `first`). */
export const MatchingJobsQuery = graphql(`
  query DashboardMatchingJobs($filter: JobFilter, $after: String) {
    jobsConnection(first: 100, after: $after, filter: $filter) {
      pageInfo { hasNextPage endCursor }
      edges { node { id deleting counts { total } } }
    }
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

/** Every deletion task's changes on one subscription (not one per task). */
export const TaskEventsSubscription = graphql(`
  subscription DashboardTaskEvents($actions: String!) { taskEvents(filter: { actions: $actions }) { ...DashboardTask } }
`);

/** That something changed in the jobs: the page re-reads what it shows (one read for a burst of events). */
export const JobEventsSubscription = graphql(`
  subscription DashboardJobEvents { jobEvents { kind jobId } }
`);

export const StopDatafeedMutation = graphql(`
  mutation DashboardStopDatafeed($datafeedId: ID!) { stopDatafeed(datafeedId: $datafeedId) { id state } }
`);

export const DeleteDatafeedMutation = graphql(`
  mutation DashboardDeleteDatafeed($datafeedId: ID!) { deleteDatafeed(datafeedId: $datafeedId) { acknowledged } }
`);

/** The deletion history, newest first, a page at a time. */
export const TaskHistoryQuery = graphql(`
  query DashboardTaskHistory($actions: String!, $first: Int, $after: String, $last: Int, $before: String) {
    tasksConnection(first: $first, after: $after, last: $last, before: $before, filter: { actions: $actions }) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { ...DashboardTask } }
    }
  }
`);

/** One task's page: the task and its job, if it still exists (the audit lines come next, by job id). */
export const TaskPageQuery = graphql(`
  query DashboardTaskPage($id: ID!) {
    task(id: $id) {
      ...DashboardTask
      action
      response { acknowledged }
      job { id state deleting counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total } }
    }
  }
`);

/** A job's audit lines, oldest first (they outlive the job). */
export const AuditQuery = graphql(`
  query DashboardAudit($jobId: ID!) { notifications(jobId: $jobId) { timestamp level message } }
`);
