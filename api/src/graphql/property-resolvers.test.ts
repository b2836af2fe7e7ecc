import { isObjectType, type GraphQLObjectType } from 'graphql';
import { expect, it } from 'vitest';
import { resolvers } from '../modules/registry.js';
import { buildApiSchema } from './schema.js';

it('leaves plain properties to the default resolver, and keeps every field resolver and every middleware (masking, permissions)', async () => {
  const schema = await buildApiSchema(resolvers);
  const field = (type: string, name: string) => (schema.getType(type) as GraphQLObjectType).getFields()[name]!;
  // Plain properties: read by graphql-js's default resolver.
  for (const [type, name] of [['Customer', 'id'], ['Customer', 'segment'], ['LifetimeValue', 'historicalValue'], ['InteractionEvent', 'occurredAt'], ['PageInfo', 'endCursor']]) {
    expect(field(type, name).resolve, `${type}.${name}`).toBeUndefined();
  }
  // Personal data (@PersonalData middleware) and computed fields (field resolvers, @Allowed) keep theirs.
  for (const [type, name] of [['Customer', 'name'], ['Customer', 'email'], ['Interaction', 'subject'], ['Handoff', 'summary'], ['Customer', 'lifetimeValue'], ['Customer', 'timeline'], ['Interaction', 'customer']]) {
    expect(field(type, name).resolve, `${type}.${name}`).toBeTypeOf('function');
  }
  const objectTypes = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));
  const plain = objectTypes.flatMap((t) => Object.values(t.getFields())).filter((f) => !f.resolve);
  expect(plain.length).toBeGreaterThan(100);
});
