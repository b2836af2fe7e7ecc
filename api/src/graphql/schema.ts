import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import './enums.js';
import { dropPropertyResolvers } from './property-resolvers.js';

/**
 * Builds the executable schema from the resolvers the registry lists (passed in, since this
 * folder knows no module). Types are sorted so the emitted file diffs cleanly.
 */
export async function buildApiSchema(resolvers: readonly Function[]): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: resolvers as unknown as NonEmptyArray<Function>,
    validate: false,
    emitSchemaFile: false,
  });
  const sorted = lexicographicSortSchema(schema);
  dropPropertyResolvers(sorted);
  return sorted;
}

export function printApiSchema(schema: GraphQLSchema): string {
  return `# Emitted from the code by \`pnpm schema\`; do not edit by hand.\n\n${printSchema(schema)}\n`;
}
