// Kept apart from query-limits.ts (no decorators, no GraphQL imports) so config.ts can read the defaults.

/** Limits every operation must keep, checked before it executes (see README "Limits and hardening"). */
export interface QueryLimits {
  /** Deepest field nesting. */
  maxDepth: number;
  /** Most points one operation may cost (operation-cost.ts). */
  maxCost: number;
  /** Most aliased fields in one document. */
  maxAliases: number;
  /** Most lexical tokens in one document (checked before parsing). */
  maxTokens: number;
  /** Introspection's type lists (fields, inputFields, interfaces, possibleTypes) nested inside each other. */
  maxIntrospectionNesting: number;
}

/** Chosen so every query the console sends stays well under them (README "Limits and hardening"). */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 15,
  maxCost: 10_000,
  maxAliases: 100,
  maxTokens: 10_000,
  maxIntrospectionNesting: 1,
};
