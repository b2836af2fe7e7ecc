import type { EntityManager } from '@mikro-orm/postgresql';
import { query, uuidArray } from '../../db/sql.js';
import { StaffRole } from '../../domain/enums.js';
import { hashPassword } from '../auth/password.js';
import { StaffUser } from './staff-user.entity.js';
import { STAFF_COLUMNS, toStaffUser, type StaffUserRow, type StaffUserType } from './staff-user.type.js';

export async function findStaffByIds(em: EntityManager, ids: readonly string[]): Promise<StaffUserType[]> {
  const rows = await query<StaffUserRow>(em, `select ${STAFF_COLUMNS} from staff_user where id = any(?::uuid[])`, [uuidArray(ids)]);
  return rows.map(toStaffUser);
}

export async function listStaff(em: EntityManager): Promise<StaffUserType[]> {
  const rows = await query<StaffUserRow>(em, `select ${STAFF_COLUMNS} from staff_user order by name, id`);
  return rows.map(toStaffUser);
}

/** The staff user and password hash for a sign-in attempt (email compared case-insensitively). */
export async function findCredentials(em: EntityManager, email: string): Promise<(StaffUserType & { passwordHash: string }) | null> {
  const [row] = await query<StaffUserRow & { password_hash: string }>(
    em,
    `select ${STAFF_COLUMNS}, password_hash from staff_user where lower(email) = lower(?)`,
    [email],
  );
  return row ? { ...toStaffUser(row), passwordHash: row.password_hash } : null;
}

/**
 * Makes sure the configured first administrator exists (ADMIN_EMAIL / ADMIN_PASSWORD). An existing
 * account is left as it is, so a password changed later is never reset by a restart.
 */
export async function ensureAdministrator(em: EntityManager, email: string, password: string): Promise<'created' | 'exists'> {
  const existing = await findCredentials(em, email);
  if (existing) return 'exists';
  em.create(StaffUser, {
    email,
    name: 'Administrator',
    role: StaffRole.ADMIN,
    passwordHash: await hashPassword(password),
  });
  await em.flush();
  return 'created';
}

/** Whether the id names a staff member who may still be assigned work. */
export async function isActiveStaff(em: EntityManager, id: string): Promise<boolean> {
  const rows = await query<{ active: boolean }>(em, 'select active from staff_user where id = ?', [id]);
  return rows[0]?.active === true;
}
