import type { StaffRole, Team } from '../graphql/enums';

/**
 * What the signed-in role may do, as the console sees it: a copy of the API's PERMISSION_MATRIX
 * (api/src/modules/access/permissions.ts; permissions.test.ts proves the two equal). The API
 * enforces it; the console only hides what would be refused anyway.
 */
export type ApiResource =
  | 'customers'
  | 'personalData'
  | 'purchases'
  | 'interactions'
  | 'surveys'
  | 'handoffs'
  | 'metrics'
  | 'acquisitionSpend'
  | 'teamSla'
  | 'import'
  | 'staff'
  | 'apiKeys'
  | 'auditLog'
  | 'privacyExport'
  | 'privacyErase';

export type ApiAction = 'read' | 'write';

type Grants = Partial<Record<ApiResource, readonly ApiAction[]>>;
const RW = ['read', 'write'] as const;
const R = ['read'] as const;
const W = ['write'] as const;

export const CONSOLE_PERMISSIONS: Record<StaffRole, Grants> = {
  ADMIN: {
    customers: RW, personalData: RW, purchases: RW, interactions: RW, surveys: RW, handoffs: RW, metrics: R,
    acquisitionSpend: RW, teamSla: RW, import: W, staff: RW, apiKeys: RW, auditLog: R, privacyExport: R, privacyErase: W,
  },
  MANAGER: {
    customers: RW, personalData: RW, purchases: RW, interactions: RW, surveys: RW, handoffs: RW, metrics: R,
    acquisitionSpend: RW, teamSla: RW, import: W, staff: R, auditLog: R, privacyExport: R,
  },
  SALES: {
    customers: RW, personalData: RW, purchases: RW, interactions: RW, surveys: RW, handoffs: RW, teamSla: R, staff: R,
  },
  SERVICE: {
    customers: RW, personalData: RW, purchases: RW, interactions: RW, surveys: RW, handoffs: RW, teamSla: R, staff: R,
  },
  SUCCESS: {
    customers: RW, personalData: RW, purchases: R, interactions: RW, surveys: RW, handoffs: RW, metrics: R, teamSla: R, staff: R,
  },
  MARKETING: {
    customers: RW, personalData: RW, purchases: R, interactions: RW, surveys: RW, handoffs: R, metrics: R,
    acquisitionSpend: RW, teamSla: R, staff: R,
  },
  ANALYST: {
    customers: R, purchases: R, interactions: R, surveys: R, handoffs: R, metrics: R, acquisitionSpend: R, teamSla: R, staff: R,
  },
};

export function can(role: StaffRole | undefined, action: ApiAction, resource: ApiResource): boolean {
  if (!role) return false;
  return CONSOLE_PERMISSIONS[role]?.[resource]?.includes(action) ?? false;
}

/**
 * Which API resource each react-admin resource (and custom page) stands for, and the action its
 * pages need. Staff and API-key pages manage people and keys, so they need write (ADMIN only),
 * although every role reads the staff list (owner pickers use `staffUsers`).
 */
const RA_RESOURCES: Record<string, { resource: ApiResource; read: ApiAction }> = {
  customers: { resource: 'customers', read: 'read' },
  staffUsers: { resource: 'staff', read: 'read' },
  interactions: { resource: 'interactions', read: 'read' },
  purchases: { resource: 'purchases', read: 'read' },
  surveyResponses: { resource: 'surveys', read: 'read' },
  handoffs: { resource: 'handoffs', read: 'read' },
  acquisitionSpend: { resource: 'acquisitionSpend', read: 'read' },
  auditEvents: { resource: 'auditLog', read: 'read' },
  staff: { resource: 'staff', read: 'write' },
  apiKeys: { resource: 'apiKeys', read: 'write' },
  dashboard: { resource: 'metrics', read: 'read' },
};

/** react-admin actions that change something; everything else (list, show, export…) reads. */
const WRITE_ACTIONS = new Set(['create', 'edit', 'delete', 'write', 'bulk']);

/**
 * react-admin's canAccess question ("may this role do `action` on `resource`?") answered from the
 * matrix. The timeline needs read on all four histories, as the API asks.
 */
export function canAccessResource(role: StaffRole | undefined, resource: string, action: string): boolean {
  if (resource === 'timelineEvents') return (['interactions', 'purchases', 'surveys', 'handoffs'] as const).every((part) => can(role, 'read', part));
  const mapped = RA_RESOURCES[resource];
  if (!mapped) return false;
  return can(role, WRITE_ACTIONS.has(action) ? 'write' : mapped.read, mapped.resource);
}

export const HOME_PATHS = { dashboard: '/dashboard', inbox: '/handoffs', customers: '/customers' } as const;

/** Where signing in lands: the dashboard for who reads reports, the handoff inbox for the teams that receive handoffs, else the customers. */
export function homePath(role: StaffRole | undefined): string {
  if (role === 'MANAGER' || role === 'ADMIN' || role === 'ANALYST') return HOME_PATHS.dashboard;
  if (role === 'SERVICE' || role === 'SUCCESS') return HOME_PATHS.inbox;
  return HOME_PATHS.customers;
}

/** As the API enforces: a handoff is accepted, completed or rejected by the receiving team, a MANAGER or an ADMIN. */
export function mayAnswerHandoff(viewer: { role: StaffRole; team: Team | null } | undefined, toTeam: Team): boolean {
  if (!viewer || !can(viewer.role, 'write', 'handoffs')) return false;
  return viewer.role === 'MANAGER' || viewer.role === 'ADMIN' || viewer.team === toTeam;
}

/** Withdrawn only by its requester, the sending team, a MANAGER or an ADMIN. */
export function mayWithdrawHandoff(
  viewer: { id: string; role: StaffRole; team: Team | null } | undefined,
  handoff: { fromTeam: Team; requestedById?: string | null },
): boolean {
  if (!viewer || !can(viewer.role, 'write', 'handoffs')) return false;
  return viewer.role === 'MANAGER' || viewer.role === 'ADMIN' || viewer.team === handoff.fromTeam || viewer.id === handoff.requestedById;
}

/** What the API sends instead of a personal value the viewer may not read (api/src/modules/access/masking.ts). */
export const MASKED = '••••••';
