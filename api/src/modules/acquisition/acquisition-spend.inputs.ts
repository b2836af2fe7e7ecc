import { GraphQLLocalDate } from 'graphql-scalars';
import { ArgsType, Field, InputType, ObjectType } from 'type-graphql';
import { AcquisitionChannel } from '../../domain/enums.js';
import { UserError } from '../../graphql/errors.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { AcquisitionSpendType } from './acquisition-spend.type.js';

@ArgsType()
export class AcquisitionSpendArgs {
  @Field(() => GraphQLLocalDate, { description: 'Months starting on or after this day.' })
  from!: string;

  @Field(() => GraphQLLocalDate, { description: 'Months starting before this day (exclusive).' })
  to!: string;

  @Field(() => [AcquisitionChannel], { nullable: true, description: 'Only these channels; default all.' })
  channels?: AcquisitionChannel[] | null;
}

@InputType({ description: 'The spend of one channel in one calendar month. Setting it again replaces the amount and currency (one row per channel and month).' })
export class AcquisitionSpendSetInput {
  @Field(() => AcquisitionChannel)
  channel!: AcquisitionChannel;

  @Field(() => GraphQLLocalDate, {
    description: 'The first day of the month, e.g. "2026-03-01" (any other day is INVALID); from 1970 to the current month (UTC).',
  })
  periodStart!: string;

  @Field(() => DecimalScalar, { description: "0 or more, with at most the currency's decimals." })
  amount!: string;

  @Field(() => String, { description: 'ISO 4217 code in capitals, e.g. "USD".' })
  currency!: string;
}

@ObjectType({ description: 'The spend as stored after the mutation, or userErrors and no change.' })
export class AcquisitionSpendPayload {
  @Field(() => AcquisitionSpendType, { nullable: true })
  acquisitionSpend!: AcquisitionSpendType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
