// Deleting several jobs: one deleteJob per job (each its own task, so each has its own progress
// and its own refusal), a few at a time so that a hundred jobs do not arrive as a hundred requests
// at once. Refusals are collected per job with the service's reason.
import { ApiError, request } from './graphql-client.ts';
import type { JobFilter } from './generated/graphql.ts';
import { DeleteJobMutation, MatchingJobsQuery } from './operations.ts';

/** What a bulk delete needs of a job: its id, and its size for the confirmation. */
export interface BulkJob {
  id: string;
  counts: { total: number };
}

export interface BulkResult {
  started: { jobId: string; taskId: string }[];
  refused: { jobId: string; error: ApiError }[];
}

const CONCURRENCY = 4;

export async function deleteJobs(
  apiKey: string,
  jobIds: readonly string[],
  force: boolean,
  onStarted: (jobId: string, taskId: string) => void,
): Promise<BulkResult> {
  const result: BulkResult = { started: [], refused: [] };
  let next = 0;
  async function worker() {
    while (next < jobIds.length) {
      const jobId = jobIds[next++];
      try {
        const { deleteJob: answer } = await request(apiKey, DeleteJobMutation, {
          jobId,
          force,
          waitForCompletion: false,
          deleteUserAnnotations: false,
        });
        if (answer.__typename !== 'DeletionTask') throw new ApiError('The service deleted the job without a task');
        result.started.push({ jobId, taskId: answer.task });
        onStarted(jobId, answer.task);
      } catch (err) {
        result.refused.push({ jobId, error: err instanceof ApiError ? err : new ApiError(String(err)) });
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, jobIds.length) }, worker));
  const order = new Map(jobIds.map((id, i) => [id, i]));
  result.refused.sort((a, b) => order.get(a.jobId)! - order.get(b.jobId)!);
  return result;
}

/** Every job matching `filter` that is not being deleted already, a page at a time. */
export async function matchingJobs(apiKey: string, filter: JobFilter): Promise<BulkJob[]> {
  const jobs: BulkJob[] = [];
  let after: string | undefined;
  for (;;) {
    const { jobsConnection: page } = await request(apiKey, MatchingJobsQuery, { filter, after });
    for (const { node } of page.edges) if (!node.deleting) jobs.push(node);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return jobs;
    after = page.pageInfo.endCursor;
  }
}
