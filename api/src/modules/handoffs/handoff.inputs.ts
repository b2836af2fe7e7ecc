import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { HandoffStatus, Team } from '../../domain/enums.js';
import { PageArgs } from '../../graphql/connection.js';
import { SortDirection } from '../../graphql/enums.js';

@InputType({ description: 'Narrows the handoff inbox; every given condition must hold (AND). A list matches any of its values (OR); an empty list matches nothing.' })
export class HandoffFilter {
  @Field(() => [Team], { nullable: true, description: 'Receiving teams: a team\'s inbox.' })
  toTeams?: Team[] | null;

  @Field(() => [Team], { nullable: true, description: 'Sending teams: a team\'s outbox.' })
  fromTeams?: Team[] | null;

  @Field(() => [HandoffStatus], { nullable: true })
  statuses?: HandoffStatus[] | null;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: handoffs still REQUESTED although their dueAt has passed (now > dueAt); false: all others.',
  })
  breached?: boolean | null;
}

export enum HandoffOrderField {
  DUE_AT = 'DUE_AT',
  REQUESTED_AT = 'REQUESTED_AT',
}
registerEnumType(HandoffOrderField, {
  name: 'HandoffOrderField',
  description: 'DUE_AT: by when the receiving team must accept (SLA urgency); REQUESTED_AT: by when the handoff was requested.',
});

@InputType()
export class HandoffOrder {
  @Field(() => HandoffOrderField)
  field!: HandoffOrderField;

  @Field(() => SortDirection, { nullable: true, description: 'Default ASC for DUE_AT (most urgent first), DESC for REQUESTED_AT (newest first).' })
  direction?: SortDirection | null;
}

@ArgsType()
export class HandoffsArgs extends PageArgs {
  @Field(() => HandoffFilter, { nullable: true })
  filter?: HandoffFilter | null;

  @Field(() => HandoffOrder, { nullable: true, description: 'Default: DUE_AT ascending, the most urgent first. Ties are broken by id.' })
  orderBy?: HandoffOrder | null;
}
