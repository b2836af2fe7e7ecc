import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { bulkUpdateCustomers, CustomerBulkUpdateInput, CustomerBulkUpdatePayload } from './customer-bulk.js';

@Resolver()
export class CustomerBulkResolver {
  @Mutation(() => CustomerBulkUpdatePayload, {
    description: 'Assigns an owner, changes the lifecycle stage and/or adds and removes tags of up to 1,000 customers at once: all of them, or none with userErrors naming each customer that breaks a rule.',
  })
  async customerBulkUpdate(@Arg('input', () => CustomerBulkUpdateInput) input: CustomerBulkUpdateInput, @Ctx() context: Context): Promise<CustomerBulkUpdatePayload> {
    const { value, userErrors } = await bulkUpdateCustomers(context, input);
    return { customers: value ?? [], userErrors };
  }
}
