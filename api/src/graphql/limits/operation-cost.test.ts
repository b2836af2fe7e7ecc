import 'reflect-metadata';
import { isObjectType } from 'graphql';
import { expect, it } from 'vitest';
import { resolvers } from '../../modules/registry.js';
import { buildApiSchema } from '../schema.js';
import { FIELD_COSTS } from './operation-cost.js';

it('prices only fields the schema has, so a renamed field cannot silently fall back to the default cost', async () => {
  const schema = await buildApiSchema(resolvers);
  const missing = Object.keys(FIELD_COSTS).filter((coordinate) => {
    const [typeName, fieldName] = coordinate.split('.') as [string, string];
    const type = schema.getType(typeName);
    return !isObjectType(type) || !type.getFields()[fieldName];
  });
  expect(missing).toEqual([]);
});
