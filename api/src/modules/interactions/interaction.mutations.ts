import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Channel, Direction, JourneyStage, Team } from '../../domain/enums.js';
import { UserError } from '../../graphql/errors.js';
import { InteractionType } from './interaction.type.js';

@InputType({
  description:
    'A touchpoint that happened. Idempotent by externalId: sending an externalId that is already stored writes nothing and returns the stored interaction as it is (CONFLICT when it belongs to another customer).',
})
export class InteractionLogInput {
  @Field(() => ID, { description: 'The customer it was with; must exist.' })
  customerId!: string;

  @Field(() => Channel)
  channel!: Channel;

  @Field(() => Direction)
  direction!: Direction;

  @Field(() => Team, { description: 'The team that handled it.' })
  team!: Team;

  @Field(() => JourneyStage, { nullable: true })
  journeyStage?: JourneyStage | null;

  @Field(() => String, { nullable: true, description: 'At most 300 characters.' })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 10,000 characters; newlines allowed.' })
  summary?: string | null;

  @Field(() => Date, { nullable: true, description: 'Default now; not before 1970, not in the future.' })
  occurredAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'The staff member who handled it: an active one.' })
  staffId?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'INBOUND only: when we first answered. Not before occurredAt, not in the future.',
  })
  respondedAt?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the matter was settled: not before occurredAt (nor respondedAt), not in the future. For an INBOUND interaction without respondedAt it also counts as the answer.',
  })
  resolvedAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "The interaction's id in your system (at most 200 characters): unique; sending it again returns the stored interaction unchanged.",
  })
  externalId?: string | null;
}

@InputType({ description: 'Marks an INBOUND interaction as answered.' })
export class InteractionMarkRespondedInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Date, { nullable: true, description: 'Default now; not before occurredAt, not in the future.' })
  respondedAt?: Date | null;
}

@InputType({ description: 'Marks an interaction as resolved. An INBOUND one not yet answered counts as answered at the same moment.' })
export class InteractionMarkResolvedInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Date, { nullable: true, description: 'Default now; not before occurredAt nor respondedAt, not in the future.' })
  resolvedAt?: Date | null;
}

@InputType({
  description:
    'Up to 1,000 interactions to log at once. Each item is judged on its own: valid items are written, invalid ones are reported in their result and skipped. Retrying the same batch with externalIds never duplicates.',
})
export class InteractionLogBatchInput {
  @Field(() => [InteractionLogInput], { description: 'At most 1,000 items (more: INVALID on input.items and nothing is written).' })
  items!: InteractionLogInput[];
}

@ObjectType({ description: 'The interaction as it is after the mutation, or userErrors and no change.' })
export class InteractionPayload {
  @Field(() => InteractionType, { nullable: true })
  interaction!: InteractionType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({ description: 'The outcome of one item of a batch: the interaction, or the userErrors that kept it from being written.' })
export class InteractionLogBatchResult {
  @Field(() => Int, { description: 'Position of the item in input.items, from 0.' })
  index!: number;

  @Field(() => InteractionType, { nullable: true, description: 'The written (or, for a known externalId, the stored) interaction; null when the item was rejected.' })
  interaction!: InteractionType | null;

  @Field(() => [UserError], { description: 'Why the item was rejected; fields are paths like ["input", "items", "3", "subject"].' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'One result per item, in input order; userErrors here concern the whole batch (then nothing is written).' })
export class InteractionLogBatchPayload {
  @Field(() => [InteractionLogBatchResult])
  results!: InteractionLogBatchResult[];

  @Field(() => [UserError])
  userErrors!: UserError[];
}
