// The cost of a query, checked against MAX_COST before it runs. graphql-armor's formula (a
// scalar 1, an object 2 plus its fields, each level below x1.5), with list sizes counted: a field
// that answers many objects multiplies the cost of what is selected below it by how many it may
// answer, so `jobs(ids: "_all") { counts { … } }` costs what 100 jobs' counts cost (the size is unknown) and
// `jobsConnection(first: 500)` five hundred nodes (graphql-armor counts only a literal `first`).
// The size of a list is, in this order: its `first` or `last` argument (a literal, a
// variable's value, or the argument's default; a connection without one: DEFAULT_PAGE), the
// length of a list argument (`nodes(nodeIds)`), or else ASSUMED_LIST_SIZE (a list whose size
// the query does not say: `jobs(ids)`, `apiKeys`). The edges/nodes of a connection count once:
// the connection's size already multiplies them. Over the limit: BAD_USER_INPUT (HTTP 400)
// "Query Cost limit of <max> exceeded, found <cost>.", before any resolver runs. Checked as the
// operation starts, not among the validation rules: yoga caches validation by document, and
// the cost depends on the variables.
import {
  getNamedType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromAST,
  valueFromASTUntyped,
  type ArgumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type DocumentNode,
  type ExecutionArgs,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  getOperationAST,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DEFAULT_PAGE } from '../db/keyset.ts';
import { answersList, isConnection, isConnectionType } from './list-fields.ts';
import { RequestLimitError } from '../errors.ts';
import { toGraphQLError } from '../schema/error-mapping.ts';

/** How many items a list counts for when the query does not bound it. */
export const ASSUMED_LIST_SIZE = 100;

const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_FACTOR = 1.5;
// Not `limit` (tasks): its default, 1000, would price every tasks query out; `tasks` counts as a list of unknown size.
const SIZE_ARGUMENTS = ['first', 'last'];

type Variables = Record<string, unknown> | undefined;

function argumentValue(field: GraphQLField<unknown, unknown>, node: ArgumentNode | undefined, name: string, variables: Variables): unknown {
  const definition = field.args.find((a) => a.name === name);
  if (!definition) return undefined;
  if (!node) return definition.defaultValue;
  if (node.value.kind === Kind.VARIABLE) return variables?.[node.value.name.value] ?? definition.defaultValue;
  return valueFromAST(node.value, definition.type, variables);
}

/** How many items `field` may answer (1 for a field that is not a list of objects). */
function listSize(field: GraphQLField<unknown, unknown>, node: FieldNode, parent: GraphQLNamedType, variables: Variables): number {
  if (!answersList(field.type)) return 1;
  // The edges/nodes of a connection count once: the connection's size already multiplies them.
  if (isConnectionType(parent)) return 1;
  const given = (name: string) =>
    argumentValue(
      field,
      node.arguments?.find((a) => a.name.value === name),
      name,
      variables,
    );
  for (const name of SIZE_ARGUMENTS) {
    const value = given(name);
    if (typeof value === 'number') return Math.max(1, value);
  }
  if (isConnection(field.type)) return DEFAULT_PAGE;
  for (const argument of field.args) {
    const value = given(argument.name);
    if (Array.isArray(value)) return Math.max(1, value.length);
  }
  return ASSUMED_LIST_SIZE;
}

class CostWalker {
  private readonly fragmentCosts = new Map<string, number>();
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Variables,
  ) {}

  /** Cost of a selection set on `type`, each selection one level down. */
  selections(set: SelectionSetNode, type: GraphQLNamedType | undefined, seen: ReadonlySet<string>): number {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) cost += DEPTH_FACTOR * this.field(selection, type, seen);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : type;
        // A fragment is a level, as graphql-armor counts it: nesting fragments is no way around the limit.
        cost += DEPTH_FACTOR * this.selections(selection.selectionSet, on ?? undefined, seen);
      } else {
        const name = selection.name.value;
        if (seen.has(name)) continue; // a cycle: refused by graphql's own NoFragmentCycles rule
        const fragment = this.fragments.get(name);
        if (!fragment) continue;
        const on = this.schema.getType(fragment.typeCondition.name.value) ?? undefined;
        cost +=
          DEPTH_FACTOR * (this.fragmentCosts.get(name) ?? this.remember(name, this.selections(fragment.selectionSet, on, new Set([...seen, name]))));
      }
    }
    return cost;
  }

  private remember(name: string, cost: number): number {
    this.fragmentCosts.set(name, cost);
    return cost;
  }

  private field(node: FieldNode, parent: GraphQLNamedType | undefined, seen: ReadonlySet<string>): number {
    // Introspection is exempt, as graphql-armor has it.
    if (node.name.value === '__schema') return 0;
    if (!node.selectionSet) return SCALAR_COST;
    const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[node.name.value] : undefined;
    const type = definition ? getNamedType(definition.type) : undefined;
    const size = definition && parent ? listSize(definition, node, parent, this.variables) : 1;
    return size * (OBJECT_COST + this.selections(node.selectionSet, type, seen));
  }
}

/** The cost of `operation` (of `document`) with these variables. */
export function costOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Variables): number {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  // A variable the request leaves out has its declared default (Relay's `$first: Int = 2`).
  const defaults = Object.fromEntries(
    (operation.variableDefinitions ?? []).flatMap((v) => (v.defaultValue ? [[v.variable.name.value, valueFromASTUntyped(v.defaultValue)]] : [])),
  );
  const walker = new CostWalker(schema, fragments, { ...defaults, ...variables });
  return walker.selections(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, new Set()) / DEPTH_FACTOR;
}

/**
 * MAX_COST on every operation (0: no limit). `exempt`: the texts of the service's own persisted
 * documents (dashboard, CLI), whose cost is known when they are written: a page of the
 * dashboard's job list counts 50 jobs with their counts and tasks.
 */
export function useQueryCost(maxCost: number, exempt: ReadonlySet<string> = new Set()): Plugin {
  const refusal = (args: ExecutionArgs) => {
    if (maxCost <= 0) return;
    const query = (args.contextValue as { params?: { query?: string } } | undefined)?.params?.query;
    if (query !== undefined && exempt.has(query)) return;
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return;
    const cost = costOf(args.schema, args.document, operation, (args.variableValues ?? undefined) as Variables);
    if (cost <= maxCost) return;
    const error = new RequestLimitError(`Query Cost limit of ${maxCost} exceeded, found ${Math.round(cost * 100) / 100}.`);
    return { errors: [toGraphQLError(undefined, error)] };
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refused = refusal(args);
      if (refused) setResultAndStopExecution(refused);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refused = refusal(args);
      if (refused) setResultAndStopExecution(refused);
    },
  };
}
