import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFile(path.join(root, file), 'utf8');

describe('README', () => {
  it('opens with the start command and the test command', async () => {
    const readme = await read('README.md');
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
    expect(blocks.slice(0, 2)).toEqual([
      'npx -y pnpm@10 install --frozen-lockfile && npx -y pnpm@10 start',
      'npx -y pnpm@10 install --frozen-lockfile && npx -y pnpm@10 test',
    ]);
    const ci = await read('.ci/run');
    expect(ci).toContain(`\n${blocks[1]}\n`);
  });

  it('documents every environment variable the server reads', async () => {
    const [readme, config] = await Promise.all([read('README.md'), read('api/src/config.ts')]);
    const names = new Set([...config.matchAll(/env(?:\.|, ')([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]!));
    expect(names.size).toBeGreaterThan(10);
    for (const name of names) expect(readme, name).toContain(`\`${name}\``);
  });
});
