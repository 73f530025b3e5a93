// Which jobs the list shows: the toolbar's choices and the page, as jobsConnection arguments. A
// change of search, filter or order starts again at the first page.
import { useState } from 'preact/hooks';
import { DEFAULT_CONTROLS, type JobsControls } from './components/jobs-toolbar.tsx';
import type { JobFilter, JobOrderField, OrderDirection } from './generated/graphql.ts';
import type { JobsView } from './use-dashboard-data.ts';

export const PAGE_SIZE = 50;

interface Page {
  /** Index of the page's first job in the whole list. */
  offset: number;
  after?: string;
  before?: string;
}

export function filterOf(controls: JobsControls): JobFilter {
  const filter: JobFilter = {};
  if (controls.search.trim()) filter.search = controls.search.trim();
  if (controls.state) filter.states = [controls.state];
  if (controls.deletion === 'deleting' || controls.deletion === 'failed') filter.deleting = true;
  if (controls.deletion === 'not-deleting') filter.deleting = false;
  return filter;
}

export function useJobsView() {
  const [controls, setControlsState] = useState<JobsControls>(DEFAULT_CONTROLS);
  const [page, setPage] = useState<Page>({ offset: 0 });
  const [field, direction] = controls.order.split(':') as [JobOrderField, OrderDirection];
  const view: JobsView = {
    ...(page.before ? { last: PAGE_SIZE, before: page.before } : { first: PAGE_SIZE, after: page.after }),
    filter: filterOf(controls),
    orderBy: { field, direction },
  };
  return {
    controls,
    view,
    offset: page.offset,
    setControls(next: JobsControls) {
      setControlsState(next);
      setPage({ offset: 0 });
    },
    next: (endCursor: string, shown: number) => setPage((p) => ({ offset: p.offset + shown, after: endCursor })),
    previous: (startCursor: string) => setPage((p) => ({ offset: Math.max(0, p.offset - PAGE_SIZE), before: startCursor })),
  };
}
