import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, query, textArray, timestamp } from '../../db/sql.js';
import type { ApiKeyGrant, Context, Viewer } from '../../graphql/context.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import { mutate, type MutationResult } from '../../graphql/mutation.js';
import { Validator } from '../../graphql/validation.js';
import { can, requirePermission, RESOURCES, type Resource } from '../access/permissions.js';
import { recordAudit } from '../audit/audit.service.js';
import type { StaffUserType } from '../staff/staff-user.type.js';
import { toStaffUser, type StaffUserRow } from '../staff/staff-user.type.js';
import type { ApiKeyCreateInput, ApiKeyRevokeInput } from './api-key.inputs.js';
import { hashApiKey, isWellFormedApiKey, newApiKey } from './api-key.secret.js';
import { API_KEY_COLUMNS, ApiKeyScope, toApiKey, type ApiKeyRow, type ApiKeyType } from './api-key.type.js';

const SCOPE_ORDER = [ApiKeyScope.READ, ApiKeyScope.WRITE, ApiKeyScope.IMPORT];
const MAX_LIFETIME_MS = 2 * 366 * 24 * 3600 * 1000;

/** Resources a key can be limited to: those some scope of a key could ever use (not staff, keys, audit log, erasure). */
export const API_KEY_RESOURCES: readonly Resource[] = RESOURCES.filter((resource) => {
  const probe: Viewer = {
    staffUserId: '', email: '', name: '', role: '', team: null,
    apiKey: { id: '', name: '', scopes: [...SCOPE_ORDER], resources: [resource] },
  };
  return can(probe, 'read', resource) || can(probe, 'write', resource);
});

function auditValues(key: ApiKeyType): Record<string, unknown> {
  return { name: key.name, prefix: key.prefix, scopes: key.scopes, resources: key.resources, expiresAt: key.expiresAt?.toISOString() ?? null };
}

export function listApiKeys(context: Context, viewer: Viewer): Promise<ApiKeyType[]> {
  requirePermission(viewer, 'read', 'apiKeys');
  return query<ApiKeyRow>(context.em, `select ${API_KEY_COLUMNS} from api_key order by created_at desc, id`).then((rows) =>
    rows.map((row) => toApiKey(row, context.now)),
  );
}

export function createApiKey(context: Context, input: ApiKeyCreateInput): Promise<MutationResult<{ apiKey: ApiKeyType; key: string }>> {
  return mutate(context, async (tx, viewer) => {
    requirePermission(viewer, 'write', 'apiKeys');
    const v = new Validator();
    const name = v.text('name', input.name, { required: true, max: 100 });
    const scopes = SCOPE_ORDER.filter((scope) => input.scopes.includes(scope));
    if (!scopes.length) v.fail('scopes', ErrorCode.REQUIRED, 'must name at least one of READ, WRITE, IMPORT');
    let resources: string[] | null = null;
    if (input.resources != null) {
      resources = [...new Set(input.resources.map((r) => r.trim()))];
      if (!resources.length) v.fail('resources', ErrorCode.INVALID, 'must name at least one resource, or be left out for every resource');
      resources.forEach((resource, index) => {
        if (!(API_KEY_RESOURCES as readonly string[]).includes(resource)) {
          v.fail(['resources', String(index)], ErrorCode.INVALID, `"${resource.slice(0, 50)}" is not a resource an API key can use; one of ${API_KEY_RESOURCES.join(', ')}`);
        }
      });
    }
    const expiresAt = input.expiresAt ?? null;
    if (expiresAt && expiresAt <= context.now) v.fail('expiresAt', ErrorCode.INVALID, 'must be in the future');
    else if (expiresAt && expiresAt.getTime() - context.now.getTime() > MAX_LIFETIME_MS) v.fail('expiresAt', ErrorCode.INVALID, 'must be at most 2 years ahead');
    v.check();
    const { key, prefix, secretHash } = newApiKey();
    const [row] = await query<ApiKeyRow>(
      tx,
      `insert into api_key (name, prefix, secret_hash, scopes, resources, expires_at, created_by)
       values (?, ?, ?, ?::text[], ?::text[], ?, ?) returning ${API_KEY_COLUMNS}`,
      [name, prefix, secretHash, textArray(scopes), resources && textArray(resources), expiresAt?.toISOString() ?? null, viewer.staffUserId],
    );
    const apiKey = toApiKey(row!, context.now);
    await recordAudit(tx, viewer, context.requestId, [
      { action: 'apiKeyCreate', entityType: 'ApiKey', entityId: apiKey.id, customerId: null, before: null, after: auditValues(apiKey) },
    ]);
    return { apiKey, key };
  });
}

