import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isIntrospectionType,
  isLeafType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../connection.js';

/**
 * The cost model, in the spirit of GitHub's and Shopify's: a scalar costs nothing, an object 1,
 * a connection 1 plus `first` times what each of its items selects (plus 1 for `totalCount`),
 * so the cost grows with the rows an operation can make the server read. The fields below read
 * more than their own row (aggregates over a customer's history, one SQL statement per metric
 * family), so they cost more. A mutation costs MUTATION_COST plus one per item of a batch.
 */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  'Customer.lifetimeValue': 3,
  'Customer.satisfaction': 3,
  'Customer.health': 3,
  'Customer.slaState': 2,
  'Customer.lastInteractionAt': 1,
  // A connection over four tables (interactions, purchases, survey answers, handoff steps).
  'Customer.timeline': 2,
  'Query.metrics': 10,
  'Query.cohortRetention': 20,
  // Each metric family a report selects is one SQL statement over the whole period, whatever the buckets.
  'MetricPoint.satisfaction': 10,
  'MetricPoint.churn': 10,
  'MetricPoint.churnReasons': 10,
  'MetricPoint.customers': 10,
  'MetricPoint.revenue': 10,
  'MetricPoint.acquisition': 10,
  'MetricPoint.responseSla': 10,
  'MetricPoint.handoffs': 10,
};

/** Fixed cost of every mutation root field; batches add one per item. */
export const MUTATION_COST = 10;
/** `__schema` and `__type`: introspection is bounded by its own nesting limit, so it costs a flat fee. */
export const INTROSPECTION_COST = 10;
/** __Type fields through which introspection can recurse into further types. */
const INTROSPECTION_TYPE_LISTS = new Set(['fields', 'inputFields', 'interfaces', 'possibleTypes']);

export interface OperationAnalysis {
  /** What the operation may cost by the model above, with the coerced variables. */
  cost: number;
  /** Deepest field nesting (`{ a { b } }` is 2), fragments expanded. */
  depth: number;
  /** Aliased fields, counted at every place a fragment is used. */
  aliases: number;
  /** Deepest nesting of introspection's type lists (the standard introspection query needs 1). */
  introspectionNesting: number;
  /** The first connection asked for more than MAX_PAGE_SIZE items, as `Type.field`. */
  oversizedPage: { field: string; first: number } | null;
}

const EMPTY: OperationAnalysis = { cost: 0, depth: 0, aliases: 0, introspectionNesting: 0, oversizedPage: null };

function isConnectionField(field: GraphQLField<unknown, unknown>): boolean {
  return getNamedType(field.type).name.endsWith('Connection') && field.args.some((arg) => arg.name === 'first');
}

/**
 * Measures an operation before it runs: cost, depth, aliases. Fragments are measured once each
 * (memoised), so a document that spreads fragments into each other cannot make this walk explode.
 */
