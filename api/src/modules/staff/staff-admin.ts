import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, query } from '../../db/sql.js';
import { StaffRole, Team } from '../../domain/enums.js';
import type { Context, Viewer } from '../../graphql/context.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import { mutate, type MutationResult } from '../../graphql/mutation.js';
import { Validator } from '../../graphql/validation.js';
import { requirePermission } from '../access/permissions.js';
import { changedFields, recordAudit } from '../audit/audit.service.js';
import { hashPassword, passwordProblem } from '../auth/password.js';
import { clearLoginFailures } from '../auth/login-throttle.js';
import { revokeStaffSessions } from '../auth/sessions.js';
import { STAFF_COLUMNS, toStaffUser, type StaffUserRow, type StaffUserType } from './staff-user.type.js';
import type { StaffCreateInput, StaffIdInput, StaffResetPasswordInput, StaffUpdateInput } from './staff.inputs.js';

/*
 * Staff management, ADMIN only (permission `write` on `staff`). Every change runs in one
 * transaction with its audit row. Deactivation and a password reset end the person's sessions, so
 * they are locked out at once; the last active administrator can be neither demoted nor deactivated.
 */

const EMAIL_TAKEN = { staff_user_email_unique: { field: ['input', 'email'], message: 'another staff member already signs in with this email' } };

/** The team a role's people sit in, when the role is one team's work. */
const TEAM_OF_ROLE: Partial<Record<StaffRole, Team>> = {
  [StaffRole.SALES]: Team.SALES,
  [StaffRole.SERVICE]: Team.SERVICE,
  [StaffRole.SUCCESS]: Team.SUCCESS,
  [StaffRole.MARKETING]: Team.MARKETING,
};

function checkTeam(v: Validator, role: StaffRole, team: Team | null): void {
  const own = TEAM_OF_ROLE[role];
  if (own && team !== own) v.fail('team', team ? ErrorCode.INVALID : ErrorCode.REQUIRED, `a ${role} staff member sits in the ${own} team`);
  else if (role === StaffRole.MANAGER && team === null) v.fail('team', ErrorCode.REQUIRED, 'a MANAGER manages one team: name it');
}

function auditValues(staff: StaffUserType): Record<string, unknown> {
  return { email: staff.email, name: staff.name, role: staff.role, team: staff.team, active: staff.active };
}

function authorised(context: Context, work: (tx: EntityManager, viewer: Viewer) => Promise<StaffUserType>, constraints = {}) {
  return mutate(
    context,
    (tx, viewer) => {
      requirePermission(viewer, 'write', 'staff');
      return work(tx, viewer);
    },
    constraints,
  );
}

async function lockStaff(tx: EntityManager, id: string): Promise<StaffUserType> {
  const [row] = isUuid(id) ? await query<StaffUserRow>(tx, `select ${STAFF_COLUMNS} from staff_user where id = ? for update`, [id]) : [];
  if (!row) throw new DomainError(ErrorCode.NOT_FOUND, 'no staff member has this id', ['input', 'id']);
  return toStaffUser(row);
}

/** Refuses a change that would leave no active administrator (the other admins' rows are locked meanwhile). */
async function keepAnAdministrator(tx: EntityManager, staff: StaffUserType, field: string[], change: string): Promise<void> {
  if (staff.role !== StaffRole.ADMIN || !staff.active) return;
  const others = await query<{ id: string }>(tx, `select id from staff_user where role = 'ADMIN' and active and id <> ? for update`, [staff.id]);
  if (!others.length) throw new DomainError(ErrorCode.INVALID_TRANSITION, `${change} would leave no active administrator: make someone else ADMIN first`, field);
}

async function update(tx: EntityManager, id: string, assignments: string, params: unknown[]): Promise<StaffUserType> {
  const [row] = await query<StaffUserRow>(
    tx,
    `update staff_user set ${assignments}, version = version + 1, updated_at = now() where id = ? returning ${STAFF_COLUMNS}`,
    [...params, id],
  );
  return toStaffUser(row!);
}

