import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/errors.js';
import { CustomerCreateInput } from './customer.mutations.js';
import { CustomerType } from './customer.type.js';

@InputType({
  description:
    'Up to 1,000 customers to create or update at once, with the rules of customerCreate. Each item is judged on its own: valid items are written, invalid ones are reported in their result and skipped. An item whose externalId is stored updates that customer, so retrying a batch never duplicates; an item equal to its stored customer changes nothing (not even its version).',
})
export class CustomerCreateBatchInput {
  @Field(() => [CustomerCreateInput], {
    description: 'At most 1,000 items (more: INVALID on input.items and nothing is written). Two items with one externalId: the second is rejected (CONFLICT).',
  })
  items!: CustomerCreateInput[];
}

@ObjectType({ description: 'The outcome of one item of a batch: the customer, or the userErrors that kept it from being written.' })
export class CustomerCreateBatchResult {
  @Field(() => Int, { description: 'Position of the item in input.items, from 0.' })
  index!: number;

  @Field(() => CustomerType, { nullable: true, description: 'The created, updated or (when nothing differed) stored customer; null when the item was rejected.' })
  customer!: CustomerType | null;

  @Field(() => [UserError], { description: 'Why the item was rejected; fields are paths like ["input", "items", "3", "email"].' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'One result per item, in input order; userErrors here concern the whole batch (then nothing is written).' })
export class CustomerCreateBatchPayload {
  @Field(() => [CustomerCreateBatchResult])
  results!: CustomerCreateBatchResult[];

  @Field(() => [UserError])
  userErrors!: UserError[];
}
