import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '..');
const requireFromApi = createRequire(path.join(root, 'api', 'package.json'));

export default defineConfig({
  root,
  // graphql ships index.mjs (which Vite picks) beside the CommonJS main that Node, type-graphql and
  // Apollo load: point Vite at the same file, or two copies of graphql fail each other's
  // instanceof checks on our own scalars.
  resolve: { alias: [{ find: /^graphql$/, replacement: requireFromApi.resolve('graphql') }] },
  test: {
    include: ['api/src/**/*.test.ts', 'admin/src/**/*.test.ts', 'test/api/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/bench/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Each file gets its own database and server; PostgreSQL and scrypt like a core each.
    fileParallelism: true,
    maxWorkers: 2,
    // Integration tests share 2 cores with PostgreSQL and Chromium: a generous ceiling, never a speed assertion.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
