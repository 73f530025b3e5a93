/* eslint-disable */
import * as types from './graphql.ts';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "\n  mutation PutJob($input: PutJobInput!) {\n    putJob(input: $input) { id state deleting groups }\n  }\n": typeof types.PutJobDocument,
    "\n  mutation OpenJob($jobId: ID!) { openJob(jobId: $jobId) { id state } }\n": typeof types.OpenJobDocument,
    "\n  mutation CloseJob($jobId: ID!, $force: Boolean) { closeJob(jobId: $jobId, force: $force) { id state } }\n": typeof types.CloseJobDocument,
    "\n  query Job($id: ID!) {\n    job(id: $id) {\n      id state deleting description groups createdAt analysisConfig dataDescription\n      datafeed { id state }\n      counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }\n    }\n  }\n": typeof types.JobDocument,
    "\n  query Jobs($ids: String) { jobs(ids: $ids) { id groups } }\n": typeof types.JobsDocument,
    "\n  mutation IngestResults($jobId: ID!, $input: ResultsInput!) {\n    ingestResults(jobId: $jobId, input: $input) { total buckets records annotations modelSnapshots modelStateDocs }\n  }\n": typeof types.IngestResultsDocument,
    "\n  mutation PutDatafeed($input: PutDatafeedInput!) { putDatafeed(input: $input) { id jobId state indices } }\n": typeof types.PutDatafeedDocument,
    "\n  mutation DeleteDatafeed($datafeedId: ID!, $force: Boolean) { deleteDatafeed(datafeedId: $datafeedId, force: $force) { acknowledged } }\n": typeof types.DeleteDatafeedDocument,
    "\n  mutation PutAnnotation($jobId: ID!, $input: AnnotationInput!) { putAnnotation(jobId: $jobId, input: $input) { id createdBy } }\n": typeof types.PutAnnotationDocument,
    "\n  query Annotations($jobId: ID!) { annotations(jobId: $jobId) { id text createdBy } }\n": typeof types.AnnotationsDocument,
    "\n  mutation PutCalendar($calendarId: ID!, $jobIds: [ID!]!) { putCalendar(calendarId: $calendarId, jobIds: $jobIds) { id jobIds } }\n": typeof types.PutCalendarDocument,
    "\n  query Calendar($id: ID!) { calendar(id: $id) { id jobIds } }\n": typeof types.CalendarDocument,
    "\n  query Notifications($jobId: ID!) { notifications(jobId: $jobId) { message level } }\n": typeof types.NotificationsDocument,
    "\n  mutation DeleteJob($jobId: ID!, $force: Boolean, $waitForCompletion: Boolean, $deleteUserAnnotations: Boolean) {\n    deleteJob(jobId: $jobId, force: $force, waitForCompletion: $waitForCompletion, deleteUserAnnotations: $deleteUserAnnotations) {\n      __typename\n      ... on Acknowledged { acknowledged }\n      ... on DeletionTask { task }\n    }\n  }\n": typeof types.DeleteJobDocument,
    "\n  fragment TaskFields on Task {\n    id action description state completed startTime runningTimeNanos\n    progress { phase deleted total percent }\n    response { acknowledged }\n    error { type reason }\n  }\n": typeof types.TaskFieldsFragmentDoc,
    "\n  query Task($id: ID!) { task(id: $id) { ...TaskFields } }\n": typeof types.TaskDocument,
    "\n  query Tasks($actions: String) { tasks(actions: $actions) { id action description state } }\n": typeof types.TasksDocument,
    "\n  subscription TaskProgress($id: ID!) { taskProgress(id: $id) { ...TaskFields } }\n": typeof types.TaskProgressDocument,
    "\n  mutation CreateApiKey($name: String!, $privileges: [ClusterPrivilege!]!) {\n    createApiKey(name: $name, privileges: $privileges) { secret apiKey { id name privileges invalidated } }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  query ApiKeys { apiKeys { id name privileges invalidated } }\n": typeof types.ApiKeysDocument,
    "\n  mutation InvalidateApiKey($id: ID!) { invalidateApiKey(id: $id) { acknowledged } }\n": typeof types.InvalidateApiKeyDocument,
};
const documents: Documents = {
    "\n  mutation PutJob($input: PutJobInput!) {\n    putJob(input: $input) { id state deleting groups }\n  }\n": types.PutJobDocument,
    "\n  mutation OpenJob($jobId: ID!) { openJob(jobId: $jobId) { id state } }\n": types.OpenJobDocument,
    "\n  mutation CloseJob($jobId: ID!, $force: Boolean) { closeJob(jobId: $jobId, force: $force) { id state } }\n": types.CloseJobDocument,
    "\n  query Job($id: ID!) {\n    job(id: $id) {\n      id state deleting description groups createdAt analysisConfig dataDescription\n      datafeed { id state }\n      counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }\n    }\n  }\n": types.JobDocument,
    "\n  query Jobs($ids: String) { jobs(ids: $ids) { id groups } }\n": types.JobsDocument,
    "\n  mutation IngestResults($jobId: ID!, $input: ResultsInput!) {\n    ingestResults(jobId: $jobId, input: $input) { total buckets records annotations modelSnapshots modelStateDocs }\n  }\n": types.IngestResultsDocument,
    "\n  mutation PutDatafeed($input: PutDatafeedInput!) { putDatafeed(input: $input) { id jobId state indices } }\n": types.PutDatafeedDocument,
    "\n  mutation DeleteDatafeed($datafeedId: ID!, $force: Boolean) { deleteDatafeed(datafeedId: $datafeedId, force: $force) { acknowledged } }\n": types.DeleteDatafeedDocument,
    "\n  mutation PutAnnotation($jobId: ID!, $input: AnnotationInput!) { putAnnotation(jobId: $jobId, input: $input) { id createdBy } }\n": types.PutAnnotationDocument,
    "\n  query Annotations($jobId: ID!) { annotations(jobId: $jobId) { id text createdBy } }\n": types.AnnotationsDocument,
    "\n  mutation PutCalendar($calendarId: ID!, $jobIds: [ID!]!) { putCalendar(calendarId: $calendarId, jobIds: $jobIds) { id jobIds } }\n": types.PutCalendarDocument,
    "\n  query Calendar($id: ID!) { calendar(id: $id) { id jobIds } }\n": types.CalendarDocument,
    "\n  query Notifications($jobId: ID!) { notifications(jobId: $jobId) { message level } }\n": types.NotificationsDocument,
    "\n  mutation DeleteJob($jobId: ID!, $force: Boolean, $waitForCompletion: Boolean, $deleteUserAnnotations: Boolean) {\n    deleteJob(jobId: $jobId, force: $force, waitForCompletion: $waitForCompletion, deleteUserAnnotations: $deleteUserAnnotations) {\n      __typename\n      ... on Acknowledged { acknowledged }\n      ... on DeletionTask { task }\n    }\n  }\n": types.DeleteJobDocument,
    "\n  fragment TaskFields on Task {\n    id action description state completed startTime runningTimeNanos\n    progress { phase deleted total percent }\n    response { acknowledged }\n    error { type reason }\n  }\n": types.TaskFieldsFragmentDoc,
    "\n  query Task($id: ID!) { task(id: $id) { ...TaskFields } }\n": types.TaskDocument,
    "\n  query Tasks($actions: String) { tasks(actions: $actions) { id action description state } }\n": types.TasksDocument,
    "\n  subscription TaskProgress($id: ID!) { taskProgress(id: $id) { ...TaskFields } }\n": types.TaskProgressDocument,
    "\n  mutation CreateApiKey($name: String!, $privileges: [ClusterPrivilege!]!) {\n    createApiKey(name: $name, privileges: $privileges) { secret apiKey { id name privileges invalidated } }\n  }\n": types.CreateApiKeyDocument,
    "\n  query ApiKeys { apiKeys { id name privileges invalidated } }\n": types.ApiKeysDocument,
    "\n  mutation InvalidateApiKey($id: ID!) { invalidateApiKey(id: $id) { acknowledged } }\n": types.InvalidateApiKeyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PutJob($input: PutJobInput!) {\n    putJob(input: $input) { id state deleting groups }\n  }\n"): (typeof documents)["\n  mutation PutJob($input: PutJobInput!) {\n    putJob(input: $input) { id state deleting groups }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenJob($jobId: ID!) { openJob(jobId: $jobId) { id state } }\n"): (typeof documents)["\n  mutation OpenJob($jobId: ID!) { openJob(jobId: $jobId) { id state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseJob($jobId: ID!, $force: Boolean) { closeJob(jobId: $jobId, force: $force) { id state } }\n"): (typeof documents)["\n  mutation CloseJob($jobId: ID!, $force: Boolean) { closeJob(jobId: $jobId, force: $force) { id state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Job($id: ID!) {\n    job(id: $id) {\n      id state deleting description groups createdAt analysisConfig dataDescription\n      datafeed { id state }\n      counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }\n    }\n  }\n"): (typeof documents)["\n  query Job($id: ID!) {\n    job(id: $id) {\n      id state deleting description groups createdAt analysisConfig dataDescription\n      datafeed { id state }\n      counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Jobs($ids: String) { jobs(ids: $ids) { id groups } }\n"): (typeof documents)["\n  query Jobs($ids: String) { jobs(ids: $ids) { id groups } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IngestResults($jobId: ID!, $input: ResultsInput!) {\n    ingestResults(jobId: $jobId, input: $input) { total buckets records annotations modelSnapshots modelStateDocs }\n  }\n"): (typeof documents)["\n  mutation IngestResults($jobId: ID!, $input: ResultsInput!) {\n    ingestResults(jobId: $jobId, input: $input) { total buckets records annotations modelSnapshots modelStateDocs }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PutDatafeed($input: PutDatafeedInput!) { putDatafeed(input: $input) { id jobId state indices } }\n"): (typeof documents)["\n  mutation PutDatafeed($input: PutDatafeedInput!) { putDatafeed(input: $input) { id jobId state indices } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDatafeed($datafeedId: ID!, $force: Boolean) { deleteDatafeed(datafeedId: $datafeedId, force: $force) { acknowledged } }\n"): (typeof documents)["\n  mutation DeleteDatafeed($datafeedId: ID!, $force: Boolean) { deleteDatafeed(datafeedId: $datafeedId, force: $force) { acknowledged } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PutAnnotation($jobId: ID!, $input: AnnotationInput!) { putAnnotation(jobId: $jobId, input: $input) { id createdBy } }\n"): (typeof documents)["\n  mutation PutAnnotation($jobId: ID!, $input: AnnotationInput!) { putAnnotation(jobId: $jobId, input: $input) { id createdBy } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Annotations($jobId: ID!) { annotations(jobId: $jobId) { id text createdBy } }\n"): (typeof documents)["\n  query Annotations($jobId: ID!) { annotations(jobId: $jobId) { id text createdBy } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PutCalendar($calendarId: ID!, $jobIds: [ID!]!) { putCalendar(calendarId: $calendarId, jobIds: $jobIds) { id jobIds } }\n"): (typeof documents)["\n  mutation PutCalendar($calendarId: ID!, $jobIds: [ID!]!) { putCalendar(calendarId: $calendarId, jobIds: $jobIds) { id jobIds } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Calendar($id: ID!) { calendar(id: $id) { id jobIds } }\n"): (typeof documents)["\n  query Calendar($id: ID!) { calendar(id: $id) { id jobIds } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($jobId: ID!) { notifications(jobId: $jobId) { message level } }\n"): (typeof documents)["\n  query Notifications($jobId: ID!) { notifications(jobId: $jobId) { message level } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteJob($jobId: ID!, $force: Boolean, $waitForCompletion: Boolean, $deleteUserAnnotations: Boolean) {\n    deleteJob(jobId: $jobId, force: $force, waitForCompletion: $waitForCompletion, deleteUserAnnotations: $deleteUserAnnotations) {\n      __typename\n      ... on Acknowledged { acknowledged }\n      ... on DeletionTask { task }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteJob($jobId: ID!, $force: Boolean, $waitForCompletion: Boolean, $deleteUserAnnotations: Boolean) {\n    deleteJob(jobId: $jobId, force: $force, waitForCompletion: $waitForCompletion, deleteUserAnnotations: $deleteUserAnnotations) {\n      __typename\n      ... on Acknowledged { acknowledged }\n      ... on DeletionTask { task }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskFields on Task {\n    id action description state completed startTime runningTimeNanos\n    progress { phase deleted total percent }\n    response { acknowledged }\n    error { type reason }\n  }\n"): (typeof documents)["\n  fragment TaskFields on Task {\n    id action description state completed startTime runningTimeNanos\n    progress { phase deleted total percent }\n    response { acknowledged }\n    error { type reason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Task($id: ID!) { task(id: $id) { ...TaskFields } }\n"): (typeof documents)["\n  query Task($id: ID!) { task(id: $id) { ...TaskFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tasks($actions: String) { tasks(actions: $actions) { id action description state } }\n"): (typeof documents)["\n  query Tasks($actions: String) { tasks(actions: $actions) { id action description state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TaskProgress($id: ID!) { taskProgress(id: $id) { ...TaskFields } }\n"): (typeof documents)["\n  subscription TaskProgress($id: ID!) { taskProgress(id: $id) { ...TaskFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($name: String!, $privileges: [ClusterPrivilege!]!) {\n    createApiKey(name: $name, privileges: $privileges) { secret apiKey { id name privileges invalidated } }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($name: String!, $privileges: [ClusterPrivilege!]!) {\n    createApiKey(name: $name, privileges: $privileges) { secret apiKey { id name privileges invalidated } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys { apiKeys { id name privileges invalidated } }\n"): (typeof documents)["\n  query ApiKeys { apiKeys { id name privileges invalidated } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InvalidateApiKey($id: ID!) { invalidateApiKey(id: $id) { acknowledged } }\n"): (typeof documents)["\n  mutation InvalidateApiKey($id: ID!) { invalidateApiKey(id: $id) { acknowledged } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;