/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ClusterPrivilege =
  | 'ALL'
  | 'MANAGE'
  | 'MANAGE_ML'
  | 'MANAGE_SECURITY'
  | 'MONITOR'
  | 'MONITOR_ML';

export type DatafeedState =
  | 'STARTED'
  | 'STARTING'
  | 'STOPPED'
  | 'STOPPING';

export type JobState =
  | 'CLOSED'
  | 'CLOSING'
  | 'FAILED'
  | 'OPENED'
  | 'OPENING';

export type TaskState =
  | 'COMPLETED'
  | 'FAILED'
  /** Accepted, not yet picked up by a runner. */
  | 'QUEUED'
  | 'RUNNING';

export type DashboardTaskFragment = { id: string, jobId: string, description: string, state: TaskState, completed: boolean, startTime: string, runningTimeNanos: string, progress: { phase: string, deleted: number, total: number, percent: number }, error: { type: string, reason: string } | null };

export type DashboardSessionQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardSessionQuery = { currentApiKey: { name: string, privileges: Array<ClusterPrivilege> } };

export type DashboardQueryVariables = Exact<{
  actions: string;
}>;


export type DashboardQuery = { jobs: Array<{ id: string, state: JobState, deleting: boolean, description: string | null, datafeed: { id: string, state: DatafeedState } | null, deletionTask: { id: string, jobId: string, description: string, state: TaskState, completed: boolean, startTime: string, runningTimeNanos: string, progress: { phase: string, deleted: number, total: number, percent: number }, error: { type: string, reason: string } | null } | null, counts: { buckets: number, records: number, influencers: number, categories: number, forecasts: number, modelSnapshots: number, modelStateDocs: number, annotations: number, total: number } }>, tasks: Array<{ id: string, jobId: string, description: string, state: TaskState, completed: boolean, startTime: string, runningTimeNanos: string, progress: { phase: string, deleted: number, total: number, percent: number }, error: { type: string, reason: string } | null }> };

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

export type DashboardStopDatafeedMutationVariables = Exact<{
  datafeedId: string | number;
}>;


export type DashboardStopDatafeedMutation = { stopDatafeed: { id: string, state: DatafeedState } };

export type DashboardDeleteDatafeedMutationVariables = Exact<{
  datafeedId: string | number;
}>;


export type DashboardDeleteDatafeedMutation = { deleteDatafeed: { acknowledged: boolean } };

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
export const DashboardSessionDocument = new TypedDocumentString(`
    query DashboardSession {
  currentApiKey {
    name
    privileges
  }
}
    `) as unknown as TypedDocumentString<DashboardSessionQuery, DashboardSessionQueryVariables>;
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
    deletionTask {
      ...DashboardTask
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
  tasks(actions: $actions, limit: 100) {
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
}`) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
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
    `) as unknown as TypedDocumentString<DashboardDeleteJobMutation, DashboardDeleteJobMutationVariables>;
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
}`) as unknown as TypedDocumentString<DashboardTaskProgressSubscription, DashboardTaskProgressSubscriptionVariables>;
export const DashboardStopDatafeedDocument = new TypedDocumentString(`
    mutation DashboardStopDatafeed($datafeedId: ID!) {
  stopDatafeed(datafeedId: $datafeedId) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<DashboardStopDatafeedMutation, DashboardStopDatafeedMutationVariables>;
export const DashboardDeleteDatafeedDocument = new TypedDocumentString(`
    mutation DashboardDeleteDatafeed($datafeedId: ID!) {
  deleteDatafeed(datafeedId: $datafeedId) {
    acknowledged
  }
}
    `) as unknown as TypedDocumentString<DashboardDeleteDatafeedMutation, DashboardDeleteDatafeedMutationVariables>;