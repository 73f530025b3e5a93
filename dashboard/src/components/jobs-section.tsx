// The jobs list: the toolbar (search, filters, order), the selection for a bulk delete, the table
// and the pager. "Deletion failed" lists the failed ones among the jobs being deleted (a handful:
// the service filters on deleting, this page on the task's state).
import type { JobDeletion } from '../deletion-state.ts';
import { formatCount, plural } from '../format.ts';
import type { BulkJob } from '../bulk-delete.ts';
import type { DashboardData, Job } from '../use-dashboard-data.ts';
import type { useJobsView } from '../use-jobs-view.ts';
import { SelectionBar } from './bulk-delete.tsx';
import { JobsTable } from './jobs-table.tsx';
import { JobsToolbar } from './jobs-toolbar.tsx';
import { Pager } from './pager.tsx';

interface Props {
  data?: DashboardData;
  jobsView: ReturnType<typeof useJobsView>;
  deletionOf(job: Job): JobDeletion | undefined;
  canDelete: boolean;
  selected: ReadonlyMap<string, BulkJob>;
  onSelect(jobs: BulkJob[], on: boolean): void;
  onSelectMatching(): void;
  onClearSelection(): void;
  onBulkDelete(): void;
  onDelete(job: Job): void;
  onResume(job: Job): void;
  onRemoveDatafeed(job: Job): void;
}

export function JobsSection(props: Props) {
  const { data, jobsView, deletionOf, canDelete, selected } = props;
  const failedOnly = jobsView.controls.deletion === 'failed';
  const page = data?.page;
  const jobs = data && (failedOnly ? data.deleting.filter((j) => deletionOf(j)?.status === 'failed') : data.page.jobs);
  const matching = failedOnly ? (jobs?.length ?? 0) : (page?.totalCount ?? 0);
  const fleet = data?.fleet ?? 0;

  return (
    <section class="section" aria-labelledby="jobs-title">
      <div class="section-head">
        <h2 id="jobs-title" tabIndex={-1}>
          Jobs
        </h2>
        {data && (
          <p class="section-meta">{matching === fleet ? plural(fleet, 'job') : `${formatCount(matching)} of ${plural(fleet, 'job')} match`}</p>
        )}
      </div>
      <JobsToolbar controls={jobsView.controls} onChange={jobsView.setControls} />
      {canDelete && (
        <SelectionBar
          jobs={[...selected.values()]}
          matching={matching}
          onSelectMatching={failedOnly ? undefined : props.onSelectMatching}
          onDelete={props.onBulkDelete}
          onClear={props.onClearSelection}
        />
      )}
      <JobsTable
        jobs={jobs}
        filtered={matching !== fleet}
        deletionOf={deletionOf}
        canDelete={canDelete}
        onDelete={props.onDelete}
        onResume={props.onResume}
        onRemoveDatafeed={props.onRemoveDatafeed}
        selected={selected}
        onSelect={props.onSelect}
      />
      {page && !failedOnly && (
        <Pager
          offset={jobsView.offset}
          shown={page.jobs.length}
          total={page.totalCount}
          hasPrevious={jobsView.offset > 0 && Boolean(page.pageInfo.startCursor)}
          hasNext={page.pageInfo.hasNextPage && jobsView.offset + page.jobs.length < page.totalCount}
          onPrevious={() => jobsView.previous(page.pageInfo.startCursor!)}
          onNext={() => jobsView.next(page.pageInfo.endCursor!, page.jobs.length)}
        />
      )}
    </section>
  );
}
