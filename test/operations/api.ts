// Operations of the API tests (test/api-*.test.ts, database, embedded, seed) that
// documents.ts does not already have. Names start with `Api` to stay unique across test files.
import { graphql } from '../generated/index.ts';

export const ApiPutJobMutation = graphql(`
  mutation ApiPutJob($input: PutJobInput!) {
    putJob(input: $input) {
      id description groups state deleting createdAt analysisConfig dataDescription
      datafeed { id }
      counts { total }
    }
  }
`);

export const ApiJobStateQuery = graphql(`
  query ApiJobState($id: ID!) { job(id: $id) { id state deleting description groups datafeed { id state } } }
`);

export const ApiJobCountsQuery = graphql(`
  query ApiJobCounts($id: ID!) {
    job(id: $id) {
      id state deleting
      counts { buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total }
    }
  }
`);

export const ApiIngestResultsMutation = graphql(`
  mutation ApiIngestResults($jobId: ID!, $input: ResultsInput!) {
    ingestResults(jobId: $jobId, input: $input) {
      buckets records influencers categories forecasts modelSnapshots modelStateDocs annotations total
    }
  }
`);

export const ApiDatafeedQuery = graphql(`
  query ApiDatafeed($id: ID!) { datafeed(id: $id) { id jobId indices query state } }
`);

export const ApiPutDatafeedMutation = graphql(`
  mutation ApiPutDatafeed($input: PutDatafeedInput!) { putDatafeed(input: $input) { id jobId indices query state } }
`);

export const ApiStartDatafeedMutation = graphql(`
  mutation ApiStartDatafeed($datafeedId: ID!) { startDatafeed(datafeedId: $datafeedId) { id jobId state } }
`);

export const ApiStopDatafeedMutation = graphql(`
  mutation ApiStopDatafeed($datafeedId: ID!, $force: Boolean) { stopDatafeed(datafeedId: $datafeedId, force: $force) { id jobId state } }
`);

export const ApiPutAnnotationMutation = graphql(`
  mutation ApiPutAnnotation($jobId: ID!, $input: AnnotationInput!) {
    putAnnotation(jobId: $jobId, input: $input) { id jobId timestamp text createdBy }
  }
`);

export const ApiAnnotationsQuery = graphql(`
  query ApiAnnotations($jobId: ID!) { annotations(jobId: $jobId) { id jobId timestamp text createdBy } }
`);

export const ApiNotificationsQuery = graphql(`
  query ApiNotifications($jobId: ID!) { notifications(jobId: $jobId) { jobId level message timestamp } }
`);

export const ApiApiKeysQuery = graphql(`
  query ApiApiKeys { apiKeys { id name privileges createdAt invalidated } }
`);

export const ApiCreateApiKeyMutation = graphql(`
  mutation ApiCreateApiKey($name: String!, $privileges: [ClusterPrivilege!]!) {
    createApiKey(name: $name, privileges: $privileges) { secret apiKey { id name privileges createdAt invalidated } }
  }
`);

export const ApiTaskProgressSubscription = graphql(`
  subscription ApiTaskProgress($id: ID!) { taskProgress(id: $id) { id action description state completed } }
`);

export const ApiTypeFieldsQuery = graphql(`
  query ApiTypeFields($name: String!) { __type(name: $name) { name fields { name } } }
`);
