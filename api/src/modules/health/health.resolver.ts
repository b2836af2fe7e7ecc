import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { CustomerType } from '../customers/customer.type.js';
import { healthLoaders } from './health.loaders.js';
import { Health } from './health.type.js';

@Resolver(() => CustomerType)
export class CustomerHealthResolver {
  @FieldResolver(() => Health, { description: 'Health score 0–100 and churn risk, with the factors that made them.' })
  health(
    @Root() customer: CustomerType,
    @Arg('asOf', () => Date, { nullable: true, description: 'Compute as of this moment (default: now).' }) asOf: Date | null,
    @Ctx() context: Context,
  ): Promise<Health> {
    return healthLoaders(context).byCustomer.load({ customerId: customer.id, asOf: asOf ?? context.now });
  }
}
