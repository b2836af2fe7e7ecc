import type { Viewer } from '../../graphql/context.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import { StaffRole } from '../../domain/enums.js';

/**
 * What can be read or written. `personalData` covers the fields that identify a person (customer
 * name, company, email, phone, external id, free texts of interactions, survey comments and handoff
 * context): without read they are masked (see masking.ts), without write they cannot be set.
 * Purchases carry the money: amounts, lifetime value and revenue are read with `purchases`
 * (`metrics` for the reports), so analysts see every figure.
 */
export const RESOURCES = [
  'customers',
  'personalData',
  'purchases',
  'interactions',
  'surveys',
  'handoffs',
  'metrics',
  'acquisitionSpend',
  'teamSla',
  'import',
  'staff',
  'apiKeys',
  'auditLog',
  'privacyExport',
  'privacyErase',
] as const;

export type Resource = (typeof RESOURCES)[number];

export type Action = 'read' | 'write';

/** Scopes an API key can carry (see the api-keys module). */
export type ApiKeyScope = 'READ' | 'WRITE' | 'IMPORT';

type Grants = Partial<Record<Resource, readonly Action[]>>;
const RW = ['read', 'write'] as const;
const R = ['read'] as const;
const W = ['write'] as const;

/** Everything a staff member with this role may do; anything absent is refused. The README shows this table. */
export const PERMISSION_MATRIX: Record<StaffRole, Grants> = {
  [StaffRole.ADMIN]: {
    customers: RW, personalData: RW, purchases: RW, interactions: RW, surveys: RW, handoffs: RW, metrics: R,
    acquisitionSpend: RW, teamSla: RW, import: W, staff: RW, apiKeys: RW, auditLog: R, privacyExport: R, privacyErase: W,
  },
  [StaffRole.MANAGER]: {
    customers: RW, personalData: RW, purchases: RW, interactions: RW, surveys: RW, handoffs: RW, metrics: R,
    acquisitionSpend: RW, teamSla: RW, import: W, staff: R, auditLog: R, privacyExport: R,
  },
  [StaffRole.SALES]: {
    customers: RW, personalData: RW, purchases: RW, interactions: RW, surveys: RW, handoffs: RW, teamSla: R, staff: R,
  },
  [StaffRole.SERVICE]: {
    customers: RW, personalData: RW, purchases: RW, interactions: RW, surveys: RW, handoffs: RW, teamSla: R, staff: R,
  },
  [StaffRole.SUCCESS]: {
    customers: RW, personalData: RW, purchases: R, interactions: RW, surveys: RW, handoffs: RW, metrics: R, teamSla: R, staff: R,
  },
  [StaffRole.MARKETING]: {
    customers: RW, personalData: RW, purchases: R, interactions: RW, surveys: RW, handoffs: R, metrics: R,
    acquisitionSpend: RW, teamSla: R, staff: R,
  },
  [StaffRole.ANALYST]: {
    customers: R, purchases: R, interactions: R, surveys: R, handoffs: R, metrics: R, acquisitionSpend: R, teamSla: R, staff: R,
  },
};

/** Resources no API key may touch whatever its scopes: people and keys are managed by admins in person. */
const NEVER_FOR_API_KEYS: ReadonlySet<Resource> = new Set(['staff', 'apiKeys', 'auditLog', 'privacyErase']);

/** Whether the viewer (staff member or API key) may take this action on this resource. */
export function can(viewer: Viewer, action: Action, resource: Resource): boolean {
  if (viewer.apiKey) {
    if (NEVER_FOR_API_KEYS.has(resource)) return false;
    // A key limited to some resources gets personal data only when it names `personalData` too.
    if (viewer.apiKey.resources && !viewer.apiKey.resources.includes(resource)) return false;
    if (resource === 'import') return viewer.apiKey.scopes.includes('IMPORT');
    return viewer.apiKey.scopes.includes(action === 'read' ? 'READ' : 'WRITE');
  }
  const grants = PERMISSION_MATRIX[viewer.role as StaffRole];
  return grants?.[resource]?.includes(action) ?? false;
}

/** Throws FORBIDDEN, naming the role and what it lacks, unless `can` allows it. */
export function requirePermission(viewer: Viewer, action: Action, resource: Resource, field: string[] | null = null): void {
  if (can(viewer, action, resource)) return;
  const who = viewer.apiKey ? `API key "${viewer.apiKey.name}"` : `role ${viewer.role}`;
  throw new DomainError(ErrorCode.FORBIDDEN, `${who} may not ${action} ${describe(resource)}`, field);
}

/** Each resource in words, for messages and the README's table. */
export const RESOURCE_NAMES: Record<Resource, string> = {
  customers: 'customers',
  personalData: 'personal data',
  purchases: 'purchases',
  interactions: 'interactions',
  surveys: 'survey responses',
  handoffs: 'handoffs',
  metrics: 'metrics',
  acquisitionSpend: 'acquisition spend',
  teamSla: 'team SLAs',
  import: 'imports',
  staff: 'staff',
  apiKeys: 'API keys',
  auditLog: 'the audit log',
  privacyExport: 'privacy exports',
  privacyErase: 'privacy erasures',
};

function describe(resource: Resource): string {
  return RESOURCE_NAMES[resource];
}
