/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Elasticsearch's cluster privileges, as an API key carries them. */
export type ClusterPrivilege =
  /** Everything. */
  | 'ALL'
  /** Read and write jobs, datafeeds and tasks. */
  | 'MANAGE'
  /** Read and write machine-learning jobs and datafeeds. */
  | 'MANAGE_ML'
  /** Create, list and invalidate API keys (no job access). */
  | 'MANAGE_SECURITY'
  /** Read only. */
  | 'MONITOR'
  /** Read machine-learning jobs, datafeeds and tasks. */
  | 'MONITOR_ML';

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

/** What happened to a job. */
export type JobEventKind =
  /** putJob. */
  | 'CREATED'
  /** The job is gone: evict `deletedNodeId`. */
  | 'DELETED'
  /** A deletion was accepted, progressed, failed or was resumed. */
  | 'DELETING'
  /** Its state, datafeed, results or annotations changed. */
  | 'UPDATED';

/** Jobs that match every criterion given. */
export type JobFilter = {
  /** Only jobs being deleted (true) or only the others (false). */
  deleting?: boolean | null | undefined;
  /** Elasticsearch-style expression, as in jobs(ids). */
  ids?: string | null | undefined;
  /** Case-insensitive substring of the id, the description or a group. */
  search?: string | null | undefined;
  /** Any of these states. */
  states?: Array<JobState> | null | undefined;
};

/** The order of a page of jobs. */
export type JobOrder = {
  /** ASC (default) or DESC. */
  direction?: OrderDirection;
  /** What to sort by. */
  field: JobOrderField;
};

/** What jobs are sorted by (then by id). */
export type JobOrderField =
  /** When the job was created. */
  | 'CREATED_AT'
  /** The job id, by code point (as `jobs(ids)` answers). */
  | 'ID'
  /** `counts.total`: the rows the job owns. */
  | 'TOTAL_ROWS';

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

/** Sort direction. */
export type OrderDirection =
  /** Smallest first. */
  | 'ASC'
  /** Largest first. */
  | 'DESC';

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

export type DashboardTaskFragment = { id: string, jobId: string, description: string, state: TaskState, completed: boolean, startTime: string, runningTimeNanos: string, attempts: number, lastError: string | null, progress: { phase: string, deleted: number, total: number, percent: number }, error: { type: string, reason: string } | null };

export type DashboardSessionQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardSessionQuery = { currentApiKey: { name: string, privileges: Array<ClusterPrivilege> } };

export type DashboardJobFragment = { id: string, nodeId: string, state: JobState, deleting: boolean, description: string | null, groups: Array<string>, createdAt: string, datafeed: { id: string, state: DatafeedState } | null, deletionTask: { id: string, jobId: string, description: string, state: TaskState, completed: boolean, startTime: string, runningTimeNanos: string, attempts: number, lastError: string | null, progress: { phase: string, deleted: number, total: number, percent: number }, error: { type: string, reason: string } | null } | null, counts: { buckets: number, records: number, influencers: number, categories: number, forecasts: number, modelSnapshots: number, modelStateDocs: number, annotations: number, total: number } };

export type DashboardQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: JobFilter | null | undefined;
  orderBy?: JobOrder | null | undefined;
  actions: string;
}>;


export type DashboardQuery = { jobsConnection: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { nodeId: string } }> }, deleting: { edges: Array<{ node: { nodeId: string } }> }, fleet: { totalCount: number }, tasks: Array<{ id: string, jobId: string, description: string, state: TaskState, completed: boolean, startTime: string, runningTimeNanos: string, attempts: number, lastError: string | null, progress: { phase: string, deleted: number, total: number, percent: number }, error: { type: string, reason: string } | null }> };

export type DashboardJobsQueryVariables = Exact<{
  nodeIds: Array<string | number> | string | number;
}>;


export type DashboardJobsQuery = { nodes: Array<
    | { id: string, nodeId: string, state: JobState, deleting: boolean, description: string | null, groups: Array<string>, createdAt: string, datafeed: { id: string, state: DatafeedState } | null, deletionTask: { id: string, jobId: string, description: string, state: TaskState, completed: boolean, startTime: string, runningTimeNanos: string, attempts: number, lastError: string | null, progress: { phase: string, deleted: number, total: number, percent: number }, error: { type: string, reason: string } | null } | null, counts: { buckets: number, records: number, influencers: number, categories: number, forecasts: number, modelSnapshots: number, modelStateDocs: number, annotations: number, total: number } }
    | Record<PropertyKey, never>
   | null> };

