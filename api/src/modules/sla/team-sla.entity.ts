import { Check, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Team } from '../../domain/enums.js';

/**
 * Each team's service levels: how fast an inbound interaction must be answered, and how fast a
 * handoff to the team must be accepted. One row per team, created by the migration with the
 * defaults of 24 hours.
 */
@Entity({ tableName: 'team_sla' })
@Check({ name: 'team_sla_response_positive', expression: 'response_sla_minutes > 0' })
@Check({ name: 'team_sla_handoff_positive', expression: 'handoff_sla_minutes > 0' })
export class TeamSla {
  @Enum({ items: () => Team, type: 'string', primary: true })
  @PrimaryKey({ type: 'string' })
  team!: Team;

  @Property({ type: 'integer', default: 1440 })
  responseSlaMinutes: number = 1440;

  @Property({ type: 'integer', default: 1440 })
  handoffSlaMinutes: number = 1440;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true, default: 1 })
  version: number = 1;
}
