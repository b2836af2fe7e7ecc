import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repositoryRoot } from '../config.js';
import { resolvers } from '../modules/registry.js';
import { buildApiSchema, printApiSchema } from './schema.js';

it('schema/schema.graphql matches the schema the code builds', async () => {
  const committed = await readFile(path.join(repositoryRoot, 'schema', 'schema.graphql'), 'utf8');
  const built = printApiSchema(await buildApiSchema(resolvers));
  expect(committed === built, 'schema/schema.graphql is stale: run `npx -y pnpm@10 schema` and commit the result').toBe(true);
});
