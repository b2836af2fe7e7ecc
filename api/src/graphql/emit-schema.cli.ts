import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repositoryRoot } from '../config.js';
import { resolvers } from '../modules/registry.js';
import { buildApiSchema, printApiSchema } from './schema.js';

export const schemaFile = path.join(repositoryRoot, 'schema', 'schema.graphql');

const text = printApiSchema(await buildApiSchema(resolvers));
await writeFile(schemaFile, text);
console.log(`wrote ${path.relative(process.cwd(), schemaFile)} (${text.split('\n').length} lines)`);
