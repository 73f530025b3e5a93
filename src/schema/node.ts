// Relay object identification: the Node interface, `nodeId` on every cacheable type, and
// node(nodeId)/nodes(nodeIds). Each id is loaded through the operation's loaders (a list of ids
// costs one query per type) and checked against the privilege its type's own query needs.
import { BadInputError } from '../errors.ts';
import type { Context } from '../context.ts';
import { builder } from './builder.ts';
import { fromNodeId, toNodeId, type NodeType } from './global-ids.ts';
import { authorize } from './guard.ts';
import { loadersOf } from './loaders.ts';

const NODE_ID_DESCRIPTION = 'Opaque, unique across every type, stable for the life of the object.';

/** Which type each object reached through node/nodes is (they are plain rows). */
const nodeTypes = new WeakMap<object, NodeType>();

export const Node = builder.interfaceRef<object>('Node').implement({
  description:
    'Relay object identification. The global id is `nodeId`, because `id` keeps its Elasticsearch meaning (a job and a datafeed may have the same id). Relay clients set `nodeInterfaceIdField: "nodeId"` and `nodeInterfaceIdVariableName: "nodeId"`.',
  resolveType: (value) => nodeTypes.get(value)!,
  fields: (t) => ({
    nodeId: t.id({ description: NODE_ID_DESCRIPTION, resolve: () => '' }),
  }),
});

/** The `nodeId` field of a type that implements Node (each has its own `id`): `nodeId: t.id(nodeIdOf('Job'))`. */
export const nodeIdOf = (type: NodeType) => ({
  description: NODE_ID_DESCRIPTION,
  resolve: (value: { id: string | bigint }) => toNodeId(type, value.id),
});

/** The query whose privilege reading a node of each type needs (ApiKey: also the caller's own key). */
const READ_AS = { Job: 'job', Datafeed: 'datafeed', Task: 'task', Calendar: 'calendar', Annotation: 'annotations', ApiKey: 'apiKeys' } as const;

export const MAX_NODES = 500;

async function loadNode(ctx: Context, nodeId: string): Promise<object | null> {
  const principal = authorize(ctx, 'node');
  const { type, id } = fromNodeId(nodeId);
  if (!(type === 'ApiKey' && id === principal.keyId)) authorize(ctx, READ_AS[type]);
  const loaders = loadersOf(ctx);
  const load = {
    Job: loaders.job,
    Datafeed: loaders.datafeed,
    Task: loaders.task,
    Calendar: loaders.calendar,
    Annotation: loaders.annotation,
    ApiKey: loaders.apiKey,
  }[type] as { load(id: string): Promise<object | null> };
  const value = await load.load(id);
  if (value) nodeTypes.set(value, type);
  return value;
}

builder.queryFields((t) => ({
  node: t.field({
    type: Node,
    nullable: true,
    description: 'The object with this global id; null when it does not exist (any more).',
    args: { nodeId: t.arg.id({ required: true, description: 'A `nodeId` this service issued.' }) },
    resolve: (_parent, { nodeId }, ctx) => loadNode(ctx, nodeId),
  }),
  nodes: t.field({
    type: [Node],
    nullable: { list: false, items: true },
    description: `The objects with these global ids, in their order; null for each that does not exist. At most ${MAX_NODES} ids.`,
    args: { nodeIds: t.arg.idList({ required: true, description: 'Ids this service issued.' }) },
    resolve: (_parent, { nodeIds }, ctx) => {
      if (nodeIds.length > MAX_NODES) throw new BadInputError(`nodes takes at most ${MAX_NODES} ids, got ${nodeIds.length}`);
      return Promise.all(nodeIds.map((nodeId) => loadNode(ctx, nodeId)));
    },
  }),
}));
