/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A datafeed's state. */
export type DatafeedState =
  /** Feeding its job. */
  | 'STARTED'
  /** Being started. */
  | 'STARTING'
  /** Not feeding (the state after putDatafeed). */
  | 'STOPPED'
  /** Being stopped. */
  | 'STOPPING';

/** A job's state. */
export type JobState =
  /** Not running (the state after putJob); can be deleted. */
  | 'CLOSED'
  /** Being closed. */
  | 'CLOSING'
  /** Failed; closing it needs force. */
  | 'FAILED'
  /** Running: accepts results. */
  | 'OPENED'
  /** Being opened. */
  | 'OPENING';

/** A task's state. */
export type TaskState =
  /** Ended successfully (response is set). */
  | 'COMPLETED'
  /** Ended with an error (error is set); deleteJob again resumes a deletion. */
  | 'FAILED'
  /** Accepted, not yet picked up by a runner. */
  | 'QUEUED'
  /** Held by a runner on some instance. */
  | 'RUNNING';

export type CliTaskFragment = { id: string, jobId: string, description: string, state: TaskState, completed: boolean, startTime: string, runningTimeNanos: string, progress: { phase: string, deleted: number, total: number, percent: number }, error: { type: string, reason: string } | null };

export type CliJobsQueryVariables = Exact<{
  ids?: string | null | undefined;
}>;


export type CliJobsQuery = { jobs: Array<{ id: string, state: JobState, deleting: boolean, description: string | null, datafeed: { id: string, state: DatafeedState } | null, counts: { buckets: number, records: number, influencers: number, categories: number, forecasts: number, modelSnapshots: number, modelStateDocs: number, annotations: number, total: number } }> };

export type CliDeleteJobMutationVariables = Exact<{
  jobId: string | number;
  force: boolean;
  waitForCompletion: boolean;
  deleteUserAnnotations: boolean;
}>;


export type CliDeleteJobMutation = { deleteJob:
    | { __typename: 'Acknowledged', acknowledged: boolean }
    | { __typename: 'DeletionTask', task: string }
   };

export type CliTaskProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type CliTaskProgressSubscription = { taskProgress: { id: string, jobId: string, description: string, state: TaskState, completed: boolean, startTime: string, runningTimeNanos: string, progress: { phase: string, deleted: number, total: number, percent: number }, error: { type: string, reason: string } | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CliTaskFragmentDoc = new TypedDocumentString(`
    fragment CliTask on Task {
  id
  jobId
  description
  state
  completed
  startTime
  runningTimeNanos
  progress {
    phase
    deleted
    total
    percent
  }
  error {
    type
    reason
  }
}
    `, {"fragmentName":"CliTask"}) as unknown as TypedDocumentString<CliTaskFragment, unknown>;
export const CliJobsDocument = new TypedDocumentString(`
    query CliJobs($ids: String) {
  jobs(ids: $ids) {
    id
    state
    deleting
    description
    datafeed {
      id
      state
    }
    counts {
      buckets
      records
      influencers
      categories
      forecasts
      modelSnapshots
      modelStateDocs
      annotations
      total
    }
  }
}
    `, {"hash":"sha256:889e88e286516a17cc689d9914cece38fb6a8648cda4b07be2e47ea6a719f12a"}) as unknown as TypedDocumentString<CliJobsQuery, CliJobsQueryVariables>;
export const CliDeleteJobDocument = new TypedDocumentString(`
    mutation CliDeleteJob($jobId: ID!, $force: Boolean!, $waitForCompletion: Boolean!, $deleteUserAnnotations: Boolean!) {
  deleteJob(
    jobId: $jobId
    force: $force
    waitForCompletion: $waitForCompletion
    deleteUserAnnotations: $deleteUserAnnotations
  ) {
    __typename
    ... on Acknowledged {
      acknowledged
    }
    ... on DeletionTask {
      task
    }
  }
}
    `, {"hash":"sha256:b07c600ba2a26adbb50efe94c1c6bc1573a6b1b7f556dc69d038c6af63c0301d"}) as unknown as TypedDocumentString<CliDeleteJobMutation, CliDeleteJobMutationVariables>;
export const CliTaskProgressDocument = new TypedDocumentString(`
    subscription CliTaskProgress($id: ID!) {
  taskProgress(id: $id) {
    ...CliTask
  }
}
    fragment CliTask on Task {
  id
  jobId
  description
  state
  completed
  startTime
  runningTimeNanos
  progress {
    phase
    deleted
    total
    percent
  }
  error {
    type
    reason
  }
}`, {"hash":"sha256:5c025a25a0305e2e8d3b2b4dbfc2b5633a2393e8b33a2dd4d8d899ad8b7bfacd"}) as unknown as TypedDocumentString<CliTaskProgressSubscription, CliTaskProgressSubscriptionVariables>;