import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Team } from '../../domain/enums.js';
import { UserError } from '../../graphql/errors.js';
import { TeamSlaType } from './sla.type.js';

@InputType({ description: "Changes a team's service levels. Omitted (or null) levels stay as they are; give at least one." })
export class TeamSlaUpdateInput {
  @Field(() => Team)
  team!: Team;

  @Field(() => Int, {
    nullable: true,
    description: 'Minutes to answer an inbound interaction, 1–43200 (30 days). Response due times are computed, so this applies to every inbound interaction, earlier ones included.',
  })
  responseSlaMinutes?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Minutes to accept a handoff, 1–43200 (30 days). A handoff keeps the dueAt it was given when requested, so this applies to new handoffs only.',
  })
  handoffSlaMinutes?: number | null;

  @Field(() => Int, { description: 'The version you last read; if someone changed these levels since, nothing is written (CONFLICT).' })
  version!: number;
}

@ObjectType({ description: "The team's service levels as they are after the mutation, or userErrors and no change." })
export class TeamSlaPayload {
  @Field(() => TeamSlaType, { nullable: true })
  teamSla!: TeamSlaType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