export function createStaff(context: Context, input: StaffCreateInput): Promise<MutationResult<StaffUserType>> {
  return authorised(
    context,
    async (tx, viewer) => {
      const v = new Validator();
      const email = v.email('email', input.email, true);
      const name = v.text('name', input.name, { required: true, max: 200 });
      const team = input.team ?? null;
      checkTeam(v, input.role, team);
      const problem = passwordProblem(input.password, email);
      if (problem) v.fail('password', problem === 'is required' ? ErrorCode.REQUIRED : ErrorCode.INVALID, problem);
      v.check();
      const [row] = await query<StaffUserRow>(
        tx,
        `insert into staff_user (email, name, role, team, password_hash) values (?, ?, ?, ?, ?) returning ${STAFF_COLUMNS}`,
        [email, name, input.role, team, await hashPassword(input.password)],
      );
      const staff = toStaffUser(row!);
      await recordAudit(tx, viewer, context.requestId, [
        { action: 'staffCreate', entityType: 'StaffUser', entityId: staff.id, customerId: null, before: null, after: auditValues(staff) },
      ]);
      return staff;
    },
    EMAIL_TAKEN,
  );
}

export function updateStaff(context: Context, input: StaffUpdateInput): Promise<MutationResult<StaffUserType>> {
  return authorised(context, async (tx, viewer) => {
    const before = await lockStaff(tx, input.id);
    if (input.version != null && input.version !== before.version) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `someone else changed this staff member since you read it (you sent version ${input.version}, it is now ${before.version}); reload and try again`,
        ['input', 'version'],
      );
    }
    const v = new Validator();
    const name = input.name === undefined || input.name === null ? before.name : v.text('name', input.name, { required: true, max: 200 });
    const role = input.role ?? before.role;
    const team = input.team === undefined ? before.team : input.team;
    checkTeam(v, role, team);
    v.check();
    if (role !== StaffRole.ADMIN) await keepAnAdministrator(tx, before, ['input', 'role'], `making ${before.email} ${role}`);
    const after = await update(tx, before.id, 'name = ?, role = ?, team = ?', [name, role, team]);
    const changes = changedFields(auditValues(before), auditValues(after));
    if (Object.keys(changes.after).length) {
      await recordAudit(tx, viewer, context.requestId, [{ action: 'staffUpdate', entityType: 'StaffUser', entityId: after.id, customerId: null, ...changes }]);
    }
    return after;
  });
}

export function setStaffActive(context: Context, input: StaffIdInput, active: boolean): Promise<MutationResult<StaffUserType>> {
  return authorised(context, async (tx, viewer) => {
    const before = await lockStaff(tx, input.id);
    if (before.active === active) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `this staff member is already ${active ? 'active' : 'deactivated'}`, ['input', 'id']);
    }
    if (!active) {
      if (before.id === viewer.staffUserId) throw new DomainError(ErrorCode.INVALID, 'you cannot deactivate your own account', ['input', 'id']);
      await keepAnAdministrator(tx, before, ['input', 'id'], `deactivating ${before.email}`);
    }
    const after = await update(tx, before.id, 'active = ?', [active]);
    if (!active) await revokeStaffSessions(tx, after.id, 'DEACTIVATED');
    await recordAudit(tx, viewer, context.requestId, [
      {
        action: active ? 'staffReactivate' : 'staffDeactivate',
        entityType: 'StaffUser',
        entityId: after.id,
        customerId: null,
        before: { active: before.active },
        after: { active: after.active },
      },
    ]);
    return after;
  });
}

export function resetStaffPassword(context: Context, input: StaffResetPasswordInput): Promise<MutationResult<StaffUserType>> {
  return authorised(context, async (tx, viewer) => {
    const before = await lockStaff(tx, input.id);
    const problem = passwordProblem(input.password, before.email);
    if (problem) throw new DomainError(problem === 'is required' ? ErrorCode.REQUIRED : ErrorCode.INVALID, problem, ['input', 'password']);
    const after = await update(tx, before.id, 'password_hash = ?', [await hashPassword(input.password)]);
    const endedSessions = await revokeStaffSessions(tx, after.id, 'PASSWORD_RESET');
    // The new password must work at once, whatever guesses came before.
    await clearLoginFailures(tx, after.email);
    await recordAudit(tx, viewer, context.requestId, [
      { action: 'staffResetPassword', entityType: 'StaffUser', entityId: after.id, customerId: null, before: null, after: { passwordReset: true, endedSessions } },
    ]);
    return after;
  });
}
