import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { eraseCustomer } from './customer-erase.js';
import { exportCustomer } from './customer-export.js';
import { CustomerEraseInput, CustomerErasePayload, CustomerExport } from './privacy.type.js';

@Resolver()
export class PrivacyResolver {
  @Query(() => CustomerExport, {
    description: 'Everything held about one customer as one JSON document (ADMIN and MANAGER: privacyExport and personal data). Audited.',
  })
  customerExport(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<CustomerExport> {
    return exportCustomer(context, id);
  }

  @Mutation(() => CustomerErasePayload, {
    description:
      "Erases a customer's personal data everywhere it lives, keeping the anonymised money and score rows so every metric stays the same (ADMIN only). Cannot be undone; audited without personal values.",
  })
  async customerErase(@Arg('input', () => CustomerEraseInput) input: CustomerEraseInput, @Ctx() context: Context): Promise<CustomerErasePayload> {
    const { value, userErrors } = await eraseCustomer(context, input);
    return { erasure: value?.erasure ?? null, customer: value?.customer ?? null, userErrors };
  }
}
