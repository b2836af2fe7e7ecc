import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StaffRole } from '../../domain/enums.js';
import { PERMISSION_MATRIX, RESOURCE_NAMES, RESOURCES } from './permissions.js';

const ROLES = Object.values(StaffRole);

/** The README's "Who may do what" table, generated from PERMISSION_MATRIX so the two cannot drift. */
function permissionTable(): string {
  const cell = (role: StaffRole, resource: (typeof RESOURCES)[number]) => PERMISSION_MATRIX[role][resource]?.join(', ') ?? '—';
  return [
    `| resource | ${ROLES.join(' | ')} |`,
    `| --- | ${ROLES.map(() => ':-:').join(' | ')} |`,
    ...RESOURCES.map((resource) => `| ${RESOURCE_NAMES[resource]} (\`${resource}\`) | ${ROLES.map((role) => cell(role, resource)).join(' | ')} |`),
  ].join('\n');
}

describe('the permission matrix', () => {
  it('is shown in the README exactly as PERMISSION_MATRIX says', async () => {
    const readme = await readFile(path.resolve(import.meta.dirname, '../../../../README.md'), 'utf8');
    const table = permissionTable();
    expect(readme.includes(table), `README.md's "Who may do what" must hold this table:\n${table}`).toBe(true);
  });

  it('lets the ANALYST write nothing and read no personal data, and only the ADMIN manage staff, API keys and erasure', () => {
    for (const resource of RESOURCES) expect(PERMISSION_MATRIX.ANALYST[resource]?.includes('write') ?? false, resource).toBe(false);
    expect(PERMISSION_MATRIX.ANALYST.personalData).toBeUndefined();
    for (const resource of ['staff', 'apiKeys', 'privacyErase'] as const) {
      expect(ROLES.filter((role) => PERMISSION_MATRIX[role][resource]?.includes('write')), resource).toEqual([StaffRole.ADMIN]);
    }
  });
});
