import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql.js';
import type { Team } from '../../domain/enums.js';
import type { Context, Viewer } from '../../graphql/context.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import type { MutationResult } from '../../graphql/mutation.js';
import { Validator } from '../../graphql/validation.js';
import { changedFields, recordAudit } from '../audit/audit.service.js';
import { addMinutes } from './sla.js';
import type { TeamSlaUpdateInput } from './sla.mutations.js';
import { TEAM_SLA_COLUMNS, type TeamSlaRow } from './sla.sql.js';
import { toTeamSla, type TeamSlaType } from './sla.type.js';
import { mutateAllowed } from '../access/guard.js';
import { requirePermission } from '../access/permissions.js';

/** Service levels may be set from 1 minute to 30 days. */
export const MIN_SLA_MINUTES = 1;
export const MAX_SLA_MINUTES = 30 * 24 * 60;

/**
 * When a handoff requested at `requestedAt` must be accepted by: requestedAt + the receiving
 * team's handoff SLA as set now (read inside the caller's transaction).
 */
export async function handoffDueAt(em: EntityManager, toTeam: Team, requestedAt: Date): Promise<Date> {
  const [row] = await query<{ handoff_sla_minutes: number }>(em, 'select handoff_sla_minutes from team_sla where team = ?', [toTeam]);
  // Every team has a row from the migration; a missing one means the database is broken.
  if (!row) throw new Error(`team_sla has no row for ${toTeam}`);
  return addMinutes(requestedAt, row.handoff_sla_minutes);
}

/**
 * The audit trail keys every change by a uuid; a team's service levels are keyed by the team, so
 * their audit rows carry a name-based uuid (SHA-1, RFC 4122 version 5 layout) that never changes.
 */
export function teamSlaEntityId(team: Team): string {
  const hash = createHash('sha1').update(`customer360:TeamSla:${team}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const snapshot = (row: TeamSlaRow) => ({
  responseSlaMinutes: row.response_sla_minutes,
  handoffSlaMinutes: row.handoff_sla_minutes,
  version: row.version,
});

/**
 * Changes a team's service levels (roles with `write` on teamSla: managers and admins). A handoff's dueAt is fixed when it
 * is requested, so a new handoff SLA applies to later handoffs only; response due times are
 * computed from the current setting, so a new response SLA applies to every inbound interaction.
 */
export function updateTeamSla(context: Context, input: TeamSlaUpdateInput): Promise<MutationResult<TeamSlaType>> {
  const editors = (viewer: Viewer) => requirePermission(viewer, 'write', 'teamSla', ['input', 'team']);
  return mutateAllowed(context, editors, async (tx, viewer) => {
    const v = new Validator();
    const changes: Record<string, number> = {};
    const range = [MIN_SLA_MINUTES, MAX_SLA_MINUTES] as const;
    if (input.responseSlaMinutes != null) changes.response_sla_minutes = v.integer('responseSlaMinutes', input.responseSlaMinutes, ...range)!;
    if (input.handoffSlaMinutes != null) changes.handoff_sla_minutes = v.integer('handoffSlaMinutes', input.handoffSlaMinutes, ...range)!;
    if (!Object.keys(changes).length) v.fail([], ErrorCode.REQUIRED, 'give responseSlaMinutes, handoffSlaMinutes or both');
    v.check();

    const [before] = await query<TeamSlaRow>(tx, `select ${TEAM_SLA_COLUMNS} from team_sla where team = ? for update`, [input.team]);
    if (!before) throw new Error(`team_sla has no row for ${input.team}`);
    if (before.version !== input.version) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `someone else changed the service levels of ${input.team} since you read them (you sent version ${input.version}, it is now ${before.version}); reload and try again`,
        ['input', 'version'],
      );
    }
    const columns = Object.keys(changes);
    const [after] = await query<TeamSlaRow>(
      tx,
      `update team_sla set ${[...columns.map((c) => `${c} = ?`), 'version = version + 1', 'updated_at = now()'].join(', ')}
        where team = ? returning ${TEAM_SLA_COLUMNS}`,
      [...columns.map((c) => changes[c]), input.team],
    );
    const diff = changedFields(snapshot(before), snapshot(after!));
    // The team rides along unchanged: the entityId alone would not tell a reader whose levels these are.
    await recordAudit(tx, viewer, context.requestId, [
      {
        action: 'teamSlaUpdate',
        entityType: 'TeamSla',
        entityId: teamSlaEntityId(input.team),
        customerId: null,
        before: { team: input.team, ...diff.before },
        after: { team: input.team, ...diff.after },
      },
    ]);
    return toTeamSla(after!);
  });
}
