// At the top of the page: how many deletions failed and how many are stuck, each job linked to
// its row (where Resume is). Nothing when all is well.
import type { JobDeletion } from '../deletion-state.ts';
import { jobRowId } from './jobs-table.tsx';

export interface Problem {
  jobId: string;
  deletion: JobDeletion;
}

export function DeletionSummary({ problems }: { problems: Problem[] }) {
  const failed = problems.filter((p) => p.deletion.status === 'failed');
  const stuck = problems.filter((p) => p.deletion.status === 'stuck');
  if (failed.length === 0 && stuck.length === 0) return null;
  return (
    <section class="summary" aria-label="Deletion problems">
      {failed.length > 0 && (
        <p class="alert alert-error">
          <strong>
            {failed.length} {failed.length === 1 ? 'deletion' : 'deletions'} failed
          </strong>
          {': '}
          <JobLinks problems={failed} /> Resume from the job's row once the cause is fixed.
        </p>
      )}
      {stuck.length > 0 && (
        <p class="alert alert-warning">
          <strong>
            {stuck.length} {stuck.length === 1 ? 'deletion' : 'deletions'} without progress for a minute
          </strong>
          {': '}
          <JobLinks problems={stuck} />
        </p>
      )}
    </section>
  );
}

function JobLinks({ problems }: { problems: Problem[] }) {
  return (
    <>
      {problems.map((p, i) => (
        <span key={p.jobId}>
          {i > 0 && ', '}
          <a href={`#${jobRowId(p.jobId)}`}>
            <code>{p.jobId}</code>
          </a>
        </span>
      ))}
      .
    </>
  );
}
