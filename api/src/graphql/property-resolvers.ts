import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * type-graphql gives every field a resolver — for a plain property one that builds a
 * `resolverData` object and runs the (empty) middleware chain before reading `root[name]`. A 360
 * page executes about 2,700 fields, most of them such properties; graphql-js's default resolver
 * reads the same property and allocates nothing. This drops type-graphql's resolver from fields
 * that are plain properties: no field resolver method, no middleware (so never a `@PersonalData`
 * or `@Allowed` field), no auth roles, and a schema name equal to the property name. Answers the
 * number of fields changed.
 */
export function dropPropertyResolvers(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  const classByTypeName = new Map<string, Function>(storage.objectTypes.map((type) => [type.name, type.target]));
  const fieldsByClass = new Map<Function, (typeof storage.fields)[number][]>();
  for (const definition of [...storage.objectTypes, ...storage.interfaceTypes]) fieldsByClass.set(definition.target, definition.fields ?? []);
  const resolvedByClass = new Map<Function, Set<string>>();
  for (const resolver of storage.fieldResolvers) {
    const target = resolver.getObjectType?.();
    if (!target) continue;
    const names = resolvedByClass.get(target) ?? new Set<string>();
    names.add(resolver.schemaName);
    resolvedByClass.set(target, names);
  }

  let dropped = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const target = classByTypeName.get(type.name);
    if (!target) continue;
    // The class and the classes it extends (an event type inherits the interface's fields).
    const lineage: Function[] = [];
    for (let c: Function | null = target; c && c !== Function.prototype; c = Object.getPrototypeOf(c) as Function | null) lineage.push(c);
    for (const [name, field] of Object.entries(type.getFields())) {
      if (!field.resolve) continue;
      if (lineage.some((c) => resolvedByClass.get(c)?.has(name))) continue;
      const metadata = lineage.map((c) => fieldsByClass.get(c)?.find((f) => f.schemaName === name)).find(Boolean);
      if (!metadata || metadata.name !== metadata.schemaName || metadata.middlewares?.length || metadata.roles?.length) continue;
      field.resolve = undefined;
      dropped += 1;
    }
  }
  return dropped;
}
