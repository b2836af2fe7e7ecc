import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { timestamp } from '../../db/sql.js';
import { Team } from '../../domain/enums.js';
import type { TeamSlaRow } from './sla.sql.js';

export enum SlaStatus {
  ON_TRACK = 'ON_TRACK',
  DUE_SOON = 'DUE_SOON',
  BREACHED = 'BREACHED',
  MET = 'MET',
}
registerEnumType(SlaStatus, {
  name: 'SlaStatus',
  description:
    'Where a service level stands at a moment: MET (answered in time), BREACHED (answered late, or still unanswered after it was due), DUE_SOON (unanswered, with at most a quarter of the allowed time left), ON_TRACK (unanswered, more time left).',
});

@ObjectType('TeamSla', {
  description: "A team's service levels (default 24 hours each), changed with teamSlaUpdate; changes are audited with entityType \"TeamSla\".",
})
export class TeamSlaType {
  @Field(() => Team)
  team!: Team;

  @Field(() => Int, { description: 'An inbound interaction handled by this team must be answered within this many minutes.' })
  responseSlaMinutes!: number;

  @Field(() => Int, {
    description: 'A handoff to this team must be accepted within this many minutes: its dueAt = requestedAt + this, fixed when the handoff is requested.',
  })
  handoffSlaMinutes!: number;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Int, { description: 'Send it back with teamSlaUpdate: a change made by someone else since you read it is never overwritten.' })
  version!: number;
}

export function toTeamSla(row: TeamSlaRow): TeamSlaType {
  return {
    team: row.team,
    responseSlaMinutes: row.response_sla_minutes,
    handoffSlaMinutes: row.handoff_sla_minutes,
    updatedAt: timestamp(row.updated_at),
    version: row.version,
  };
}

@ObjectType({ description: "A customer's open service-level breaches at a moment, computed from the clock." })
export class SlaState {
  @Field(() => Date)
  asOf!: Date;

  @Field(() => Int, { description: 'interactionBreaches + handoffBreaches.' })
  openBreaches!: number;

  @Field(() => Int, { description: "Inbound interactions still unanswered after their team's response SLA ran out." })
  interactionBreaches!: number;

  @Field(() => Int, { description: 'Handoffs still not accepted (nor rejected or cancelled) after their dueAt.' })
  handoffBreaches!: number;

  @Field(() => Date, { nullable: true, description: 'When the oldest open breach fell due; null without open breaches.' })
  oldestBreachDueAt!: Date | null;
}
