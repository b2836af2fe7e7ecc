import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { toUserError } from '../../graphql/errors.js';
import { createCustomerBatch } from './customer-batch.js';
import { CustomerCreateBatchInput, CustomerCreateBatchPayload } from './customer-batch.types.js';

@Resolver()
export class CustomerBatchResolver {
  @Mutation(() => CustomerCreateBatchPayload, {
    description:
      'Creates or updates (by externalId) up to 1,000 customers in one transaction: valid items are written, invalid ones reported per item. A set-based write: a constant number of SQL statements however many items.',
  })
  async customerCreateBatch(
    @Arg('input', () => CustomerCreateBatchInput) input: CustomerCreateBatchInput,
    @Ctx() context: Context,
  ): Promise<CustomerCreateBatchPayload> {
    const { value, userErrors } = await createCustomerBatch(context, input.items);
    const results = (value ?? []).map((item, index) => ({ index, customer: item.customer, userErrors: item.errors.map(toUserError) }));
    return { results, userErrors };
  }
}
