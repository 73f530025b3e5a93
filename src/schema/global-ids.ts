// Relay's global object ids, exposed as `nodeId` because `id` keeps its Elasticsearch meaning (a
// job and a datafeed may share an id). A global id is base64 of `<Type>:<id>`: opaque to clients,
// unique across types, and decoded without a lookup.
import { BadInputError } from '../errors.ts';

export const NODE_TYPES = ['Job', 'Datafeed', 'Task', 'Calendar', 'Annotation', 'ApiKey'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const toNodeId = (type: NodeType, id: string | bigint): string => Buffer.from(`${type}:${id}`, 'utf8').toString('base64');

export interface DecodedNodeId {
  type: NodeType;
  id: string;
}

/** The type and id inside a global id; BAD_USER_INPUT for anything this service did not issue. */
export function fromNodeId(nodeId: string): DecodedNodeId {
  const text = nodeId.length <= 1024 ? Buffer.from(nodeId, 'base64').toString('utf8') : '';
  const colon = text.indexOf(':');
  const type = text.slice(0, colon) as NodeType;
  const id = text.slice(colon + 1);
  // Re-encoding must give the same string: base64 decoding ignores stray characters.
  if (colon < 1 || !NODE_TYPES.includes(type) || !id || toNodeId(type, id) !== nodeId) {
    throw new BadInputError(`invalid nodeId [${nodeId.slice(0, 64)}]`);
  }
  return { type, id };
}
