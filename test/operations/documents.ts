// The GraphQL operations the tests send, as typed documents (codegen: test/generated).
import { graphql } from '../generated/index.ts';

export const PutJobMutation = graphql(`
  mutation PutJob($input: PutJobInput!) {
    putJob(input: $input) { id state deleting groups }
  }
`);

export const OpenJobMutation = graphql(`
  mutation OpenJob($jobId: ID!) { openJob(jobId: $jobId) { id state } }
`);

export const CloseJobMutation = graphql(`
  mutation CloseJob($jobId: ID!, $force: Boolean) { closeJob(jobId: $jobId, force: $force) { id state } }
`);

export const JobQuery = graphql(`
  query Job($id: ID!) {
    job(id: $id) {
      id state deleting description groups createdAt analysisConfig dataDescription
      datafeed { id state }
      counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }
    }
  }
`);

export const JobsQuery = graphql(`
  query Jobs($ids: String) { jobs(ids: $ids) { id groups } }
`);

export const IngestResultsMutation = graphql(`
  mutation IngestResults($jobId: ID!, $input: ResultsInput!) {
    ingestResults(jobId: $jobId, input: $input) { total buckets records annotations modelSnapshots modelStateDocs }
  }
`);

export const PutDatafeedMutation = graphql(`
  mutation PutDatafeed($input: PutDatafeedInput!) { putDatafeed(input: $input) { id jobId state indices } }
`);

export const DeleteDatafeedMutation = graphql(`
  mutation DeleteDatafeed($datafeedId: ID!, $force: Boolean) { deleteDatafeed(datafeedId: $datafeedId, force: $force) { acknowledged } }
`);

export const PutAnnotationMutation = graphql(`
  mutation PutAnnotation($jobId: ID!, $input: AnnotationInput!) { putAnnotation(jobId: $jobId, input: $input) { id createdBy } }
`);

export const AnnotationsQuery = graphql(`
  query Annotations($jobId: ID!) { annotations(jobId: $jobId) { id text createdBy } }
`);

export const PutCalendarMutation = graphql(`
  mutation PutCalendar($calendarId: ID!, $jobIds: [ID!]!) { putCalendar(calendarId: $calendarId, jobIds: $jobIds) { id jobIds } }
`);

export const CalendarQuery = graphql(`
  query Calendar($id: ID!) { calendar(id: $id) { id jobIds } }
`);

export const NotificationsQuery = graphql(`
  query Notifications($jobId: ID!) { notifications(jobId: $jobId) { message level } }
`);

export const DeleteJobMutation = graphql(`
  mutation DeleteJob($jobId: ID!, $force: Boolean, $waitForCompletion: Boolean, $deleteUserAnnotations: Boolean) {
    deleteJob(jobId: $jobId, force: $force, waitForCompletion: $waitForCompletion, deleteUserAnnotations: $deleteUserAnnotations) {
      __typename
      ... on Acknowledged { acknowledged }
      ... on DeletionTask { task }
    }
  }
`);

export const TaskFields = graphql(`
  fragment TaskFields on Task {
    id action description state completed startTime runningTimeNanos
    progress { phase deleted total percent }
    response { acknowledged }
    error { type reason }
  }
`);

export const TaskQuery = graphql(`
  query Task($id: ID!) { task(id: $id) { ...TaskFields } }
`);

export const TasksQuery = graphql(`
  query Tasks($actions: String, $limit: Int) { tasks(actions: $actions, limit: $limit) { id action description state } }
`);

export const TaskProgressSubscription = graphql(`
  subscription TaskProgress($id: ID!) { taskProgress(id: $id) { ...TaskFields } }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($name: String!, $privileges: [ClusterPrivilege!]!) {
    createApiKey(name: $name, privileges: $privileges) { secret apiKey { id name privileges invalidated } }
  }
`);

export const ApiKeysQuery = graphql(`
  query ApiKeys { apiKeys { id name privileges invalidated } }
`);

export const InvalidateApiKeyMutation = graphql(`
  mutation InvalidateApiKey($id: ID!) { invalidateApiKey(id: $id) { acknowledged } }
`);

export const JobStorageQuery = graphql(`
  query JobStorage($id: ID!) { job(id: $id) { id storage resultsIndexName } }
`);