export type DashboardMatchingJobsQueryVariables = Exact<{
  filter?: JobFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type DashboardMatchingJobsQuery = { jobsConnection: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, deleting: boolean, counts: { total: number } } }> } };

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

export type DashboardTaskEventsSubscriptionVariables = Exact<{
  actions: string;
}>;


export type DashboardTaskEventsSubscription = { taskEvents: { id: string, jobId: string, description: string, state: TaskState, completed: boolean, startTime: string, runningTimeNanos: string, attempts: number, lastError: string | null, progress: { phase: string, deleted: number, total: number, percent: number }, error: { type: string, reason: string } | null } };

export type DashboardJobEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DashboardJobEventsSubscription = { jobEvents: { kind: JobEventKind, jobId: string } };

export type DashboardStopDatafeedMutationVariables = Exact<{
  datafeedId: string | number;
}>;


export type DashboardStopDatafeedMutation = { stopDatafeed: { id: string, state: DatafeedState } };

export type DashboardDeleteDatafeedMutationVariables = Exact<{
  datafeedId: string | number;
}>;


export type DashboardDeleteDatafeedMutation = { deleteDatafeed: { acknowledged: boolean } };

export type DashboardTaskHistoryQueryVariables = Exact<{
  actions: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type DashboardTaskHistoryQuery = { tasksConnection: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, jobId: string, description: string, state: TaskState, completed: boolean, startTime: string, runningTimeNanos: string, attempts: number, lastError: string | null, progress: { phase: string, deleted: number, total: number, percent: number }, error: { type: string, reason: string } | null } }> } };

export type DashboardTaskPageQueryVariables = Exact<{
  id: string | number;
}>;


export type DashboardTaskPageQuery = { task: { action: string, id: string, jobId: string, description: string, state: TaskState, completed: boolean, startTime: string, runningTimeNanos: string, attempts: number, lastError: string | null, response: { acknowledged: boolean } | null, job: { id: string, state: JobState, deleting: boolean, counts: { buckets: number, records: number, influencers: number, categories: number, forecasts: number, modelSnapshots: number, modelStateDocs: number, annotations: number, total: number } } | null, progress: { phase: string, deleted: number, total: number, percent: number }, error: { type: string, reason: string } | null } | null };

export type DashboardAuditQueryVariables = Exact<{
  jobId: string | number;
}>;


