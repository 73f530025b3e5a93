// Backpressure on expensive reads: root query fields that answer lists (jobs, tasks,
// notifications, …, and any connection added later) run at most MAX_CONCURRENT_LIST_READS at a
// time per instance. A read over the limit waits at most LIST_READ_WAIT_MS for its turn, then
// is answered SERVICE_UNAVAILABLE (HTTP 503, Retry-After) instead of queueing on the database:
// 300 clients asking for every job at once made the instance unusable for minutes, including
// for light reads like job(id), which stay unlimited here.
//
// A slot limit alone is not enough on a small machine: answered heavy reads (a list of 1,000
// jobs is mostly CPU: rows mapped, fields resolved, JSON written) kept the event loop busy all
// the time, new connections queued in the kernel's accept queue behind hundreds of others, and a
// light read or /ready waited 10 s there for its turn, though no single callback blocked for
// more than 0.3 s. So while other expensive reads run (or one started within the last sample while other requests are in flight)
// and the event loop was busy more than MAX_EVENT_LOOP_UTILIZATION (percent) of that sample, an
// expensive read is refused at once instead of waiting for a slot: the instance keeps the rest
// of its time for light requests and for refusing quickly.
import { performance } from 'node:perf_hooks';
import { getOperationAST, Kind, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ServiceUnavailableError } from '../errors.ts';
import { answersList } from './list-fields.ts';
import { toGraphQLError } from '../schema/error-mapping.ts';

export const LIST_READ_WAIT_MS = 1_000;

/** A counting semaphore whose waiters give up after a while. */
export class Slots {
  private used = 0;
  private readonly queue: (() => void)[] = [];
  constructor(readonly size: number) {}

  get inUse(): number {
    return this.used;
  }
  get waiting(): number {
    return this.queue.length;
  }

  /** True once a slot is held (give it back with release()); false after `waitMs` without one. */
  async acquire(waitMs: number): Promise<boolean> {
    if (this.used < this.size) {
      this.used++;
      return true;
    }
    if (waitMs <= 0) return false;
    return new Promise<boolean>((resolve) => {
      const go = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.queue.splice(this.queue.indexOf(go), 1);
        resolve(false);
      }, waitMs);
      this.queue.push(go);
    });
  }

  release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.used--;
  }
}

/** Short enough to follow a burst, long enough not to flap on one slow callback. */
const LOOP_SAMPLE_MS = 250;

/** How busy this process's event loop was over the last sample (0 to 1), from performance.eventLoopUtilization(). */
export class LoopLoad {
  private last = performance.eventLoopUtilization();
  private timer: NodeJS.Timeout;
  utilization = 0;
  constructor(sampleMs = LOOP_SAMPLE_MS) {
    this.timer = setInterval(() => {
      const now = performance.eventLoopUtilization();
      this.utilization = performance.eventLoopUtilization(now, this.last).utilization;
      this.last = now;
    }, sampleMs).unref();
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

export interface ExpensiveReadLimit {
  slots: Slots;
  load: LoopLoad;
  /** Refuse at once above this event-loop utilization (0 to 1); 1 or more: never. */
  maxUtilization: number;
  /** HTTP requests being served now, this one included (http/admission.ts). */
  requestsInFlight: () => number;
}

const listFields = new WeakMap<GraphQLSchema, Set<string>>();

function listRootFields(schema: GraphQLSchema): Set<string> {
  let names = listFields.get(schema);
  if (!names) {
    const fields = Object.values(schema.getQueryType()?.getFields() ?? {});
    names = new Set(fields.filter((f) => answersList(f.type)).map((f) => f.name));
    listFields.set(schema, names);
  }
  return names;
}

const refusal = (message: string) => ({ errors: [toGraphQLError(undefined, new ServiceUnavailableError(message, 1))] });

export function useListReadLimit({ slots, load, maxUtilization, requestsInFlight }: ExpensiveReadLimit): Plugin {
  // When the last expensive read started: reads right after one another while other requests
  // are in flight are a crowd, not a lone one. One client's reads one after another (a script, a
  // dashboard paging: one request in flight, its own) are never refused for following each other.
  let lastStart = -Infinity;
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'query') return;
      const lists = listRootFields(args.schema);
      const expensive = operation.selectionSet.selections.some((s) => s.kind !== Kind.FIELD || lists.has(s.name.value));
      if (!expensive) return;
      // Busy with other expensive reads (running, or started within the last sample): refuse now.
      // A lone one waits its turn as usual (the loop may be busy with something else: a start, a
      // burst of light requests).
      const now = performance.now();
      const crowd = slots.inUse > 0 || (now - lastStart < LOOP_SAMPLE_MS && requestsInFlight() > 1);
      if (load.utilization > maxUtilization && crowd) {
        const busy = Math.round(load.utilization * 100);
        return setResultAndStopExecution(refusal(`this instance is busy (event loop ${busy}% used), retry shortly`));
      }
      if (!(await slots.acquire(LIST_READ_WAIT_MS)))
        return setResultAndStopExecution(refusal('too many expensive reads in progress on this instance, retry shortly'));
      lastStart = performance.now();
      let released = false;
      const release = () => {
        if (!released) slots.release();
        released = true;
      };
      return { onExecuteDone: release };
    },
  };
}
