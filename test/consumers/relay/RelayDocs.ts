// The Relay consumer's operations, compiled by relay-compiler (relay.config.json beside this
// file) into ./generated. Only the compiler reads this file: the tests import the artifacts.
import { graphql } from 'relay-runtime';

export const jobList = graphql`
  fragment RelayDocs_jobList on Query
  @refetchable(queryName: "RelayDocsJobListPaginationQuery")
  @argumentDefinitions(first: { type: "Int", defaultValue: 2 }, after: { type: "String" }, filter: { type: "JobFilter" }) {
    jobsConnection(first: $first, after: $after, filter: $filter) @connection(key: "RelayDocs_jobsConnection") {
      totalCount
      edges {
        node {
          id
          ...RelayDocs_job
        }
      }
    }
  }
`;

export const job = graphql`
  fragment RelayDocs_job on Job @refetchable(queryName: "RelayDocsJobRefetchQuery") {
    id
    state
    deleting
    datafeed {
      id
      state
    }
  }
`;

export const jobsQuery = graphql`
  query RelayDocsJobsQuery($filter: JobFilter) {
    ...RelayDocs_jobList @arguments(filter: $filter)
  }
`;

export const jobEvents = graphql`
  subscription RelayDocsJobEventsSubscription($filter: JobFilter) {
    jobEvents(filter: $filter) {
      kind
      jobId
      deletedNodeId @deleteRecord
      job {
        ...RelayDocs_job
      }
    }
  }
`;

export const deleteJob = graphql`
  mutation RelayDocsDeleteJobMutation($jobId: ID!) {
    deleteJob(jobId: $jobId, waitForCompletion: false) {
      __typename
      ... on DeletionTask {
        task
        jobId
      }
    }
  }
`;
