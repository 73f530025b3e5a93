// Relay cursor connections (https://relay.dev/graphql/connections.htm): the shared PageInfo and
// the paging arguments every connection takes.
import { MAX_PAGE, DEFAULT_PAGE, type Page } from '../db/keyset.ts';
import type { ArgBuilder, ObjectRef, SchemaTypes } from '@pothos/core';
import { builder } from './builder.ts';

export const PageInfo = builder.objectRef<Page<unknown>['pageInfo']>('PageInfo').implement({
  description: 'Relay cursor connections (https://relay.dev/graphql/connections.htm).',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', { description: 'More rows follow the page (with `last`/`before`: rows follow `before`).' }),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage', { description: 'Rows precede the page (with `first`/`after`: rows precede `after`).' }),
    startCursor: t.exposeString('startCursor', { nullable: true, description: "The first edge's cursor; null for an empty page." }),
    endCursor: t.exposeString('endCursor', { nullable: true, description: "The last edge's cursor; null for an empty page." }),
  }),
});

export const pageArgs = <Types extends SchemaTypes>(arg: ArgBuilder<Types>) => ({
  first: arg.int({
    description: `At most this many from the start (or after \`after\`), 0 to ${MAX_PAGE}; ${DEFAULT_PAGE} when neither first nor last is given.`,
  }),
  after: arg.string({ description: 'A cursor of this list: the page starts after it.' }),
  last: arg.int({ description: `At most this many from the end (or before \`before\`), 0 to ${MAX_PAGE}. Not with \`first\`.` }),
  before: arg.string({ description: 'A cursor of this list: the page ends before it.' }),
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The `<Type>Edge` and `<Type>Connection` of a node type. */
export function connectionOf<T>(node: ObjectRef<Types, T>, name: 'Job' | 'Task', totalCountDescription: string) {
  const Edge = builder.objectRef<Page<T>['edges'][number]>(`${name}Edge`).implement({
    description: `One ${name.toLowerCase()} of a page, with its cursor.`,
    fields: (t) => ({
      cursor: t.exposeString('cursor', { description: 'Pass as `after` (or `before`) to page on from this edge.' }),
      node: t.field({ type: node as ObjectRef<Types, unknown>, resolve: (edge) => edge.node }),
    }),
  });
  return builder.objectRef<Page<T> & { totalCount: number }>(`${name}Connection`).implement({
    description: `A page of ${name.toLowerCase()}s (Relay cursor connection).`,
    fields: (t) => ({
      edges: t.field({ type: [Edge], resolve: (page) => page.edges }),
      pageInfo: t.field({ type: PageInfo, resolve: (page) => page.pageInfo }),
      totalCount: t.exposeInt('totalCount', { description: totalCountDescription }),
    }),
  });
}
