// The signed-in key's name and privileges (Query.currentApiKey), read once per sign-in: the page
// offers delete controls only to keys that may use them.
import { useEffect, useState } from 'preact/hooks';
import type { DashboardSessionQuery } from './generated/graphql.ts';
import { ApiError, request } from './graphql-client.ts';
import { SessionQuery, WRITE_PRIVILEGES } from './operations.ts';

export type SignedInKey = DashboardSessionQuery['currentApiKey'];

export function useSession(apiKey: string, onUnauthenticated: (error: ApiError) => void) {
  const [key, setKey] = useState<SignedInKey>();
  useEffect(() => {
    let alive = true;
    request(apiKey, SessionQuery, {}).then(
      (data) => alive && setKey(data.currentApiKey),
      (err: unknown) => alive && err instanceof ApiError && err.code === 'UNAUTHENTICATED' && onUnauthenticated(err),
    );
    return () => {
      alive = false;
    };
  }, [apiKey]);
  /** Unknown until the answer: no delete controls until then, so a read-only key never sees them flash. */
  const canWrite = Boolean(key?.privileges.some((p) => WRITE_PRIVILEGES.includes(p)));
  return { key, canWrite };
}
