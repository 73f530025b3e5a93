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

export type DashboardTaskFragment = { id: string, jobId: string, description: string, state: TaskState, completed: boolean, startTime: string, runningTimeNanos: string, progress: { phase: string, deleted: number, total: number, percent: number }, error: { type: string, reason: string } | null };

export type DashboardQueryVariables = Exact<{
  actions: string;
}>;


export type DashboardQuery = { jobs: Array<{ id: string, state: JobState, deleting: boolean, description: string | null, datafeed: { id: string, state: DatafeedState } | null, counts: { buckets: number, records: number, influencers: number, categories: number, forecasts: number, modelSnapshots: number, modelStateDocs: number, annotations: number, total: number } }>, tasks: Array<{ id: string, jobId: string, description: string, state: TaskState, completed: boolean, startTime: string, runningTimeNanos: string, progress: { phase: string, deleted: number, total: number, percent: number }, error: { type: string, reason: string } | null }> };

export type DashboardDeleteJobMutationVariables = Exact<{
  jobId: string | number;
  force: boolean;
  waitForCompletion: boolean;
  deleteUserAnnotations: boolean;
}>;


export type DashboardDeleteJobMutation = { deleteJob:
    | { __typename: 'Acknowledged', acknowledged: boolean }
    | { __typename: 'DeletionTask', task: string }
   };

export type DashboardTaskProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type DashboardTaskProgressSubscription = { taskProgress: { id: string, jobId: string, description: string, state: TaskState, completed: boolean, startTime: string, runningTimeNanos: string, progress: { phase: string, deleted: number, total: number, percent: number }, error: { type: string, reason: string } | null } };

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
export const DashboardTaskFragmentDoc = new TypedDocumentString(`
    fragment DashboardTask on Task {
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
    `, {"fragmentName":"DashboardTask"}) as unknown as TypedDocumentString<DashboardTaskFragment, unknown>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($actions: String!) {
  jobs {
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
  tasks(actions: $actions, limit: 20) {
    ...DashboardTask
  }
}
    fragment DashboardTask on Task {
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
}`, {"hash":"sha256:43fa555ce32fb77ba5728b9b3cddd8b94e4089ef0d72a1fb3cebb39ea05e2f3a"}) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const DashboardDeleteJobDocument = new TypedDocumentString(`
    mutation DashboardDeleteJob($jobId: ID!, $force: Boolean!, $waitForCompletion: Boolean!, $deleteUserAnnotations: Boolean!) {
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
    `, {"hash":"sha256:ad9c5101cc8ed300e3842fdca25231586e25d6f0a888f7f0fe6b5f9052fa702a"}) as unknown as TypedDocumentString<DashboardDeleteJobMutation, DashboardDeleteJobMutationVariables>;
export const DashboardTaskProgressDocument = new TypedDocumentString(`
    subscription DashboardTaskProgress($id: ID!) {
  taskProgress(id: $id) {
    ...DashboardTask
  }
}
    fragment DashboardTask on Task {
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
}`, {"hash":"sha256:b16b6888afd8e9472271c70acda8a55475152a62a91dabce01c26aed48a8247d"}) as unknown as TypedDocumentString<DashboardTaskProgressSubscription, DashboardTaskProgressSubscriptionVariables>;