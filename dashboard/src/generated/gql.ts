/* eslint-disable */
import * as types from './graphql.ts';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment DashboardTask on Task {\n    id jobId description state completed startTime runningTimeNanos\n    progress { phase deleted total percent }\n    error { type reason }\n    attempts lastError\n  }\n": typeof types.DashboardTaskFragmentDoc,
    "\n  query DashboardSession { currentApiKey { name privileges } }\n": typeof types.DashboardSessionDocument,
    "\n  fragment DashboardJob on Job {\n    id nodeId state deleting description groups createdAt\n    datafeed { id state }\n    deletionTask {\n      id jobId description state completed startTime runningTimeNanos\n      progress { phase deleted total percent }\n      error { type reason }\n      attempts lastError\n    }\n    counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }\n  }\n": typeof types.DashboardJobFragmentDoc,
    "\n  query Dashboard($first: Int, $after: String, $last: Int, $before: String, $filter: JobFilter, $orderBy: JobOrder, $actions: String!) {\n    jobsConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { nodeId } }\n    }\n    deleting: jobsConnection(first: 100, filter: { deleting: true }) { edges { node { nodeId } } }\n    fleet: jobsConnection(first: 0) { totalCount }\n    tasks(actions: $actions, limit: 100) { ...DashboardTask }\n  }\n": typeof types.DashboardDocument,
    "\n  query DashboardJobs($nodeIds: [ID!]!) { nodes(nodeIds: $nodeIds) { ... on Job { ...DashboardJob } } }\n": typeof types.DashboardJobsDocument,
    "\n  query DashboardMatchingJobs($filter: JobFilter, $after: String) {\n    jobsConnection(first: 100, after: $after, filter: $filter) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id deleting counts { total } } }\n    }\n  }\n": typeof types.DashboardMatchingJobsDocument,
    "\n  mutation DashboardDeleteJob($jobId: ID!, $force: Boolean!, $waitForCompletion: Boolean!, $deleteUserAnnotations: Boolean!) {\n    deleteJob(jobId: $jobId, force: $force, waitForCompletion: $waitForCompletion, deleteUserAnnotations: $deleteUserAnnotations) {\n      __typename\n      ... on Acknowledged { acknowledged }\n      ... on DeletionTask { task }\n    }\n  }\n": typeof types.DashboardDeleteJobDocument,
    "\n  subscription DashboardTaskEvents($actions: String!) { taskEvents(filter: { actions: $actions }) { ...DashboardTask } }\n": typeof types.DashboardTaskEventsDocument,
    "\n  subscription DashboardJobEvents { jobEvents { kind jobId } }\n": typeof types.DashboardJobEventsDocument,
    "\n  mutation DashboardStopDatafeed($datafeedId: ID!) { stopDatafeed(datafeedId: $datafeedId) { id state } }\n": typeof types.DashboardStopDatafeedDocument,
    "\n  mutation DashboardDeleteDatafeed($datafeedId: ID!) { deleteDatafeed(datafeedId: $datafeedId) { acknowledged } }\n": typeof types.DashboardDeleteDatafeedDocument,
    "\n  query DashboardTaskHistory($actions: String!, $first: Int, $after: String, $last: Int, $before: String) {\n    tasksConnection(first: $first, after: $after, last: $last, before: $before, filter: { actions: $actions }) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { ...DashboardTask } }\n    }\n  }\n": typeof types.DashboardTaskHistoryDocument,
    "\n  query DashboardTaskPage($id: ID!) {\n    task(id: $id) {\n      ...DashboardTask\n      action\n      response { acknowledged }\n      job { id state deleting counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total } }\n    }\n  }\n": typeof types.DashboardTaskPageDocument,
    "\n  query DashboardAudit($jobId: ID!) { notifications(jobId: $jobId) { timestamp level message } }\n": typeof types.DashboardAuditDocument,
};
const documents: Documents = {
    "\n  fragment DashboardTask on Task {\n    id jobId description state completed startTime runningTimeNanos\n    progress { phase deleted total percent }\n    error { type reason }\n    attempts lastError\n  }\n": types.DashboardTaskFragmentDoc,
    "\n  query DashboardSession { currentApiKey { name privileges } }\n": types.DashboardSessionDocument,
    "\n  fragment DashboardJob on Job {\n    id nodeId state deleting description groups createdAt\n    datafeed { id state }\n    deletionTask {\n      id jobId description state completed startTime runningTimeNanos\n      progress { phase deleted total percent }\n      error { type reason }\n      attempts lastError\n    }\n    counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }\n  }\n": types.DashboardJobFragmentDoc,
    "\n  query Dashboard($first: Int, $after: String, $last: Int, $before: String, $filter: JobFilter, $orderBy: JobOrder, $actions: String!) {\n    jobsConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { nodeId } }\n    }\n    deleting: jobsConnection(first: 100, filter: { deleting: true }) { edges { node { nodeId } } }\n    fleet: jobsConnection(first: 0) { totalCount }\n    tasks(actions: $actions, limit: 100) { ...DashboardTask }\n  }\n": types.DashboardDocument,
    "\n  query DashboardJobs($nodeIds: [ID!]!) { nodes(nodeIds: $nodeIds) { ... on Job { ...DashboardJob } } }\n": types.DashboardJobsDocument,
    "\n  query DashboardMatchingJobs($filter: JobFilter, $after: String) {\n    jobsConnection(first: 100, after: $after, filter: $filter) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id deleting counts { total } } }\n    }\n  }\n": types.DashboardMatchingJobsDocument,
    "\n  mutation DashboardDeleteJob($jobId: ID!, $force: Boolean!, $waitForCompletion: Boolean!, $deleteUserAnnotations: Boolean!) {\n    deleteJob(jobId: $jobId, force: $force, waitForCompletion: $waitForCompletion, deleteUserAnnotations: $deleteUserAnnotations) {\n      __typename\n      ... on Acknowledged { acknowledged }\n      ... on DeletionTask { task }\n    }\n  }\n": types.DashboardDeleteJobDocument,
    "\n  subscription DashboardTaskEvents($actions: String!) { taskEvents(filter: { actions: $actions }) { ...DashboardTask } }\n": types.DashboardTaskEventsDocument,
    "\n  subscription DashboardJobEvents { jobEvents { kind jobId } }\n": types.DashboardJobEventsDocument,
    "\n  mutation DashboardStopDatafeed($datafeedId: ID!) { stopDatafeed(datafeedId: $datafeedId) { id state } }\n": types.DashboardStopDatafeedDocument,
    "\n  mutation DashboardDeleteDatafeed($datafeedId: ID!) { deleteDatafeed(datafeedId: $datafeedId) { acknowledged } }\n": types.DashboardDeleteDatafeedDocument,
    "\n  query DashboardTaskHistory($actions: String!, $first: Int, $after: String, $last: Int, $before: String) {\n    tasksConnection(first: $first, after: $after, last: $last, before: $before, filter: { actions: $actions }) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { ...DashboardTask } }\n    }\n  }\n": types.DashboardTaskHistoryDocument,
    "\n  query DashboardTaskPage($id: ID!) {\n    task(id: $id) {\n      ...DashboardTask\n      action\n      response { acknowledged }\n      job { id state deleting counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total } }\n    }\n  }\n": types.DashboardTaskPageDocument,
    "\n  query DashboardAudit($jobId: ID!) { notifications(jobId: $jobId) { timestamp level message } }\n": types.DashboardAuditDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardTask on Task {\n    id jobId description state completed startTime runningTimeNanos\n    progress { phase deleted total percent }\n    error { type reason }\n    attempts lastError\n  }\n"): typeof import('./graphql.ts').DashboardTaskFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardSession { currentApiKey { name privileges } }\n"): typeof import('./graphql.ts').DashboardSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardJob on Job {\n    id nodeId state deleting description groups createdAt\n    datafeed { id state }\n    deletionTask {\n      id jobId description state completed startTime runningTimeNanos\n      progress { phase deleted total percent }\n      error { type reason }\n      attempts lastError\n    }\n    counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }\n  }\n"): typeof import('./graphql.ts').DashboardJobFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($first: Int, $after: String, $last: Int, $before: String, $filter: JobFilter, $orderBy: JobOrder, $actions: String!) {\n    jobsConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { nodeId } }\n    }\n    deleting: jobsConnection(first: 100, filter: { deleting: true }) { edges { node { nodeId } } }\n    fleet: jobsConnection(first: 0) { totalCount }\n    tasks(actions: $actions, limit: 100) { ...DashboardTask }\n  }\n"): typeof import('./graphql.ts').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardJobs($nodeIds: [ID!]!) { nodes(nodeIds: $nodeIds) { ... on Job { ...DashboardJob } } }\n"): typeof import('./graphql.ts').DashboardJobsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardMatchingJobs($filter: JobFilter, $after: String) {\n    jobsConnection(first: 100, after: $after, filter: $filter) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id deleting counts { total } } }\n    }\n  }\n"): typeof import('./graphql.ts').DashboardMatchingJobsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DashboardDeleteJob($jobId: ID!, $force: Boolean!, $waitForCompletion: Boolean!, $deleteUserAnnotations: Boolean!) {\n    deleteJob(jobId: $jobId, force: $force, waitForCompletion: $waitForCompletion, deleteUserAnnotations: $deleteUserAnnotations) {\n      __typename\n      ... on Acknowledged { acknowledged }\n      ... on DeletionTask { task }\n    }\n  }\n"): typeof import('./graphql.ts').DashboardDeleteJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashboardTaskEvents($actions: String!) { taskEvents(filter: { actions: $actions }) { ...DashboardTask } }\n"): typeof import('./graphql.ts').DashboardTaskEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashboardJobEvents { jobEvents { kind jobId } }\n"): typeof import('./graphql.ts').DashboardJobEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DashboardStopDatafeed($datafeedId: ID!) { stopDatafeed(datafeedId: $datafeedId) { id state } }\n"): typeof import('./graphql.ts').DashboardStopDatafeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DashboardDeleteDatafeed($datafeedId: ID!) { deleteDatafeed(datafeedId: $datafeedId) { acknowledged } }\n"): typeof import('./graphql.ts').DashboardDeleteDatafeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardTaskHistory($actions: String!, $first: Int, $after: String, $last: Int, $before: String) {\n    tasksConnection(first: $first, after: $after, last: $last, before: $before, filter: { actions: $actions }) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { ...DashboardTask } }\n    }\n  }\n"): typeof import('./graphql.ts').DashboardTaskHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardTaskPage($id: ID!) {\n    task(id: $id) {\n      ...DashboardTask\n      action\n      response { acknowledged }\n      job { id state deleting counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total } }\n    }\n  }\n"): typeof import('./graphql.ts').DashboardTaskPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardAudit($jobId: ID!) { notifications(jobId: $jobId) { timestamp level message } }\n"): typeof import('./graphql.ts').DashboardAuditDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
