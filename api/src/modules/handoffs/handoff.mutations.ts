import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Team } from '../../domain/enums.js';
import { UserError } from '../../graphql/errors.js';
import { HandoffType } from './handoff.type.js';

/** Every text of a handoff is at most this long. */
export const MAX_HANDOFF_TEXT = 5000;

@InputType({
  description:
    "Hands a customer to another team with the context it needs. requestedAt is now; dueAt is now + the receiving team's handoff SLA (TeamSla.handoffSlaMinutes). A customer has at most one open (REQUESTED or ACCEPTED) handoff per receiving team.",
})
export class HandoffRequestInput {
  @Field(() => ID)
  customerId!: string;

  @Field(() => Team, { description: 'The receiving team.' })
  toTeam!: Team;

  @Field(() => Team, {
    nullable: true,
    description: 'The sending team; default your own. Must differ from toTeam; only managers and admins may hand over for a team they are not in.',
  })
  fromTeam?: Team | null;

  @Field(() => ID, { nullable: true, description: 'A particular active member of the receiving team to take it on.' })
  toStaffId?: string | null;

  @Field(() => String, { description: 'What the receiving team must know, 1–5000 characters.' })
  summary!: string;

  @Field(() => String, { description: 'What the customer wants to achieve, 1–5000 characters.' })
  customerGoals!: string;

  @Field(() => String, { description: 'What was promised to the customer, 1–5000 characters.' })
  commitments!: string;

  @Field(() => String, { nullable: true, description: 'Who to talk to at the customer, at most 5000 characters.' })
  keyContacts?: string | null;

  @Field(() => String, { nullable: true, description: 'What could go wrong, at most 5000 characters.' })
  risks?: string | null;
}

@InputType({ description: 'Names a handoff and the version you last read; if someone changed it since, nothing is written (CONFLICT).' })
export class HandoffVersionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;
}

@InputType({ description: 'REQUESTED → ACCEPTED, by the receiving team (or a manager or admin).' })
export class HandoffAcceptInput extends HandoffVersionInput {
  @Field(() => ID, { nullable: true, description: 'Who takes it on: an active member of the receiving team; default you.' })
  toStaffId?: string | null;
}

@InputType({ description: 'ACCEPTED → COMPLETED, by the receiving team (or a manager or admin).' })
export class HandoffCompleteInput extends HandoffVersionInput {
  @Field(() => String, { nullable: true, description: 'How it went, at most 5000 characters.' })
  note?: string | null;
}

@InputType({ description: 'REQUESTED → REJECTED, by the receiving team (or a manager or admin), with the reason.' })
export class HandoffRejectInput extends HandoffVersionInput {
  @Field(() => String, { description: 'Why the receiving team turns it down, 1–5000 characters.' })
  reason!: string;
}

@InputType({ description: 'REQUESTED or ACCEPTED → CANCELLED, by the requester, the sending team, or a manager or admin.' })
export class HandoffCancelInput extends HandoffVersionInput {
  @Field(() => String, { nullable: true, description: 'Why it is withdrawn, at most 5000 characters.' })
  reason?: string | null;
}

@ObjectType({ description: 'The handoff as it is after the mutation, or userErrors and no change.' })
export class HandoffPayload {
  @Field(() => HandoffType, { nullable: true })
  handoff!: HandoffType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
