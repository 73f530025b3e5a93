// The deletion history, a page of tasks at a time (tasksConnection, newest first), read again
// whenever the dashboard refreshes (`version`), so outcomes appear as tasks end.
import { useEffect, useState } from 'preact/hooks';
import type { DashboardTaskHistoryQuery } from './generated/graphql.ts';
import { request } from './graphql-client.ts';
import { DELETE_ACTION, TaskHistoryQuery } from './operations.ts';

export const HISTORY_PAGE = 10;

type Cursor = { offset: number; after?: string; before?: string };

export function useTaskHistory(apiKey: string, version: unknown) {
  const [cursor, setCursor] = useState<Cursor>({ offset: 0 });
  const [page, setPage] = useState<DashboardTaskHistoryQuery['tasksConnection']>();
  useEffect(() => {
    let alive = true;
    const vars = cursor.before ? { last: HISTORY_PAGE, before: cursor.before } : { first: HISTORY_PAGE, after: cursor.after };
    request(apiKey, TaskHistoryQuery, { actions: DELETE_ACTION, ...vars }).then(
      (data) => alive && setPage(data.tasksConnection),
      () => undefined, // the dashboard's own refresh reports a failing service
    );
    return () => {
      alive = false;
    };
  }, [apiKey, cursor, version]);
  return {
    page,
    offset: cursor.offset,
    next: () => page?.pageInfo.endCursor && setCursor({ offset: cursor.offset + page.edges.length, after: page.pageInfo.endCursor }),
    previous: () => page?.pageInfo.startCursor && setCursor({ offset: Math.max(0, cursor.offset - HISTORY_PAGE), before: page.pageInfo.startCursor }),
  };
}
