// Cursor pages (Relay connections) by keyset: a page is "the n rows after (or before) this sort
// key", one indexed range read whatever the page's position, never an OFFSET that reads and
// skips every row before it. A cursor holds the order it was made for, the row's sort key and
// its id (the tie-breaker), so it stays valid while rows come and go.
import { Prisma } from '../generated/prisma/client.ts';
import { BadInputError } from '../errors.ts';

export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 50;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

interface Cursor {
  key: string;
  id: string;
}

/** How a list is ordered: a sort key (with the SQL type to read a cursor's key back as) then the id. */
export interface KeysetOrder {
  /** Names the order inside cursors: a cursor of another order is refused, not misread. */
  name: string;
  key: Prisma.Sql;
  keyType: 'text' | 'bigint' | 'timestamptz';
  id: Prisma.Sql;
  descending: boolean;
}

export interface KeysetPlan {
  /** The page's bounds (after `after`, before `before`), to AND with the filter. */
  bounds: Prisma.Sql;
  /** Rows on the other side of the cursor the page starts from: whether a page exists there. */
  beyond: Prisma.Sql;
  orderBy: Prisma.Sql;
  /** The page size plus one: the extra row says whether there is more. */
  limit: number;
  backward: boolean;
  size: number;
}

export interface KeyedRow {
  id: string;
  cursorKey: string;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const encode = (order: KeysetOrder, row: KeyedRow) => Buffer.from(JSON.stringify([order.name, row.cursorKey, row.id])).toString('base64url');

function decode(order: KeysetOrder, cursor: string, arg: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((part) => typeof part === 'string') || parsed[0] !== order.name) {
    throw new BadInputError(`invalid cursor in [${arg}]: use a cursor of this list in the same order`);
  }
  return { key: parsed[1], id: parsed[2] };
}

function size(value: number | null | undefined, arg: string): number | undefined {
  if (value == null) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE) throw new BadInputError(`${arg} must be between 0 and ${MAX_PAGE}, got ${value}`);
  return value;
}

/** The SQL pieces of one page; BAD_USER_INPUT for sizes out of range, both first and last, or foreign cursors. */
export function planPage(args: PageArgs, order: KeysetOrder): KeysetPlan {
  const first = size(args.first, 'first');
  const last = size(args.last, 'last');
  if (first !== undefined && last !== undefined) throw new BadInputError('give first or last, not both');
  const after = args.after ? decode(order, args.after, 'after') : undefined;
  const before = args.before ? decode(order, args.before, 'before') : undefined;
  const backward = last !== undefined;
  const pageSize = last ?? first ?? DEFAULT_PAGE;

  const tuple = Prisma.sql`(${order.key}, ${order.id})`;
  const at = (cursor: Cursor) => Prisma.sql`(${cursor.key}::${Prisma.raw(order.keyType)}, ${cursor.id}::text)`;
  const [later, earlier] = order.descending ? ['<', '>'] : ['>', '<'];
  const cmp = (op: string, cursor: Cursor) => Prisma.sql`${tuple} ${Prisma.raw(op)} ${at(cursor)}`;
  const conditions = [after && cmp(later, after), before && cmp(earlier, before)].filter((c): c is Prisma.Sql => !!c);
  const start = backward ? before : after;
  const beyond = start ? cmp(backward ? `${later}=` : `${earlier}=`, start) : Prisma.sql`false`;
  const descending = order.descending !== backward;
  const dir = Prisma.raw(descending ? 'DESC' : 'ASC');
  return {
    bounds: conditions.length ? Prisma.join(conditions, ' AND ') : Prisma.sql`true`,
    beyond,
    orderBy: Prisma.sql`${order.key} ${dir}, ${order.id} ${dir}`,
    limit: pageSize + 1,
    backward,
    size: pageSize,
  };
}

/** The page of `rows` (read with the plan's order and limit), in list order, with cursors and page info. */
export function pageOf<T extends { id: string | bigint }>(
  plan: KeysetPlan,
  order: KeysetOrder,
  keyed: KeyedRow[],
  rows: T[],
  beyond: boolean,
): Page<T> {
  const more = keyed.length > plan.size;
  const inPage = keyed.slice(0, plan.size);
  if (plan.backward) inPage.reverse();
  const byId = new Map(rows.map((row) => [String(row.id), row]));
  // A row deleted between the two reads is left out rather than answered half.
  const edges = inPage.flatMap((k) => {
    const node = byId.get(k.id);
    return node ? [{ cursor: encode(order, k), node }] : [];
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: plan.backward ? beyond : more,
      hasPreviousPage: plan.backward ? more : beyond,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
