// Backpressure on expensive reads: root query fields that answer lists (jobs, tasks,
// notifications, …, and any connection added later) run at most MAX_CONCURRENT_LIST_READS at a
// time per instance. A read over the limit waits at most LIST_READ_WAIT_MS for its turn, then
// is answered SERVICE_UNAVAILABLE (HTTP 503, Retry-After) instead of queueing on the database:
// 300 clients asking for every job at once made the instance unusable for minutes, including
// for light reads like job(id), which stay unlimited here.
import { getNamedType, getNullableType, getOperationAST, isListType, Kind, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ServiceUnavailableError } from '../errors.ts';
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

const listFields = new WeakMap<GraphQLSchema, Set<string>>();

function listRootFields(schema: GraphQLSchema): Set<string> {
  let names = listFields.get(schema);
  if (!names) {
    const fields = Object.values(schema.getQueryType()?.getFields() ?? {});
    names = new Set(fields.filter((f) => isListType(getNullableType(f.type)) || getNamedType(f.type).name.endsWith('Connection')).map((f) => f.name));
    listFields.set(schema, names);
  }
  return names;
}

export function useListReadLimit(slots: Slots): Plugin {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'query') return;
      const lists = listRootFields(args.schema);
      const expensive = operation.selectionSet.selections.some((s) => s.kind !== Kind.FIELD || lists.has(s.name.value));
      if (!expensive) return;
      if (!(await slots.acquire(LIST_READ_WAIT_MS))) {
        setResultAndStopExecution({
          errors: [toGraphQLError(undefined, new ServiceUnavailableError('too many expensive reads in progress on this instance, retry shortly', 1))],
        });
        return;
      }
      let released = false;
      const release = () => {
        if (!released) slots.release();
        released = true;
      };
      return { onExecuteDone: release };
    },
  };
}
