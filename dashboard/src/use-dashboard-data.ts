// The jobs and recent deletion tasks, refreshed every 2 s while the tab is visible and at once
// on refresh() (after an action). One request at a time, so answers never arrive out of order.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { DashboardQuery as DashboardData } from './generated/graphql.ts';
import { ApiError, request } from './graphql-client.ts';
import { DashboardQuery, DELETE_ACTION } from './operations.ts';

export type Job = DashboardData['jobs'][number];
export type Task = DashboardData['tasks'][number];

const POLL_MS = 2000;

export interface DashboardState {
  data?: DashboardData;
  updatedAt?: Date;
  /** The last refresh failed (earlier data is kept). */
  error?: ApiError;
}

export function useDashboardData(apiKey: string, onUnauthenticated: (error: ApiError) => void) {
  const [state, setState] = useState<DashboardState>({});
  const running = useRef(false);
  const again = useRef(false);
  const alive = useRef(true);
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
        try {
          const data = await request(apiKey, DashboardQuery, { actions: DELETE_ACTION });
          if (alive.current) setState({ data, updatedAt: new Date() });
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

  useEffect(() => {
    alive.current = true;
    void refresh();
    const timer = setInterval(() => document.hidden || void refresh(), POLL_MS);
    const onVisible = () => document.hidden || void refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive.current = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  return { ...state, refresh };
}
