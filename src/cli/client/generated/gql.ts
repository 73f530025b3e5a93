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
    "\n  fragment CliTask on Task {\n    id jobId description state completed startTime runningTimeNanos\n    progress { phase deleted total percent }\n    error { type reason }\n  }\n": typeof types.CliTaskFragmentDoc,
    "\n  query CliJobs($ids: String) {\n    jobs(ids: $ids) {\n      id state deleting description\n      datafeed { id state }\n      counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }\n    }\n  }\n": typeof types.CliJobsDocument,
    "\n  mutation CliDeleteJob($jobId: ID!, $force: Boolean!, $waitForCompletion: Boolean!, $deleteUserAnnotations: Boolean!) {\n    deleteJob(jobId: $jobId, force: $force, waitForCompletion: $waitForCompletion, deleteUserAnnotations: $deleteUserAnnotations) {\n      __typename\n      ... on Acknowledged { acknowledged }\n      ... on DeletionTask { task }\n    }\n  }\n": typeof types.CliDeleteJobDocument,
    "\n  subscription CliTaskProgress($id: ID!) { taskProgress(id: $id) { ...CliTask } }\n": typeof types.CliTaskProgressDocument,
    "\n  query CliTasks($limit: Int!) {\n    tasks(actions: \"cluster:admin/xpack/ml/job/delete\", limit: $limit) { ...CliTask }\n    jobs { id state deleting }\n  }\n": typeof types.CliTasksDocument,
};
const documents: Documents = {
    "\n  fragment CliTask on Task {\n    id jobId description state completed startTime runningTimeNanos\n    progress { phase deleted total percent }\n    error { type reason }\n  }\n": types.CliTaskFragmentDoc,
    "\n  query CliJobs($ids: String) {\n    jobs(ids: $ids) {\n      id state deleting description\n      datafeed { id state }\n      counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }\n    }\n  }\n": types.CliJobsDocument,
    "\n  mutation CliDeleteJob($jobId: ID!, $force: Boolean!, $waitForCompletion: Boolean!, $deleteUserAnnotations: Boolean!) {\n    deleteJob(jobId: $jobId, force: $force, waitForCompletion: $waitForCompletion, deleteUserAnnotations: $deleteUserAnnotations) {\n      __typename\n      ... on Acknowledged { acknowledged }\n      ... on DeletionTask { task }\n    }\n  }\n": types.CliDeleteJobDocument,
    "\n  subscription CliTaskProgress($id: ID!) { taskProgress(id: $id) { ...CliTask } }\n": types.CliTaskProgressDocument,
    "\n  query CliTasks($limit: Int!) {\n    tasks(actions: \"cluster:admin/xpack/ml/job/delete\", limit: $limit) { ...CliTask }\n    jobs { id state deleting }\n  }\n": types.CliTasksDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CliTask on Task {\n    id jobId description state completed startTime runningTimeNanos\n    progress { phase deleted total percent }\n    error { type reason }\n  }\n"): typeof import('./graphql.ts').CliTaskFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliJobs($ids: String) {\n    jobs(ids: $ids) {\n      id state deleting description\n      datafeed { id state }\n      counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }\n    }\n  }\n"): typeof import('./graphql.ts').CliJobsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliDeleteJob($jobId: ID!, $force: Boolean!, $waitForCompletion: Boolean!, $deleteUserAnnotations: Boolean!) {\n    deleteJob(jobId: $jobId, force: $force, waitForCompletion: $waitForCompletion, deleteUserAnnotations: $deleteUserAnnotations) {\n      __typename\n      ... on Acknowledged { acknowledged }\n      ... on DeletionTask { task }\n    }\n  }\n"): typeof import('./graphql.ts').CliDeleteJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CliTaskProgress($id: ID!) { taskProgress(id: $id) { ...CliTask } }\n"): typeof import('./graphql.ts').CliTaskProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliTasks($limit: Int!) {\n    tasks(actions: \"cluster:admin/xpack/ml/job/delete\", limit: $limit) { ...CliTask }\n    jobs { id state deleting }\n  }\n"): typeof import('./graphql.ts').CliTasksDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
