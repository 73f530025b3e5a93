// Yoga's useExecutionCancellation, on a signal of each execution's own that the request scope
// aborts (serve-in-scope.ts: when the client goes away before its answer). The executor reads
// the signal before every field; yoga's request signal is a Proxy whose every property read
// builds a string, ~0.5 ms of CPU for a page of 500 jobs. The executor never removes its
// listener, which holds the execution's results: on the scope's own signal it lived as long as
// the scope (the bench's RSS peak rose by ~50 MB), so the scope's link to the execution's signal
// is removed when the execution ends. A socket's operations have no scope: graphql-ws ends them.
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { ExecutionArgs } from 'graphql';
import { abandonmentSignal } from '../db/held-connections.ts';

/** Gives the execution its signal; answers how to unlink it from the scope's. */
function withSignal(args: ExecutionArgs): () => void {
  const scope = abandonmentSignal();
  if (!scope) return () => {};
  const own = new AbortController();
  const abort = () => own.abort(scope.reason);
  if (scope.aborted) abort();
  else scope.addEventListener('abort', abort, { once: true });
  (args as ExecutionArgs & { signal?: AbortSignal }).signal = own.signal;
  return () => scope.removeEventListener('abort', abort);
}

/** Unlinks once the result is complete: a stream's (subscription, @defer) at its end. */
const untilEnd = (unlink: () => void, result: unknown) => (isAsyncIterable(result) ? { onEnd: unlink } : unlink());

export function useCancellationWhenAbandoned(): Plugin {
  return {
    onExecute({ args }) {
      const unlink = withSignal(args);
      return { onExecuteDone: ({ result }) => untilEnd(unlink, result) };
    },
    onSubscribe({ args }) {
      const unlink = withSignal(args);
      return { onSubscribeResult: ({ result }) => untilEnd(unlink, result), onSubscribeError: unlink };
    },
  };
}
