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
    "\n  query TaskAttempts($id: ID!) { task(id: $id) { id state attempts lastError } }\n": typeof types.TaskAttemptsDocument,
    "\n  query HeavyJobs { jobs(ids: \"_all\") { id state groups counts { total buckets records annotations } } }\n": typeof types.HeavyJobsDocument,
    "\n  query TaskState($id: ID!) { task(id: $id) { id state attempts } }\n": typeof types.TaskStateDocument,
    "\n  mutation ApiPutJob($input: PutJobInput!) {\n    putJob(input: $input) {\n      id description groups state deleting createdAt analysisConfig dataDescription\n      datafeed { id }\n      counts { total }\n    }\n  }\n": typeof types.ApiPutJobDocument,
    "\n  query ApiJobState($id: ID!) { job(id: $id) { id state deleting description groups datafeed { id state } } }\n": typeof types.ApiJobStateDocument,
    "\n  query ApiJobCounts($id: ID!) {\n    job(id: $id) {\n      id state deleting\n      counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }\n    }\n  }\n": typeof types.ApiJobCountsDocument,
    "\n  mutation ApiIngestResults($jobId: ID!, $input: ResultsInput!) {\n    ingestResults(jobId: $jobId, input: $input) {\n      buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total\n    }\n  }\n": typeof types.ApiIngestResultsDocument,
    "\n  query ApiDatafeed($id: ID!) { datafeed(id: $id) { id jobId indices query state } }\n": typeof types.ApiDatafeedDocument,
    "\n  mutation ApiPutDatafeed($input: PutDatafeedInput!) { putDatafeed(input: $input) { id jobId indices query state } }\n": typeof types.ApiPutDatafeedDocument,
    "\n  mutation ApiStartDatafeed($datafeedId: ID!) { startDatafeed(datafeedId: $datafeedId) { id jobId state } }\n": typeof types.ApiStartDatafeedDocument,
    "\n  mutation ApiStopDatafeed($datafeedId: ID!, $force: Boolean) { stopDatafeed(datafeedId: $datafeedId, force: $force) { id jobId state } }\n": typeof types.ApiStopDatafeedDocument,
    "\n  mutation ApiPutAnnotation($jobId: ID!, $input: AnnotationInput!) {\n    putAnnotation(jobId: $jobId, input: $input) { id jobId timestamp text createdBy }\n  }\n": typeof types.ApiPutAnnotationDocument,
    "\n  query ApiAnnotations($jobId: ID!) { annotations(jobId: $jobId) { id jobId timestamp text createdBy } }\n": typeof types.ApiAnnotationsDocument,
    "\n  query ApiNotifications($jobId: ID!) { notifications(jobId: $jobId) { jobId level message timestamp } }\n": typeof types.ApiNotificationsDocument,
    "\n  query ApiApiKeys { apiKeys { id name privileges createdAt invalidated } }\n": typeof types.ApiApiKeysDocument,
    "\n  mutation ApiCreateApiKey($name: String!, $privileges: [ClusterPrivilege!]!) {\n    createApiKey(name: $name, privileges: $privileges) { secret apiKey { id name privileges createdAt invalidated } }\n  }\n": typeof types.ApiCreateApiKeyDocument,
    "\n  subscription ApiTaskProgress($id: ID!) { taskProgress(id: $id) { id action description state completed } }\n": typeof types.ApiTaskProgressDocument,
    "\n  query ApiTypeFields($name: String!) { __type(name: $name) { name fields { name } } }\n": typeof types.ApiTypeFieldsDocument,
    "\n  query ClientsCurrentApiKey { currentApiKey { nodeId id name privileges invalidated } }\n": typeof types.ClientsCurrentApiKeyDocument,
    "\n  query ClientsNode($nodeId: ID!) {\n    node(nodeId: $nodeId) {\n      __typename nodeId\n      ... on Job { id state }\n      ... on Datafeed { id jobId datafeedState: state }\n      ... on Task { id jobId }\n      ... on Calendar { id jobIds }\n      ... on Annotation { id text }\n      ... on ApiKey { id name }\n    }\n  }\n": typeof types.ClientsNodeDocument,
    "\n  query ClientsNodes($nodeIds: [ID!]!) { nodes(nodeIds: $nodeIds) { __typename nodeId } }\n": typeof types.ClientsNodesDocument,
    "\n  query ClientsJobLinks($id: ID!) {\n    job(id: $id) {\n      nodeId id deleting\n      datafeed { nodeId id }\n      deletionTask { nodeId id state jobId job { nodeId id } }\n    }\n  }\n": typeof types.ClientsJobLinksDocument,
    "\n  query ClientsTaskLinks($id: ID!) { task(id: $id) { nodeId id state jobId job { nodeId id deleting } } }\n": typeof types.ClientsTaskLinksDocument,
    "\n  mutation ClientsDeleteJob($jobId: ID!, $waitForCompletion: Boolean, $force: Boolean) {\n    deleteJob(jobId: $jobId, waitForCompletion: $waitForCompletion, force: $force) {\n      __typename\n      ... on Acknowledged { acknowledged }\n      ... on DeletionTask { task jobId }\n    }\n  }\n": typeof types.ClientsDeleteJobDocument,
    "\n  query ClientsIdsOfEveryType($jobId: ID!, $datafeedId: ID!, $calendarId: ID!) {\n    job(id: $jobId) { nodeId }\n    datafeed(id: $datafeedId) { nodeId }\n    calendar(id: $calendarId) { nodeId }\n    annotations(jobId: $jobId) { nodeId }\n    currentApiKey { nodeId }\n  }\n": typeof types.ClientsIdsOfEveryTypeDocument,
    "\n  query ClientsJobsPage($first: Int, $after: String, $last: Int, $before: String, $filter: JobFilter, $orderBy: JobOrder) {\n    jobsConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id state deleting } }\n    }\n  }\n": typeof types.ClientsJobsPageDocument,
    "\n  query ClientsJobsFullPage($first: Int, $filter: JobFilter) {\n    jobsConnection(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          nodeId id\n          counts { total annotations buckets }\n          datafeed { nodeId id }\n          deletionTask { nodeId id state }\n        }\n      }\n    }\n  }\n": typeof types.ClientsJobsFullPageDocument,
    "\n  query ClientsTasksPage($first: Int, $after: String, $last: Int, $before: String, $filter: TaskFilter) {\n    tasksConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id jobId state job { id } } }\n    }\n  }\n": typeof types.ClientsTasksPageDocument,
    "\n  subscription ClientsJobEvents($filter: JobFilter) {\n    jobEvents(filter: $filter) { kind jobId jobNodeId deletedNodeId job { nodeId id state deleting deletionTask { id state } } }\n  }\n": typeof types.ClientsJobEventsDocument,
    "\n  subscription ClientsJobEventsWithCounts($filter: JobFilter) {\n    jobEvents(filter: $filter) { kind jobId job { id state counts { total } datafeed { id } } }\n  }\n": typeof types.ClientsJobEventsWithCountsDocument,
    "\n  subscription ClientsTaskEvents($filter: TaskFilter) { taskEvents(filter: $filter) { nodeId id jobId state progress { percent } } }\n": typeof types.ClientsTaskEventsDocument,
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
    "\n  query Tasks($actions: String, $limit: Int) { tasks(actions: $actions, limit: $limit) { id action description state } }\n": typeof types.TasksDocument,
    "\n  subscription TaskProgress($id: ID!) { taskProgress(id: $id) { ...TaskFields } }\n": typeof types.TaskProgressDocument,
    "\n  mutation CreateApiKey($name: String!, $privileges: [ClusterPrivilege!]!) {\n    createApiKey(name: $name, privileges: $privileges) { secret apiKey { id name privileges invalidated } }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  query ApiKeys { apiKeys { id name privileges invalidated } }\n": typeof types.ApiKeysDocument,
    "\n  mutation InvalidateApiKey($id: ID!) { invalidateApiKey(id: $id) { acknowledged } }\n": typeof types.InvalidateApiKeyDocument,
    "\n  query JobStorage($id: ID!) { job(id: $id) { id storage resultsIndexName } }\n": typeof types.JobStorageDocument,
    "\n  query HardeningJobs($ids: String) { jobs(ids: $ids) { id } }\n": typeof types.HardeningJobsDocument,
    "\n  query HardeningJobCounts($ids: String) { jobs(ids: $ids) { id counts { total } } }\n": typeof types.HardeningJobCountsDocument,
    "\n  mutation HardeningPutJob($input: PutJobInput!) { putJob(input: $input) { id groups description } }\n": typeof types.HardeningPutJobDocument,
    "\n  mutation HardeningOpenJob($jobId: ID!) { openJob(jobId: $jobId) { id state } }\n": typeof types.HardeningOpenJobDocument,
    "\n  mutation HardeningDeleteJob($jobId: ID!, $force: Boolean, $waitForCompletion: Boolean) {\n    deleteJob(jobId: $jobId, force: $force, waitForCompletion: $waitForCompletion) { __typename }\n  }\n": typeof types.HardeningDeleteJobDocument,
    "\n  mutation HardeningIngestResults($jobId: ID!, $input: ResultsInput!) { ingestResults(jobId: $jobId, input: $input) { total } }\n": typeof types.HardeningIngestResultsDocument,
    "\n  mutation HardeningCreateApiKey($name: String!, $privileges: [ClusterPrivilege!]!) {\n    createApiKey(name: $name, privileges: $privileges) { secret apiKey { id name } }\n  }\n": typeof types.HardeningCreateApiKeyDocument,
    "\n  mutation HardeningInvalidateApiKey($id: ID!) { invalidateApiKey(id: $id) { acknowledged } }\n": typeof types.HardeningInvalidateApiKeyDocument,
    "\n  subscription HardeningTaskProgress($id: ID!) { taskProgress(id: $id) { id state } }\n": typeof types.HardeningTaskProgressDocument,
};
const documents: Documents = {
    "\n  query TaskAttempts($id: ID!) { task(id: $id) { id state attempts lastError } }\n": types.TaskAttemptsDocument,
    "\n  query HeavyJobs { jobs(ids: \"_all\") { id state groups counts { total buckets records annotations } } }\n": types.HeavyJobsDocument,
    "\n  query TaskState($id: ID!) { task(id: $id) { id state attempts } }\n": types.TaskStateDocument,
    "\n  mutation ApiPutJob($input: PutJobInput!) {\n    putJob(input: $input) {\n      id description groups state deleting createdAt analysisConfig dataDescription\n      datafeed { id }\n      counts { total }\n    }\n  }\n": types.ApiPutJobDocument,
    "\n  query ApiJobState($id: ID!) { job(id: $id) { id state deleting description groups datafeed { id state } } }\n": types.ApiJobStateDocument,
    "\n  query ApiJobCounts($id: ID!) {\n    job(id: $id) {\n      id state deleting\n      counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }\n    }\n  }\n": types.ApiJobCountsDocument,
    "\n  mutation ApiIngestResults($jobId: ID!, $input: ResultsInput!) {\n    ingestResults(jobId: $jobId, input: $input) {\n      buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total\n    }\n  }\n": types.ApiIngestResultsDocument,
    "\n  query ApiDatafeed($id: ID!) { datafeed(id: $id) { id jobId indices query state } }\n": types.ApiDatafeedDocument,
    "\n  mutation ApiPutDatafeed($input: PutDatafeedInput!) { putDatafeed(input: $input) { id jobId indices query state } }\n": types.ApiPutDatafeedDocument,
    "\n  mutation ApiStartDatafeed($datafeedId: ID!) { startDatafeed(datafeedId: $datafeedId) { id jobId state } }\n": types.ApiStartDatafeedDocument,
    "\n  mutation ApiStopDatafeed($datafeedId: ID!, $force: Boolean) { stopDatafeed(datafeedId: $datafeedId, force: $force) { id jobId state } }\n": types.ApiStopDatafeedDocument,
    "\n  mutation ApiPutAnnotation($jobId: ID!, $input: AnnotationInput!) {\n    putAnnotation(jobId: $jobId, input: $input) { id jobId timestamp text createdBy }\n  }\n": types.ApiPutAnnotationDocument,
    "\n  query ApiAnnotations($jobId: ID!) { annotations(jobId: $jobId) { id jobId timestamp text createdBy } }\n": types.ApiAnnotationsDocument,
    "\n  query ApiNotifications($jobId: ID!) { notifications(jobId: $jobId) { jobId level message timestamp } }\n": types.ApiNotificationsDocument,
    "\n  query ApiApiKeys { apiKeys { id name privileges createdAt invalidated } }\n": types.ApiApiKeysDocument,
    "\n  mutation ApiCreateApiKey($name: String!, $privileges: [ClusterPrivilege!]!) {\n    createApiKey(name: $name, privileges: $privileges) { secret apiKey { id name privileges createdAt invalidated } }\n  }\n": types.ApiCreateApiKeyDocument,
    "\n  subscription ApiTaskProgress($id: ID!) { taskProgress(id: $id) { id action description state completed } }\n": types.ApiTaskProgressDocument,
    "\n  query ApiTypeFields($name: String!) { __type(name: $name) { name fields { name } } }\n": types.ApiTypeFieldsDocument,
    "\n  query ClientsCurrentApiKey { currentApiKey { nodeId id name privileges invalidated } }\n": types.ClientsCurrentApiKeyDocument,
    "\n  query ClientsNode($nodeId: ID!) {\n    node(nodeId: $nodeId) {\n      __typename nodeId\n      ... on Job { id state }\n      ... on Datafeed { id jobId datafeedState: state }\n      ... on Task { id jobId }\n      ... on Calendar { id jobIds }\n      ... on Annotation { id text }\n      ... on ApiKey { id name }\n    }\n  }\n": types.ClientsNodeDocument,
    "\n  query ClientsNodes($nodeIds: [ID!]!) { nodes(nodeIds: $nodeIds) { __typename nodeId } }\n": types.ClientsNodesDocument,
    "\n  query ClientsJobLinks($id: ID!) {\n    job(id: $id) {\n      nodeId id deleting\n      datafeed { nodeId id }\n      deletionTask { nodeId id state jobId job { nodeId id } }\n    }\n  }\n": types.ClientsJobLinksDocument,
    "\n  query ClientsTaskLinks($id: ID!) { task(id: $id) { nodeId id state jobId job { nodeId id deleting } } }\n": types.ClientsTaskLinksDocument,
    "\n  mutation ClientsDeleteJob($jobId: ID!, $waitForCompletion: Boolean, $force: Boolean) {\n    deleteJob(jobId: $jobId, waitForCompletion: $waitForCompletion, force: $force) {\n      __typename\n      ... on Acknowledged { acknowledged }\n      ... on DeletionTask { task jobId }\n    }\n  }\n": types.ClientsDeleteJobDocument,
    "\n  query ClientsIdsOfEveryType($jobId: ID!, $datafeedId: ID!, $calendarId: ID!) {\n    job(id: $jobId) { nodeId }\n    datafeed(id: $datafeedId) { nodeId }\n    calendar(id: $calendarId) { nodeId }\n    annotations(jobId: $jobId) { nodeId }\n    currentApiKey { nodeId }\n  }\n": types.ClientsIdsOfEveryTypeDocument,
    "\n  query ClientsJobsPage($first: Int, $after: String, $last: Int, $before: String, $filter: JobFilter, $orderBy: JobOrder) {\n    jobsConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id state deleting } }\n    }\n  }\n": types.ClientsJobsPageDocument,
    "\n  query ClientsJobsFullPage($first: Int, $filter: JobFilter) {\n    jobsConnection(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          nodeId id\n          counts { total annotations buckets }\n          datafeed { nodeId id }\n          deletionTask { nodeId id state }\n        }\n      }\n    }\n  }\n": types.ClientsJobsFullPageDocument,
    "\n  query ClientsTasksPage($first: Int, $after: String, $last: Int, $before: String, $filter: TaskFilter) {\n    tasksConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id jobId state job { id } } }\n    }\n  }\n": types.ClientsTasksPageDocument,
    "\n  subscription ClientsJobEvents($filter: JobFilter) {\n    jobEvents(filter: $filter) { kind jobId jobNodeId deletedNodeId job { nodeId id state deleting deletionTask { id state } } }\n  }\n": types.ClientsJobEventsDocument,
    "\n  subscription ClientsJobEventsWithCounts($filter: JobFilter) {\n    jobEvents(filter: $filter) { kind jobId job { id state counts { total } datafeed { id } } }\n  }\n": types.ClientsJobEventsWithCountsDocument,
    "\n  subscription ClientsTaskEvents($filter: TaskFilter) { taskEvents(filter: $filter) { nodeId id jobId state progress { percent } } }\n": types.ClientsTaskEventsDocument,
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
    "\n  query Tasks($actions: String, $limit: Int) { tasks(actions: $actions, limit: $limit) { id action description state } }\n": types.TasksDocument,
    "\n  subscription TaskProgress($id: ID!) { taskProgress(id: $id) { ...TaskFields } }\n": types.TaskProgressDocument,
    "\n  mutation CreateApiKey($name: String!, $privileges: [ClusterPrivilege!]!) {\n    createApiKey(name: $name, privileges: $privileges) { secret apiKey { id name privileges invalidated } }\n  }\n": types.CreateApiKeyDocument,
    "\n  query ApiKeys { apiKeys { id name privileges invalidated } }\n": types.ApiKeysDocument,
    "\n  mutation InvalidateApiKey($id: ID!) { invalidateApiKey(id: $id) { acknowledged } }\n": types.InvalidateApiKeyDocument,
    "\n  query JobStorage($id: ID!) { job(id: $id) { id storage resultsIndexName } }\n": types.JobStorageDocument,
    "\n  query HardeningJobs($ids: String) { jobs(ids: $ids) { id } }\n": types.HardeningJobsDocument,
    "\n  query HardeningJobCounts($ids: String) { jobs(ids: $ids) { id counts { total } } }\n": types.HardeningJobCountsDocument,
    "\n  mutation HardeningPutJob($input: PutJobInput!) { putJob(input: $input) { id groups description } }\n": types.HardeningPutJobDocument,
    "\n  mutation HardeningOpenJob($jobId: ID!) { openJob(jobId: $jobId) { id state } }\n": types.HardeningOpenJobDocument,
    "\n  mutation HardeningDeleteJob($jobId: ID!, $force: Boolean, $waitForCompletion: Boolean) {\n    deleteJob(jobId: $jobId, force: $force, waitForCompletion: $waitForCompletion) { __typename }\n  }\n": types.HardeningDeleteJobDocument,
    "\n  mutation HardeningIngestResults($jobId: ID!, $input: ResultsInput!) { ingestResults(jobId: $jobId, input: $input) { total } }\n": types.HardeningIngestResultsDocument,
    "\n  mutation HardeningCreateApiKey($name: String!, $privileges: [ClusterPrivilege!]!) {\n    createApiKey(name: $name, privileges: $privileges) { secret apiKey { id name } }\n  }\n": types.HardeningCreateApiKeyDocument,
    "\n  mutation HardeningInvalidateApiKey($id: ID!) { invalidateApiKey(id: $id) { acknowledged } }\n": types.HardeningInvalidateApiKeyDocument,
    "\n  subscription HardeningTaskProgress($id: ID!) { taskProgress(id: $id) { id state } }\n": types.HardeningTaskProgressDocument,
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
export function graphql(source: "\n  query TaskAttempts($id: ID!) { task(id: $id) { id state attempts lastError } }\n"): (typeof documents)["\n  query TaskAttempts($id: ID!) { task(id: $id) { id state attempts lastError } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HeavyJobs { jobs(ids: \"_all\") { id state groups counts { total buckets records annotations } } }\n"): (typeof documents)["\n  query HeavyJobs { jobs(ids: \"_all\") { id state groups counts { total buckets records annotations } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskState($id: ID!) { task(id: $id) { id state attempts } }\n"): (typeof documents)["\n  query TaskState($id: ID!) { task(id: $id) { id state attempts } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiPutJob($input: PutJobInput!) {\n    putJob(input: $input) {\n      id description groups state deleting createdAt analysisConfig dataDescription\n      datafeed { id }\n      counts { total }\n    }\n  }\n"): (typeof documents)["\n  mutation ApiPutJob($input: PutJobInput!) {\n    putJob(input: $input) {\n      id description groups state deleting createdAt analysisConfig dataDescription\n      datafeed { id }\n      counts { total }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiJobState($id: ID!) { job(id: $id) { id state deleting description groups datafeed { id state } } }\n"): (typeof documents)["\n  query ApiJobState($id: ID!) { job(id: $id) { id state deleting description groups datafeed { id state } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiJobCounts($id: ID!) {\n    job(id: $id) {\n      id state deleting\n      counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }\n    }\n  }\n"): (typeof documents)["\n  query ApiJobCounts($id: ID!) {\n    job(id: $id) {\n      id state deleting\n      counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiIngestResults($jobId: ID!, $input: ResultsInput!) {\n    ingestResults(jobId: $jobId, input: $input) {\n      buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total\n    }\n  }\n"): (typeof documents)["\n  mutation ApiIngestResults($jobId: ID!, $input: ResultsInput!) {\n    ingestResults(jobId: $jobId, input: $input) {\n      buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiDatafeed($id: ID!) { datafeed(id: $id) { id jobId indices query state } }\n"): (typeof documents)["\n  query ApiDatafeed($id: ID!) { datafeed(id: $id) { id jobId indices query state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiPutDatafeed($input: PutDatafeedInput!) { putDatafeed(input: $input) { id jobId indices query state } }\n"): (typeof documents)["\n  mutation ApiPutDatafeed($input: PutDatafeedInput!) { putDatafeed(input: $input) { id jobId indices query state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiStartDatafeed($datafeedId: ID!) { startDatafeed(datafeedId: $datafeedId) { id jobId state } }\n"): (typeof documents)["\n  mutation ApiStartDatafeed($datafeedId: ID!) { startDatafeed(datafeedId: $datafeedId) { id jobId state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiStopDatafeed($datafeedId: ID!, $force: Boolean) { stopDatafeed(datafeedId: $datafeedId, force: $force) { id jobId state } }\n"): (typeof documents)["\n  mutation ApiStopDatafeed($datafeedId: ID!, $force: Boolean) { stopDatafeed(datafeedId: $datafeedId, force: $force) { id jobId state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiPutAnnotation($jobId: ID!, $input: AnnotationInput!) {\n    putAnnotation(jobId: $jobId, input: $input) { id jobId timestamp text createdBy }\n  }\n"): (typeof documents)["\n  mutation ApiPutAnnotation($jobId: ID!, $input: AnnotationInput!) {\n    putAnnotation(jobId: $jobId, input: $input) { id jobId timestamp text createdBy }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiAnnotations($jobId: ID!) { annotations(jobId: $jobId) { id jobId timestamp text createdBy } }\n"): (typeof documents)["\n  query ApiAnnotations($jobId: ID!) { annotations(jobId: $jobId) { id jobId timestamp text createdBy } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiNotifications($jobId: ID!) { notifications(jobId: $jobId) { jobId level message timestamp } }\n"): (typeof documents)["\n  query ApiNotifications($jobId: ID!) { notifications(jobId: $jobId) { jobId level message timestamp } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiApiKeys { apiKeys { id name privileges createdAt invalidated } }\n"): (typeof documents)["\n  query ApiApiKeys { apiKeys { id name privileges createdAt invalidated } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiCreateApiKey($name: String!, $privileges: [ClusterPrivilege!]!) {\n    createApiKey(name: $name, privileges: $privileges) { secret apiKey { id name privileges createdAt invalidated } }\n  }\n"): (typeof documents)["\n  mutation ApiCreateApiKey($name: String!, $privileges: [ClusterPrivilege!]!) {\n    createApiKey(name: $name, privileges: $privileges) { secret apiKey { id name privileges createdAt invalidated } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ApiTaskProgress($id: ID!) { taskProgress(id: $id) { id action description state completed } }\n"): (typeof documents)["\n  subscription ApiTaskProgress($id: ID!) { taskProgress(id: $id) { id action description state completed } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTypeFields($name: String!) { __type(name: $name) { name fields { name } } }\n"): (typeof documents)["\n  query ApiTypeFields($name: String!) { __type(name: $name) { name fields { name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientsCurrentApiKey { currentApiKey { nodeId id name privileges invalidated } }\n"): (typeof documents)["\n  query ClientsCurrentApiKey { currentApiKey { nodeId id name privileges invalidated } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientsNode($nodeId: ID!) {\n    node(nodeId: $nodeId) {\n      __typename nodeId\n      ... on Job { id state }\n      ... on Datafeed { id jobId datafeedState: state }\n      ... on Task { id jobId }\n      ... on Calendar { id jobIds }\n      ... on Annotation { id text }\n      ... on ApiKey { id name }\n    }\n  }\n"): (typeof documents)["\n  query ClientsNode($nodeId: ID!) {\n    node(nodeId: $nodeId) {\n      __typename nodeId\n      ... on Job { id state }\n      ... on Datafeed { id jobId datafeedState: state }\n      ... on Task { id jobId }\n      ... on Calendar { id jobIds }\n      ... on Annotation { id text }\n      ... on ApiKey { id name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientsNodes($nodeIds: [ID!]!) { nodes(nodeIds: $nodeIds) { __typename nodeId } }\n"): (typeof documents)["\n  query ClientsNodes($nodeIds: [ID!]!) { nodes(nodeIds: $nodeIds) { __typename nodeId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientsJobLinks($id: ID!) {\n    job(id: $id) {\n      nodeId id deleting\n      datafeed { nodeId id }\n      deletionTask { nodeId id state jobId job { nodeId id } }\n    }\n  }\n"): (typeof documents)["\n  query ClientsJobLinks($id: ID!) {\n    job(id: $id) {\n      nodeId id deleting\n      datafeed { nodeId id }\n      deletionTask { nodeId id state jobId job { nodeId id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientsTaskLinks($id: ID!) { task(id: $id) { nodeId id state jobId job { nodeId id deleting } } }\n"): (typeof documents)["\n  query ClientsTaskLinks($id: ID!) { task(id: $id) { nodeId id state jobId job { nodeId id deleting } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientsDeleteJob($jobId: ID!, $waitForCompletion: Boolean, $force: Boolean) {\n    deleteJob(jobId: $jobId, waitForCompletion: $waitForCompletion, force: $force) {\n      __typename\n      ... on Acknowledged { acknowledged }\n      ... on DeletionTask { task jobId }\n    }\n  }\n"): (typeof documents)["\n  mutation ClientsDeleteJob($jobId: ID!, $waitForCompletion: Boolean, $force: Boolean) {\n    deleteJob(jobId: $jobId, waitForCompletion: $waitForCompletion, force: $force) {\n      __typename\n      ... on Acknowledged { acknowledged }\n      ... on DeletionTask { task jobId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientsIdsOfEveryType($jobId: ID!, $datafeedId: ID!, $calendarId: ID!) {\n    job(id: $jobId) { nodeId }\n    datafeed(id: $datafeedId) { nodeId }\n    calendar(id: $calendarId) { nodeId }\n    annotations(jobId: $jobId) { nodeId }\n    currentApiKey { nodeId }\n  }\n"): (typeof documents)["\n  query ClientsIdsOfEveryType($jobId: ID!, $datafeedId: ID!, $calendarId: ID!) {\n    job(id: $jobId) { nodeId }\n    datafeed(id: $datafeedId) { nodeId }\n    calendar(id: $calendarId) { nodeId }\n    annotations(jobId: $jobId) { nodeId }\n    currentApiKey { nodeId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientsJobsPage($first: Int, $after: String, $last: Int, $before: String, $filter: JobFilter, $orderBy: JobOrder) {\n    jobsConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id state deleting } }\n    }\n  }\n"): (typeof documents)["\n  query ClientsJobsPage($first: Int, $after: String, $last: Int, $before: String, $filter: JobFilter, $orderBy: JobOrder) {\n    jobsConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id state deleting } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientsJobsFullPage($first: Int, $filter: JobFilter) {\n    jobsConnection(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          nodeId id\n          counts { total annotations buckets }\n          datafeed { nodeId id }\n          deletionTask { nodeId id state }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientsJobsFullPage($first: Int, $filter: JobFilter) {\n    jobsConnection(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          nodeId id\n          counts { total annotations buckets }\n          datafeed { nodeId id }\n          deletionTask { nodeId id state }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientsTasksPage($first: Int, $after: String, $last: Int, $before: String, $filter: TaskFilter) {\n    tasksConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id jobId state job { id } } }\n    }\n  }\n"): (typeof documents)["\n  query ClientsTasksPage($first: Int, $after: String, $last: Int, $before: String, $filter: TaskFilter) {\n    tasksConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id jobId state job { id } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClientsJobEvents($filter: JobFilter) {\n    jobEvents(filter: $filter) { kind jobId jobNodeId deletedNodeId job { nodeId id state deleting deletionTask { id state } } }\n  }\n"): (typeof documents)["\n  subscription ClientsJobEvents($filter: JobFilter) {\n    jobEvents(filter: $filter) { kind jobId jobNodeId deletedNodeId job { nodeId id state deleting deletionTask { id state } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClientsJobEventsWithCounts($filter: JobFilter) {\n    jobEvents(filter: $filter) { kind jobId job { id state counts { total } datafeed { id } } }\n  }\n"): (typeof documents)["\n  subscription ClientsJobEventsWithCounts($filter: JobFilter) {\n    jobEvents(filter: $filter) { kind jobId job { id state counts { total } datafeed { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClientsTaskEvents($filter: TaskFilter) { taskEvents(filter: $filter) { nodeId id jobId state progress { percent } } }\n"): (typeof documents)["\n  subscription ClientsTaskEvents($filter: TaskFilter) { taskEvents(filter: $filter) { nodeId id jobId state progress { percent } } }\n"];
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
export function graphql(source: "\n  query Tasks($actions: String, $limit: Int) { tasks(actions: $actions, limit: $limit) { id action description state } }\n"): (typeof documents)["\n  query Tasks($actions: String, $limit: Int) { tasks(actions: $actions, limit: $limit) { id action description state } }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JobStorage($id: ID!) { job(id: $id) { id storage resultsIndexName } }\n"): (typeof documents)["\n  query JobStorage($id: ID!) { job(id: $id) { id storage resultsIndexName } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HardeningJobs($ids: String) { jobs(ids: $ids) { id } }\n"): (typeof documents)["\n  query HardeningJobs($ids: String) { jobs(ids: $ids) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HardeningJobCounts($ids: String) { jobs(ids: $ids) { id counts { total } } }\n"): (typeof documents)["\n  query HardeningJobCounts($ids: String) { jobs(ids: $ids) { id counts { total } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HardeningPutJob($input: PutJobInput!) { putJob(input: $input) { id groups description } }\n"): (typeof documents)["\n  mutation HardeningPutJob($input: PutJobInput!) { putJob(input: $input) { id groups description } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HardeningOpenJob($jobId: ID!) { openJob(jobId: $jobId) { id state } }\n"): (typeof documents)["\n  mutation HardeningOpenJob($jobId: ID!) { openJob(jobId: $jobId) { id state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HardeningDeleteJob($jobId: ID!, $force: Boolean, $waitForCompletion: Boolean) {\n    deleteJob(jobId: $jobId, force: $force, waitForCompletion: $waitForCompletion) { __typename }\n  }\n"): (typeof documents)["\n  mutation HardeningDeleteJob($jobId: ID!, $force: Boolean, $waitForCompletion: Boolean) {\n    deleteJob(jobId: $jobId, force: $force, waitForCompletion: $waitForCompletion) { __typename }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HardeningIngestResults($jobId: ID!, $input: ResultsInput!) { ingestResults(jobId: $jobId, input: $input) { total } }\n"): (typeof documents)["\n  mutation HardeningIngestResults($jobId: ID!, $input: ResultsInput!) { ingestResults(jobId: $jobId, input: $input) { total } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HardeningCreateApiKey($name: String!, $privileges: [ClusterPrivilege!]!) {\n    createApiKey(name: $name, privileges: $privileges) { secret apiKey { id name } }\n  }\n"): (typeof documents)["\n  mutation HardeningCreateApiKey($name: String!, $privileges: [ClusterPrivilege!]!) {\n    createApiKey(name: $name, privileges: $privileges) { secret apiKey { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HardeningInvalidateApiKey($id: ID!) { invalidateApiKey(id: $id) { acknowledged } }\n"): (typeof documents)["\n  mutation HardeningInvalidateApiKey($id: ID!) { invalidateApiKey(id: $id) { acknowledged } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription HardeningTaskProgress($id: ID!) { taskProgress(id: $id) { id state } }\n"): (typeof documents)["\n  subscription HardeningTaskProgress($id: ID!) { taskProgress(id: $id) { id state } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;