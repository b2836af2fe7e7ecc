import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import type { MutationResult } from '../../graphql/mutation.js';
import {
  changeLifecycleStage,
  changeOwner,
  changeTags,
  createCustomer,
  markChurned,
  setArchived,
  updateCustomer,
} from './customer-writes.js';
import {
  CustomerChangeLifecycleStageInput,
  CustomerChangeOwnerInput,
  CustomerCreateInput,
  CustomerMarkChurnedInput,
  CustomerPayload,
  CustomerTagsInput,
  CustomerUpdateInput,
  CustomerVersionInput,
} from './customer.mutations.js';
import type { CustomerType } from './customer.type.js';

const payload = async (result: Promise<MutationResult<CustomerType>>): Promise<CustomerPayload> => {
  const { value, userErrors } = await result;
  return { customer: value, userErrors };
};

@Resolver()
export class CustomerMutationsResolver {
  @Mutation(() => CustomerPayload, { description: 'Creates a customer (or, for a known externalId, updates it).' })
  customerCreate(@Arg('input', () => CustomerCreateInput) input: CustomerCreateInput, @Ctx() context: Context): Promise<CustomerPayload> {
    return payload(createCustomer(context, input));
  }

  @Mutation(() => CustomerPayload, { description: "Changes a customer's profile fields." })
  customerUpdate(@Arg('input', () => CustomerUpdateInput) input: CustomerUpdateInput, @Ctx() context: Context): Promise<CustomerPayload> {
    return payload(updateCustomer(context, input));
  }

  @Mutation(() => CustomerPayload, { description: 'Hands the customer to another owner (or none).' })
  customerChangeOwner(@Arg('input', () => CustomerChangeOwnerInput) input: CustomerChangeOwnerInput, @Ctx() context: Context): Promise<CustomerPayload> {
    return payload(changeOwner(context, input));
  }

  @Mutation(() => CustomerPayload, { description: 'LEAD → PROSPECT → CUSTOMER, or a churned customer won back; never backwards.' })
  customerChangeLifecycleStage(
    @Arg('input', () => CustomerChangeLifecycleStageInput) input: CustomerChangeLifecycleStageInput,
    @Ctx() context: Context,
  ): Promise<CustomerPayload> {
    return payload(changeLifecycleStage(context, input));
  }

  @Mutation(() => CustomerPayload, { description: 'Records that a CUSTOMER left, when and why.' })
  customerMarkChurned(@Arg('input', () => CustomerMarkChurnedInput) input: CustomerMarkChurnedInput, @Ctx() context: Context): Promise<CustomerPayload> {
    return payload(markChurned(context, input));
  }

  @Mutation(() => CustomerPayload, { description: 'Hides the customer from lists (nothing is deleted).' })
  customerArchive(@Arg('input', () => CustomerVersionInput) input: CustomerVersionInput, @Ctx() context: Context): Promise<CustomerPayload> {
    return payload(setArchived(context, input, true));
  }

  @Mutation(() => CustomerPayload, { description: 'Brings an archived customer back.' })
  customerRestore(@Arg('input', () => CustomerVersionInput) input: CustomerVersionInput, @Ctx() context: Context): Promise<CustomerPayload> {
    return payload(setArchived(context, input, false));
  }

  @Mutation(() => CustomerPayload, { description: 'Adds tags (those already there are kept once).' })
  customerTagsAdd(@Arg('input', () => CustomerTagsInput) input: CustomerTagsInput, @Ctx() context: Context): Promise<CustomerPayload> {
    return payload(changeTags(context, input, 'add'));
  }

  @Mutation(() => CustomerPayload, { description: 'Removes tags (case-insensitive); absent ones are ignored.' })
  customerTagsRemove(@Arg('input', () => CustomerTagsInput) input: CustomerTagsInput, @Ctx() context: Context): Promise<CustomerPayload> {
    return payload(changeTags(context, input, 'remove'));
  }
}