export function revokeApiKey(context: Context, input: ApiKeyRevokeInput): Promise<MutationResult<ApiKeyType>> {
  return mutate(context, async (tx, viewer) => {
    requirePermission(viewer, 'write', 'apiKeys');
    const [current] = isUuid(input.id) ? await query<ApiKeyRow>(tx, `select ${API_KEY_COLUMNS} from api_key where id = ? for update`, [input.id]) : [];
    if (!current) throw new DomainError(ErrorCode.NOT_FOUND, 'no API key has this id', ['input', 'id']);
    if (current.revoked_at) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `the key was already revoked at ${timestamp(current.revoked_at).toISOString()}`, ['input', 'id']);
    }
    const [row] = await query<ApiKeyRow>(tx, `update api_key set revoked_at = now() where id = ? returning ${API_KEY_COLUMNS}`, [input.id]);
    const apiKey = toApiKey(row!, context.now);
    await recordAudit(tx, viewer, context.requestId, [
      { action: 'apiKeyRevoke', entityType: 'ApiKey', entityId: apiKey.id, customerId: null, before: { revokedAt: null }, after: { revokedAt: apiKey.revokedAt!.toISOString() } },
    ]);
    return apiKey;
  });
}

export type ApiKeyAuthentication = { viewer: Viewer; staff: StaffUserType } | { problem: string };

/**
 * The viewer behind an API key, in one statement: the key joined with its creator, and (at most
 * once a minute per key) its last-used time stamped by a data-modifying CTE, so plain reads do
 * not turn into writes on every request.
 */
export async function authenticateApiKey(em: EntityManager, key: string): Promise<ApiKeyAuthentication> {
  const unknown = { problem: 'The API key is not known: check it was copied whole ("c360_<prefix>_<secret>").' };
  if (!isWellFormedApiKey(key)) return unknown;
  const [row] = await query<
    StaffUserRow & { key_id: string; key_name: string; scopes: string[]; resources: string[] | null; revoked_at: string | null; expires_at: string | null; expired: boolean }
  >(
    em,
    `with found as (
       select k.id as key_id, k.name as key_name, k.scopes, k.resources, k.revoked_at, k.expires_at,
              k.expires_at is not null and k.expires_at <= now() as expired,
              s.id, s.email, s.name, s.role, s.team, s.active, s.created_at, s.version
         from api_key k join staff_user s on s.id = k.created_by
        where k.secret_hash = ?
     ), stamped as (
       update api_key set last_used_at = now()
        where id = (select key_id from found where revoked_at is null and not expired and active)
          and (last_used_at is null or last_used_at < now() - interval '1 minute')
     )
     select * from found`,
    [hashApiKey(key)],
  );
  if (!row) return unknown;
  if (row.revoked_at) return { problem: `The API key "${row.key_name}" was revoked at ${timestamp(row.revoked_at).toISOString()}.` };
  if (row.expired) return { problem: `The API key "${row.key_name}" expired at ${timestamp(row.expires_at!).toISOString()}.` };
  if (!row.active) return { problem: `The API key "${row.key_name}" belongs to a deactivated staff member: an administrator must create a new key.` };
  const staff = toStaffUser(row);
  const grant: ApiKeyGrant = { id: row.key_id, name: row.key_name, scopes: row.scopes as ApiKeyGrant['scopes'], resources: row.resources };
  return { staff, viewer: { staffUserId: staff.id, email: staff.email, name: staff.name, role: staff.role, team: staff.team, apiKey: grant } };
}
