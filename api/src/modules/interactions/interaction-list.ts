import type { EntityManager } from '@mikro-orm/postgresql';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { Conditions } from '../../db/sql.js';
import { Channel, Direction, JourneyStage, Team } from '../../domain/enums.js';
import { PageArgs, type Connection } from '../../graphql/connection.js';
import { SortDirection } from '../../graphql/enums.js';
import { addIdCondition, addTimeRange, keysetPage } from '../../graphql/keyset-list.js';
import { toInteraction, type InteractionRow, type InteractionType } from './interaction.type.js';

@InputType({ description: 'Interactions across customers; every condition given must hold.' })
export class InteractionListFilter {
  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => [Team], { nullable: true, description: 'The team that handled it.' })
  teams?: Team[] | null;

  @Field(() => [Channel], { nullable: true })
  channels?: Channel[] | null;

  @Field(() => [Direction], { nullable: true })
  directions?: Direction[] | null;

  @Field(() => [JourneyStage], { nullable: true })
  journeyStages?: JourneyStage[] | null;

  @Field(() => ID, { nullable: true, description: 'The staff member who handled it.' })
  staffId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Occurred at or after this moment.' })
  occurredAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Occurred before this moment.' })
  occurredBefore?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'true: inbound and not answered yet; false: every other interaction.' })
  awaitingResponse?: boolean | null;
}

export enum InteractionOrderField {
  OCCURRED_AT = 'OCCURRED_AT',
}
registerEnumType(InteractionOrderField, { name: 'InteractionOrderField' });

@InputType()
export class InteractionOrder {
  @Field(() => InteractionOrderField)
  field!: InteractionOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction!: SortDirection;
}

@ArgsType()
export class InteractionsArgs extends PageArgs {
  @Field(() => InteractionListFilter, { nullable: true })
  filter?: InteractionListFilter | null;

  @Field(() => InteractionOrder, { nullable: true, description: 'Default: newest first. Ties are broken by id.' })
  orderBy?: InteractionOrder | null;
}

const AWAITING = `(i.direction = 'INBOUND' and i.responded_at is null)`;

/** Interactions of every customer, filtered, newest first (or oldest), by keyset cursor. */
export function listInteractions(em: EntityManager, args: InteractionsArgs): Promise<Connection<InteractionType>> {
  const filter = args.filter ?? {};
  const where = new Conditions();
  const field = (name: string) => ['filter', name];
  addIdCondition(where, 'i.customer_id', filter.customerId, field('customerId'));
  addIdCondition(where, 'i.staff_id', filter.staffId, field('staffId'));
  if (filter.teams?.length) where.add('i.team = any(?::text[])', filter.teams);
  if (filter.channels?.length) where.add('i.channel = any(?::text[])', filter.channels);
  if (filter.directions?.length) where.add('i.direction = any(?::text[])', filter.directions);
  if (filter.journeyStages?.length) where.add('i.journey_stage = any(?::text[])', filter.journeyStages);
  addTimeRange(where, 'i.occurred_at', filter.occurredAfter, filter.occurredBefore, field('occurredBefore'));
  if (filter.awaitingResponse != null) where.add(filter.awaitingResponse ? AWAITING : `not ${AWAITING}`);
  return keysetPage<InteractionRow, InteractionType>(
    em,
    {
      from: 'interaction i',
      alias: 'i',
      where,
      order: { column: 'i.occurred_at', type: 'timestamptz', direction: args.orderBy?.direction ?? SortDirection.DESC },
      toItem: toInteraction,
    },
    args,
  );
}
