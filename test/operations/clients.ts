// Operations of the client API tests (test/api-clients.test.ts): global ids, links between jobs
// and tasks, pages and change feeds. Names start with `Clients` to stay unique across test files.
import { graphql } from '../generated/index.ts';

export const ClientsCurrentApiKeyQuery = graphql(`
  query ClientsCurrentApiKey { currentApiKey { nodeId id name privileges invalidated } }
`);

export const ClientsNodeQuery = graphql(`
  query ClientsNode($nodeId: ID!) {
    node(nodeId: $nodeId) {
      __typename nodeId
      ... on Job { id state }
      ... on Datafeed { id jobId datafeedState: state }
      ... on Task { id jobId }
      ... on Calendar { id jobIds }
      ... on Annotation { id text }
      ... on ApiKey { id name }
    }
  }
`);

export const ClientsNodesQuery = graphql(`
  query ClientsNodes($nodeIds: [ID!]!) { nodes(nodeIds: $nodeIds) { __typename nodeId } }
`);

export const ClientsJobLinksQuery = graphql(`
  query ClientsJobLinks($id: ID!) {
    job(id: $id) {
      nodeId id deleting
      datafeed { nodeId id }
      deletionTask { nodeId id state jobId job { nodeId id } }
    }
  }
`);

export const ClientsTaskLinksQuery = graphql(`
  query ClientsTaskLinks($id: ID!) { task(id: $id) { nodeId id state jobId job { nodeId id deleting } } }
`);

export const ClientsDeleteJobMutation = graphql(`
  mutation ClientsDeleteJob($jobId: ID!, $waitForCompletion: Boolean, $force: Boolean) {
    deleteJob(jobId: $jobId, waitForCompletion: $waitForCompletion, force: $force) {
      __typename
      ... on Acknowledged { acknowledged }
      ... on DeletionTask { task jobId }
    }
  }
`);

export const ClientsIdsOfEveryTypeQuery = graphql(`
  query ClientsIdsOfEveryType($jobId: ID!, $datafeedId: ID!, $calendarId: ID!) {
    job(id: $jobId) { nodeId }
    datafeed(id: $datafeedId) { nodeId }
    calendar(id: $calendarId) { nodeId }
    annotations(jobId: $jobId) { nodeId }
    currentApiKey { nodeId }
  }
`);

export const ClientsJobsPageQuery = graphql(`
  query ClientsJobsPage($first: Int, $after: String, $last: Int, $before: String, $filter: JobFilter, $orderBy: JobOrder) {
    jobsConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id state deleting } }
    }
  }
`);

export const ClientsJobsFullPageQuery = graphql(`
  query ClientsJobsFullPage($first: Int, $filter: JobFilter) {
    jobsConnection(first: $first, filter: $filter) {
      totalCount
      edges {
        node {
          nodeId id
          counts { total annotations buckets }
          datafeed { nodeId id }
          deletionTask { nodeId id state }
        }
      }
    }
  }
`);

export const ClientsTasksPageQuery = graphql(`
  query ClientsTasksPage($first: Int, $after: String, $last: Int, $before: String, $filter: TaskFilter) {
    tasksConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id jobId state job { id } } }
    }
  }
`);

export const ClientsJobEventsSubscription = graphql(`
  subscription ClientsJobEvents($filter: JobFilter) {
    jobEvents(filter: $filter) { kind jobId jobNodeId deletedNodeId job { nodeId id state deleting deletionTask { id state } } }
  }
`);

export const ClientsJobEventsWithCountsSubscription = graphql(`
  subscription ClientsJobEventsWithCounts($filter: JobFilter) {
    jobEvents(filter: $filter) { kind jobId job { id state counts { total } datafeed { id } } }
  }
`);

export const ClientsTaskEventsSubscription = graphql(`
  subscription ClientsTaskEvents($filter: TaskFilter) { taskEvents(filter: $filter) { nodeId id jobId state progress { percent } } }
`);
