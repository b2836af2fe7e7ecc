import { describe, expect, it } from 'vitest';
// The API's matrix and the README's copy of it, read as text: the console cannot import the API's code.
import apiPermissionsSource from '../../../api/src/modules/access/permissions.ts?raw';
import readme from '../../../README.md?raw';
import { enumValues, type StaffRole } from '../graphql/enums';
import { CONSOLE_PERMISSIONS, canAccessResource, homePath, mayAnswerHandoff, mayWithdrawHandoff, type ApiAction } from './permissions';

type Matrix = Record<string, Record<string, ApiAction[]>>;

const ACTIONS: Record<string, ApiAction[]> = { RW: ['read', 'write'], R: ['read'], W: ['write'] };

/** PERMISSION_MATRIX as written in api/src/modules/access/permissions.ts: `[StaffRole.X]: { resource: RW, … }`. */
function apiMatrix(source: string): Matrix {
  const body = source.slice(source.indexOf('export const PERMISSION_MATRIX'));
  const matrix: Matrix = {};
  for (const [, role, grants] of body.matchAll(/\[StaffRole\.(\w+)\]:\s*\{([^}]*)\}/g)) {
    matrix[role!] = Object.fromEntries([...grants!.matchAll(/(\w+):\s*(RW|R|W)\b/g)].map(([, resource, actions]) => [resource!, ACTIONS[actions!]!]));
  }
  return matrix;
}

/** The README's "Who may do what" table: one row per resource, one column per role. */
function readmeMatrix(text: string): Matrix {
  const section = text.slice(text.indexOf('## Who may do what'));
  const lines = section.split('\n').filter((line) => line.startsWith('|'));
  const roles = lines[0]!.split('|').slice(2, -1).map((cell) => cell.trim());
  const matrix: Matrix = Object.fromEntries(roles.map((role) => [role, {}]));
  for (const line of lines.slice(2)) {
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    const resource = /\(`(\w+)`\)/.exec(cells[0]!)?.[1];
    if (!resource) continue;
    roles.forEach((role, index) => {
      const cell = cells[index + 1]!;
      if (cell !== '—') matrix[role]![resource] = cell.split(',').map((action) => action.trim() as ApiAction);
    });
  }
  return matrix;
}

const consoleMatrix = (): Matrix =>
  Object.fromEntries(Object.entries(CONSOLE_PERMISSIONS).map(([role, grants]) => [role, Object.fromEntries(Object.entries(grants).map(([resource, actions]) => [resource, [...actions!]]))]));

describe('the console permission map', () => {
  it("equals the API's PERMISSION_MATRIX, role by role and resource by resource", () => {
    const api = apiMatrix(apiPermissionsSource);
    expect(Object.keys(api).sort()).toEqual([...enumValues.StaffRole].sort());
    expect(consoleMatrix()).toEqual(api);
  });

  it("equals the README's table", () => {
    expect(consoleMatrix()).toEqual(readmeMatrix(readme));
  });

  it('answers react-admin: an ANALYST reads but never writes, and sees no audit log, staff or API-key pages', () => {
    expect(canAccessResource('ANALYST', 'customers', 'list')).toBe(true);
    expect(canAccessResource('ANALYST', 'customers', 'show')).toBe(true);
    for (const action of ['create', 'edit', 'delete']) expect(canAccessResource('ANALYST', 'customers', action)).toBe(false);
    expect(canAccessResource('ANALYST', 'acquisitionSpend', 'list')).toBe(true);
    expect(canAccessResource('ANALYST', 'acquisitionSpend', 'create')).toBe(false);
    expect(canAccessResource('ANALYST', 'auditEvents', 'list')).toBe(false);
    expect(canAccessResource('ANALYST', 'staff', 'list')).toBe(false);
    expect(canAccessResource('ANALYST', 'apiKeys', 'list')).toBe(false);
    expect(canAccessResource('ANALYST', 'dashboard', 'list')).toBe(true);
  });

  it('shows Staff and API keys to ADMIN only, the audit log to ADMIN and MANAGER, the dashboard to who reads metrics', () => {
    const roles = enumValues.StaffRole as readonly StaffRole[];
    expect(roles.filter((role) => canAccessResource(role, 'staff', 'list'))).toEqual(['ADMIN']);
    expect(roles.filter((role) => canAccessResource(role, 'apiKeys', 'list'))).toEqual(['ADMIN']);
    expect(roles.filter((role) => canAccessResource(role, 'auditEvents', 'list'))).toEqual(['ADMIN', 'MANAGER']);
    expect(roles.filter((role) => !canAccessResource(role, 'dashboard', 'list'))).toEqual(['SALES', 'SERVICE']);
    // Owner pickers read staffUsers: every role.
    expect(roles.every((role) => canAccessResource(role, 'staffUsers', 'list'))).toBe(true);
    expect(canAccessResource(undefined, 'customers', 'list')).toBe(false);
    expect(canAccessResource('ADMIN', 'unknownThing', 'list')).toBe(false);
  });

  it('sends each role home: dashboard, handoff inbox or customers', () => {
    expect(['MANAGER', 'ADMIN', 'ANALYST'].map((role) => homePath(role as StaffRole))).toEqual(['/dashboard', '/dashboard', '/dashboard']);
    expect(['SERVICE', 'SUCCESS'].map((role) => homePath(role as StaffRole))).toEqual(['/handoffs', '/handoffs']);
    expect(['SALES', 'MARKETING'].map((role) => homePath(role as StaffRole))).toEqual(['/customers', '/customers']);
  });

  it('lets the receiving team, a MANAGER or an ADMIN answer a handoff, and the sending side withdraw it', () => {
    const viewer = (role: StaffRole, team: 'SALES' | 'SERVICE' | 'SUCCESS' | 'MARKETING' | null, id = 's1') => ({ id, role, team });
    expect(mayAnswerHandoff(viewer('SERVICE', 'SERVICE'), 'SERVICE')).toBe(true);
    expect(mayAnswerHandoff(viewer('SALES', 'SALES'), 'SERVICE')).toBe(false);
    expect(mayAnswerHandoff(viewer('MANAGER', 'SALES'), 'SERVICE')).toBe(true);
    expect(mayAnswerHandoff(viewer('ADMIN', null), 'SERVICE')).toBe(true);
    // MARKETING reads handoffs but may not write them.
    expect(mayAnswerHandoff(viewer('MARKETING', 'MARKETING'), 'MARKETING')).toBe(false);
    expect(mayAnswerHandoff(viewer('ANALYST', null), 'SERVICE')).toBe(false);
    expect(mayWithdrawHandoff(viewer('SALES', 'SALES'), { fromTeam: 'SALES' })).toBe(true);
    expect(mayWithdrawHandoff(viewer('SERVICE', 'SERVICE'), { fromTeam: 'SALES' })).toBe(false);
    expect(mayWithdrawHandoff(viewer('SUCCESS', 'SUCCESS', 'me'), { fromTeam: 'SALES', requestedById: 'me' })).toBe(true);
  });
});
