// Work whose caller went away stops on the database too. An HTTP request runs in a scope
// (withAbandonment); the API pool's connections checked out inside it are tied to it. When the
// scope's signal aborts (the client closed its connection before the answer), each connection
// the request still holds gets PostgreSQL's cancel request for the statement it runs (a query
// waiting for a lock or scanning is stopped at once, instead of at statement_timeout), and is
// closed instead of going back to the pool when released: a late cancel can then never hit
// another request's statement on a reused connection. Later checkouts in the scope fail at once,
// so no further statement starts.
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

interface Scope {
  signal: AbortSignal;
}

const storage = new AsyncLocalStorage<Scope>();

/** Runs `work` in a scope whose connections are cancelled and closed when `signal` aborts. */
export function withAbandonment<T>(signal: AbortSignal, work: () => T): T {
  return storage.run({ signal }, work);
}

/** The signal of the request being served: aborted once its client has gone away. */
export function abandonmentSignal(): AbortSignal | undefined {
  return storage.getStore()?.signal;
}

/** Runs `work` outside any request's scope: work shared by several requests (db/fresh-reads.ts). */
export function apartFromAbandonment<T>(work: () => T): T {
  return storage.exit(work);
}

/** What a checkout in an abandoned scope fails with (a request nobody waits for). */
export class AbandonedError extends Error {
  readonly code = 'ABANDONED';
  constructor() {
    super('the client went away: no further statement is started for it');
  }
}

/** The statement a client runs now, and pg's cancel(): both in pg, neither in its types. */
const activeQueryOf = (client: pg.PoolClient) => (client as unknown as { activeQuery?: unknown }).activeQuery;
type Canceller = { cancel(client: pg.PoolClient, query: unknown): void; connection: { on(event: 'error', fn: () => void): void } };

/**
 * Makes `pool`'s checkouts (pool.query's too: it checks out through pool.connect) known to the
 * current scope. `connectionString` reaches the server for the cancel requests.
 */
export function cancelWhenAbandoned(pool: pg.Pool, connectionString: string): void {
  const connect = pool.connect.bind(pool) as (
    cb?: (err: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void,
  ) => unknown;
  const cancel = (client: pg.PoolClient) => {
    const query = activeQueryOf(client);
    // An unconnected client: its cancel() opens a connection of its own that carries only the
    // cancel request (the backend's pid and secret), which the server then closes.
    if (!query) return;
    const canceller = new pg.Client({ connectionString }) as unknown as Canceller;
    // Best effort: a cancel that cannot be sent leaves the statement to statement_timeout.
    canceller.connection.on('error', () => {});
    canceller.cancel(client, query);
  };
  const own = (scope: Scope, client: pg.PoolClient) => {
    const release = client.release;
    const onAbort = () => cancel(client);
    scope.signal.addEventListener('abort', onAbort, { once: true });
    client.release = (err?: Error | boolean) => {
      scope.signal.removeEventListener('abort', onAbort);
      client.release = release;
      return release.call(client, err ?? (scope.signal.aborted || undefined));
    };
    return client;
  };
  pool.connect = ((cb?: (err: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void) => {
    const scope = storage.getStore();
    if (!scope) return connect(cb);
    if (scope.signal.aborted) {
      if (cb) return void cb(new AbandonedError());
      return Promise.reject(new AbandonedError());
    }
    if (cb)
      return connect((err, client) => {
        if (err || !client) return cb(err, client);
        const owned = own(scope, client);
        cb(undefined, owned, (e) => owned.release(e as Error));
      });
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      // Abandoned while waiting for a connection: give it back unused.
      if (!scope.signal.aborted) return own(scope, client);
      client.release();
      throw new AbandonedError();
    });
  }) as typeof pool.connect;
}
