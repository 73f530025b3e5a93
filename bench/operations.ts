// The operations the benchmark sends (plain strings: the bench measures the server, not a client).
export const DELETE_JOB = `mutation ($jobId: ID!, $waitForCompletion: Boolean) {
  deleteJob(jobId: $jobId, waitForCompletion: $waitForCompletion) { __typename ... on DeletionTask { task } ... on Acknowledged { acknowledged } }
}`;
export const JOB = `query ($id: ID!) { job(id: $id) { id state deleting } }`;
export const PUT_JOB = `mutation ($input: PutJobInput!) { putJob(input: $input) { id } }`;
export const TASK_PROGRESS = `subscription ($id: ID!) { taskProgress(id: $id) { state completed progress { percent deleted total } } }`;