export type DashboardAuditQuery = { notifications: Array<{ timestamp: string, level: string, message: string }> };

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
  attempts
  lastError
}
    `, {"fragmentName":"DashboardTask"}) as unknown as TypedDocumentString<DashboardTaskFragment, unknown>;
export const DashboardJobFragmentDoc = new TypedDocumentString(`
    fragment DashboardJob on Job {
  id
  nodeId
  state
  deleting
  description
  groups
  createdAt
  datafeed {
    id
    state
  }
  deletionTask {
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
    attempts
    lastError
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
    `, {"fragmentName":"DashboardJob"}) as unknown as TypedDocumentString<DashboardJobFragment, unknown>;
export const DashboardSessionDocument = new TypedDocumentString(`
    query DashboardSession {
  currentApiKey {
    name
    privileges
  }
}
    `, {"hash":"sha256:cb3378ad36351478e3eba4a0341fe25390717262e34841ffe1301ea844488dcb"}) as unknown as TypedDocumentString<DashboardSessionQuery, DashboardSessionQueryVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($first: Int, $after: String, $last: Int, $before: String, $filter: JobFilter, $orderBy: JobOrder, $actions: String!) {
  jobsConnection(
    first: $first
    after: $after
    last: $last
    before: $before
    filter: $filter
    orderBy: $orderBy
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        nodeId
      }
    }
  }
  deleting: jobsConnection(first: 100, filter: {deleting: true}) {
    edges {
      node {
        nodeId
      }
    }
  }
  fleet: jobsConnection(first: 0) {
    totalCount
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
  attempts
  lastError
}`, {"hash":"sha256:0ba929f6a3ba2f1094723cd4ec2d9deb138ebf5422fe3b0cbc13f889e4960917"}) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const DashboardJobsDocument = new TypedDocumentString(`
    query DashboardJobs($nodeIds: [ID!]!) {
  nodes(nodeIds: $nodeIds) {
    ... on Job {
      ...DashboardJob
    }
  }
}
    fragment DashboardJob on Job {
  id
  nodeId
  state
  deleting
  description
  groups
  createdAt
  datafeed {
    id
    state
  }
  deletionTask {
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
    attempts
    lastError
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
}`, {"hash":"sha256:d20723f28897ff209ad97a3b7a0cf91fc90a1dc0f4bec7e66728ae713e835135"}) as unknown as TypedDocumentString<DashboardJobsQuery, DashboardJobsQueryVariables>;
export const DashboardMatchingJobsDocument = new TypedDocumentString(`
    query DashboardMatchingJobs($filter: JobFilter, $after: String) {
  jobsConnection(first: 100, after: $after, filter: $filter) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        deleting
        counts {
          total
        }
      }
    }
  }
}
    `, {"hash":"sha256:d538d374805e0b0727e42df2768ac5c731c0d0e40c429af86f5781d5db351048"}) as unknown as TypedDocumentString<DashboardMatchingJobsQuery, DashboardMatchingJobsQueryVariables>;
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
export const DashboardTaskEventsDocument = new TypedDocumentString(`
    subscription DashboardTaskEvents($actions: String!) {
  taskEvents(filter: {actions: $actions}) {
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
  attempts
  lastError
}`, {"hash":"sha256:247fa2e765ff9fa78a708c3b4e1e397029757aab7518598a992342449be103fd"}) as unknown as TypedDocumentString<DashboardTaskEventsSubscription, DashboardTaskEventsSubscriptionVariables>;
export const DashboardJobEventsDocument = new TypedDocumentString(`
    subscription DashboardJobEvents {
  jobEvents {
    kind
    jobId
  }
}
    `, {"hash":"sha256:88ccca01c094090243c4ac9ac290e36fa70bd7901bf9e4b59779658e73e23856"}) as unknown as TypedDocumentString<DashboardJobEventsSubscription, DashboardJobEventsSubscriptionVariables>;
export const DashboardStopDatafeedDocument = new TypedDocumentString(`
    mutation DashboardStopDatafeed($datafeedId: ID!) {
  stopDatafeed(datafeedId: $datafeedId) {
    id
    state
  }
}
    `, {"hash":"sha256:e773af5938ed5569750155bc4f1a961fde0d7910af495e149a27d4a16aa79d76"}) as unknown as TypedDocumentString<DashboardStopDatafeedMutation, DashboardStopDatafeedMutationVariables>;
export const DashboardDeleteDatafeedDocument = new TypedDocumentString(`
    mutation DashboardDeleteDatafeed($datafeedId: ID!) {
  deleteDatafeed(datafeedId: $datafeedId) {
    acknowledged
  }
}
    `, {"hash":"sha256:a32c8254d7becd07968ed4705e845e2d085d45e54e67ba84aab8c8cf7ad0748a"}) as unknown as TypedDocumentString<DashboardDeleteDatafeedMutation, DashboardDeleteDatafeedMutationVariables>;
export const DashboardTaskHistoryDocument = new TypedDocumentString(`
    query DashboardTaskHistory($actions: String!, $first: Int, $after: String, $last: Int, $before: String) {
  tasksConnection(
    first: $first
    after: $after
    last: $last
    before: $before
    filter: {actions: $actions}
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        ...DashboardTask
      }
    }
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
  attempts
  lastError
}`, {"hash":"sha256:e62f4bf216a8bc27d1d00fe4d0ffd25574fdf14a11a8ace94df6325aa7a2d83c"}) as unknown as TypedDocumentString<DashboardTaskHistoryQuery, DashboardTaskHistoryQueryVariables>;
export const DashboardTaskPageDocument = new TypedDocumentString(`
    query DashboardTaskPage($id: ID!) {
  task(id: $id) {
    ...DashboardTask
    action
    response {
      acknowledged
    }
    job {
      id
      state
      deleting
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
  attempts
  lastError
}`, {"hash":"sha256:3877031a0ffc88eb37b9006a6816237d5ea3700d409319ce8f034f8d467b1183"}) as unknown as TypedDocumentString<DashboardTaskPageQuery, DashboardTaskPageQueryVariables>;
export const DashboardAuditDocument = new TypedDocumentString(`
    query DashboardAudit($jobId: ID!) {
  notifications(jobId: $jobId) {
    timestamp
    level
    message
  }
}
    `, {"hash":"sha256:616afa86f8129a8590bb4748b2b8be69b75e57aa52d295e9e589780227929bb2"}) as unknown as TypedDocumentString<DashboardAuditQuery, DashboardAuditQueryVariables>;