export function analyzeOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): OperationAnalysis {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, OperationAnalysis>();
  const isMutation = operation.operation === 'mutation';

  const included = (node: FieldNode | { directives?: FieldNode['directives'] }): boolean => {
    const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
    if (skip?.if === true) return false;
    const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
    return include?.if !== false;
  };

  function fieldDefinition(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
    if (name === '__schema' && parent === schema.getQueryType()) return SchemaMetaFieldDef;
    if (name === '__type' && parent === schema.getQueryType()) return TypeMetaFieldDef;
    return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  }

  function ownCost(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, isRoot: boolean): number {
    if (isRoot && isMutation) {
      const items = (args.input as { items?: unknown } | undefined)?.items;
      return MUTATION_COST + (Array.isArray(items) ? items.length : 0);
    }
    if (field === SchemaMetaFieldDef || field === TypeMetaFieldDef) return INTROSPECTION_COST;
    const named = getNamedType(field.type);
    if (isIntrospectionType(named) || isIntrospectionType(parent)) return 0;
    const explicit = FIELD_COSTS[`${parent.name}.${field.name}`];
    if (explicit !== undefined) return explicit;
    if (parent.name.endsWith('Connection') && field.name === 'totalCount') return 1;
    if (isLeafType(named) || named.name === 'PageInfo' || named.name.endsWith('Edge')) return 0;
    return 1;
  }

  function field(node: FieldNode, parent: GraphQLCompositeType, pageSize: number | null, isRoot: boolean): OperationAnalysis {
    const aliases = node.alias ? 1 : 0;
    const name = node.name.value;
    const definition = name === '__typename' ? undefined : fieldDefinition(parent, name);
    if (!definition) return { ...EMPTY, depth: 1, aliases };
    let args: Record<string, unknown> = {};
    try {
      args = getArgumentValues(definition, node, variables);
    } catch {
      // Invalid arguments fail in execution with their own error; measure with none.
    }
    const named = getNamedType(definition.type);
    let childPageSize: number | null = null;
    let oversizedPage: OperationAnalysis['oversizedPage'] = null;
    if (isConnectionField(definition)) {
      const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
      if (first > MAX_PAGE_SIZE) oversizedPage = { field: `${parent.name}.${name}`, first };
      childPageSize = Math.max(0, first);
    }
    const children = node.selectionSet && isCompositeType(named) ? selectionSet(node.selectionSet, named, childPageSize) : EMPTY;
    const multiplier = pageSize !== null && (name === 'nodes' || name === 'edges') ? pageSize : 1;
    const opensTypeList = parent.name === '__Type' && INTROSPECTION_TYPE_LISTS.has(name) ? 1 : 0;
    return {
      cost: multiplier * (ownCost(parent, definition, args, isRoot) + children.cost),
      depth: 1 + children.depth,
      aliases: aliases + children.aliases,
      introspectionNesting: opensTypeList + children.introspectionNesting,
      oversizedPage: oversizedPage ?? children.oversizedPage,
    };
  }

  function fragment(name: string, pageSize: number | null, isRoot: boolean): OperationAnalysis {
    const key = `${name}:${pageSize}:${isRoot}`;
    const known = memo.get(key);
    if (known) return known;
    const definition = fragments.get(name);
    const type = definition && schema.getType(definition.typeCondition.name.value);
    const result = definition && type && isCompositeType(type) ? selectionSet(definition.selectionSet, type, pageSize, isRoot) : EMPTY;
    memo.set(key, result);
    return result;
  }

  /** Fields for every item add up; fragments on different concrete types of an abstract parent are alternatives: the dearest counts. */
  function selectionSet(set: SelectionSetNode, parent: GraphQLCompositeType, pageSize: number | null, isRoot = false): OperationAnalysis {
    const total: OperationAnalysis = { ...EMPTY };
    const byTypeCondition = new Map<string, number>();
    const add = (part: OperationAnalysis, typeCondition: string | undefined) => {
      if (typeCondition && typeCondition !== parent.name && isAbstractType(parent)) {
        byTypeCondition.set(typeCondition, (byTypeCondition.get(typeCondition) ?? 0) + part.cost);
      } else {
        total.cost += part.cost;
      }
      total.depth = Math.max(total.depth, part.depth);
      total.aliases += part.aliases;
      total.introspectionNesting = Math.max(total.introspectionNesting, part.introspectionNesting);
      total.oversizedPage ??= part.oversizedPage;
    };
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        add(field(selection, parent, pageSize, isRoot), undefined);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        const type = condition ? schema.getType(condition) : parent;
        if (type && isCompositeType(type)) add(selectionSet(selection.selectionSet, type, pageSize, isRoot), condition);
      } else {
        const definition = fragments.get(selection.name.value);
        if (definition) add(fragment(selection.name.value, pageSize, isRoot), definition.typeCondition.name.value);
      }
    }
    total.cost += Math.max(0, ...byTypeCondition.values());
    return total;
  }

  const root = schema.getRootType(operation.operation);
  return root ? selectionSet(operation.selectionSet, root, null, true) : EMPTY;
}
