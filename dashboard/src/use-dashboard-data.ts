// The page of jobs in view (search, filter, order, cursor), the jobs being deleted and the recent
// deletion tasks: read at once when the view changes and on refresh() (after an action, on job
// events: use-live.ts). One read at a time, so answers never arrive out of order; an answer for a
// view no longer shown is dropped.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { DashboardJobFragment, DashboardQuery as PageIds, DashboardQueryVariables, DashboardTaskFragment } from './generated/graphql.ts';
import { ApiError, request } from './graphql-client.ts';
import { DashboardQuery, DELETE_ACTION, JobsByIdQuery } from './operations.ts';

export type Job = DashboardJobFragment;
export type Task = DashboardTaskFragment;
export type JobsView = Omit<DashboardQueryVariables, 'actions'>;

export interface DashboardData {
  page: Omit<PageIds['jobsConnection'], 'edges'> & { jobs: Job[] };
  /** Every job being deleted (up to 100), wherever it is in the list. */
  deleting: Job[];
  /** Jobs in all. */
  fleet: number;
  tasks: Task[];
}

const isJob = (node: object): node is Job => 'nodeId' in node;

async function load(apiKey: string, view: JobsView): Promise<DashboardData> {
  const ids = await request(apiKey, DashboardQuery, { ...view, actions: DELETE_ACTION });
  const pageIds = ids.jobsConnection.edges.map((e) => e.node.nodeId);
  const deletingIds = ids.deleting.edges.map((e) => e.node.nodeId);
  const wanted = [...new Set([...pageIds, ...deletingIds])];
  const { nodes } = wanted.length ? await request(apiKey, JobsByIdQuery, { nodeIds: wanted }) : { nodes: [] };
  const byId = new Map<string, Job>();
  for (const node of nodes) if (node && isJob(node)) byId.set(node.nodeId, node);
  const jobsOf = (list: string[]) => list.flatMap((id) => byId.get(id) ?? []);
  const { edges: _ids, ...page } = ids.jobsConnection;
  return { page: { ...page, jobs: jobsOf(pageIds) }, deleting: jobsOf(deletingIds), fleet: ids.fleet.totalCount, tasks: ids.tasks };
}

export interface DashboardState {
  data?: DashboardData;
  /** The view `data` answers. */
  view?: JobsView;
  updatedAt?: Date;
  /** The last refresh failed (earlier data is kept). */
  error?: ApiError;
}

export function useDashboardData(apiKey: string, view: JobsView, onUnauthenticated: (error: ApiError) => void) {
  const [state, setState] = useState<DashboardState>({});
  const running = useRef(false);
  const again = useRef(false);
  const alive = useRef(true);
  const viewKey = JSON.stringify(view);
  const current = useRef(view);
  current.current = view;
  const onAuthFailure = useRef(onUnauthenticated);
  onAuthFailure.current = onUnauthenticated;

  const refresh = useCallback(async () => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    try {
      do {
        again.current = false;
        const asked = current.current;
        try {
          const data = await load(apiKey, asked);
          if (alive.current && JSON.stringify(asked) === JSON.stringify(current.current)) setState({ data, view: asked, updatedAt: new Date() });
          else again.current = alive.current;
        } catch (err) {
          const error = err instanceof ApiError ? err : new ApiError(String(err));
          if (!alive.current) return;
          if (error.code === 'UNAUTHENTICATED') return onAuthFailure.current(error);
          setState((s) => ({ ...s, error }));
        }
      } while (again.current && alive.current);
    } finally {
      running.current = false;
    }
  }, [apiKey]);

  useEffect(() => void refresh(), [viewKey, refresh]);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  return { ...state, refresh };
}
