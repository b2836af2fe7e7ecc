import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AcquisitionChannel, CustomerKind, LifecycleStage, Segment } from '../../domain/enums.js';
import { UserError } from '../../graphql/errors.js';
import { CustomerType } from './customer.type.js';

@InputType({ description: 'A new customer. Sending an externalId that exists updates that customer instead (idempotent retries).' })
export class CustomerCreateInput {
  @Field(() => CustomerKind, { nullable: true, description: 'Default PERSON.' })
  kind?: CustomerKind | null;

  @Field(() => String, { description: '1–200 characters.' })
  name!: string;

  @Field(() => String, { nullable: true })
  company?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => Segment)
  segment!: Segment;

  @Field(() => String, { nullable: true })
  persona?: string | null;

  @Field(() => LifecycleStage, { nullable: true, description: 'Default LEAD. CHURNED needs churnedAt and churnReason.' })
  lifecycleStage?: LifecycleStage | null;

  @Field(() => AcquisitionChannel)
  acquisitionChannel!: AcquisitionChannel;

  @Field(() => Date, { nullable: true, description: 'For CUSTOMER and CHURNED; default now.' })
  acquiredAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'For CHURNED only.' })
  churnedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'For CHURNED only.' })
  churnReason?: string | null;

  @Field(() => ID, { nullable: true, description: 'An active staff member.' })
  ownerId?: string | null;

  @Field(() => [String], { nullable: true, description: 'At most 20, each 1–50 characters.' })
  tags?: string[] | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag; default "en".' })
  locale?: string | null;

  @Field(() => String, { nullable: true, description: "The customer's id in your system: unique; sending it again updates the same customer." })
  externalId?: string | null;
}

@InputType({ description: 'Changes to a customer\'s profile. Omitted fields stay as they are; null clears an optional field.' })
export class CustomerUpdateInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version you last read; if someone changed the customer since, nothing is written (CONFLICT).' })
  version!: number;

  @Field(() => CustomerKind, { nullable: true })
  kind?: CustomerKind | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  company?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => Segment, { nullable: true })
  segment?: Segment | null;

  @Field(() => String, { nullable: true })
  persona?: string | null;

  @Field(() => AcquisitionChannel, { nullable: true })
  acquisitionChannel?: AcquisitionChannel | null;

  @Field(() => [String], { nullable: true, description: 'Replaces all tags.' })
  tags?: string[] | null;

  @Field(() => String, { nullable: true })
  locale?: string | null;

  @Field(() => String, { nullable: true })
  externalId?: string | null;
}

@InputType()
export class CustomerVersionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;
}

@InputType()
export class CustomerChangeOwnerInput extends CustomerVersionInput {
  @Field(() => ID, { nullable: true, description: 'An active staff member; null leaves the customer without owner.' })
  ownerId?: string | null;
}

@InputType({ description: 'Moves a customer along LEAD → PROSPECT → CUSTOMER, or wins a churned customer back (CUSTOMER).' })
export class CustomerChangeLifecycleStageInput extends CustomerVersionInput {
  @Field(() => LifecycleStage, { description: 'LEAD, PROSPECT or CUSTOMER; use customerMarkChurned for CHURNED.' })
  lifecycleStage!: LifecycleStage;

  @Field(() => Date, { nullable: true, description: 'When becoming a CUSTOMER for the first time; default now.' })
  acquiredAt?: Date | null;
}

@InputType()
export class CustomerMarkChurnedInput extends CustomerVersionInput {
  @Field(() => String, { description: 'Why the customer left, 1–500 characters.' })
  reason!: string;

  @Field(() => Date, { nullable: true, description: 'Default now; not before acquiredAt, not in the future.' })
  churnedAt?: Date | null;
}

@InputType()
export class CustomerTagsInput {
  @Field(() => ID)
  id!: string;

  @Field(() => [String], { description: '1 to 20 tags, each 1–50 characters.' })
  tags!: string[];
}

@ObjectType({ description: 'The customer as it is after the mutation, or userErrors and no change.' })
export class CustomerPayload {
  @Field(() => CustomerType, { nullable: true })
  customer!: CustomerType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
