// What counts as a list for the limits: a field that answers a GraphQL list, or a connection
// (a type named `…Connection`, the Relay convention the schema follows). The cost limit
// multiplies by its size (query-cost.ts); the list-read limit sheds root fields of this kind
// (load-shedding.ts).
import { getNamedType, getNullableType, isListType, type GraphQLNamedType, type GraphQLOutputType } from 'graphql';

export const isConnectionType = (type: GraphQLNamedType): boolean => type.name.endsWith('Connection');

export const isConnection = (type: GraphQLOutputType): boolean => isConnectionType(getNamedType(type));

export const answersList = (type: GraphQLOutputType): boolean => isListType(getNullableType(type)) || isConnection(type);
