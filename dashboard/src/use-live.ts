// The page's one WebSocket (graphql-ws) and what it says about the jobs: a burst of jobEvents
// becomes one re-read of the page (at most one a second; none while the tab is hidden, one when
// it shows again), and a reconnect re-reads everything, since events sent while the socket was
// down are lost. Nothing polls: an idle tab costs an open socket.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createSubscriptionClient, subscribe, type ApiError } from './graphql-client.ts';
import { JobEventsSubscription } from './operations.ts';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

const MIN_REFRESH_GAP_MS = 1000;

export function useLive(apiKey: string, refresh: () => void, onStreamError: (error: ApiError) => void) {
  const client = useMemo(() => createSubscriptionClient(apiKey), [apiKey]);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const reRead = useRef(refresh);
  reRead.current = refresh;
  const streamError = useRef(onStreamError);
  streamError.current = onStreamError;

  useEffect(() => {
    let connectedBefore = false;
    let dirty = false;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      timer = undefined;
      if (document.hidden) {
        dirty = true;
        return;
      }
      dirty = false;
      last = Date.now();
      reRead.current();
    };
    const changed = () => {
      if (timer) return;
      timer = setTimeout(run, Math.max(0, last + MIN_REFRESH_GAP_MS - Date.now()));
    };
    const onVisible = () => dirty && !document.hidden && run();
    document.addEventListener('visibilitychange', onVisible);
    const offConnected = client.on('connected', () => {
      setStatus('live');
      if (connectedBefore) changed();
      connectedBefore = true;
    });
    const offClosed = client.on('closed', () => setStatus(connectedBefore ? 'reconnecting' : 'connecting'));
    const stop = subscribe(client, JobEventsSubscription, {}, { next: changed, error: (e) => streamError.current(e), complete: () => undefined });
    return () => {
      stop();
      offConnected();
      offClosed();
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
      void client.dispose();
    };
  }, [client]);

  return { client, status };
}
