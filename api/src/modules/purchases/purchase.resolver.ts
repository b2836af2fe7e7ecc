import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { selectedFieldNames } from '../../graphql/selection.js';
import { PageArgs, type Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { customerLoaders } from '../customers/customer.loaders.js';
import { CustomerType } from '../customers/customer.type.js';
import { CHURN_FIGURES } from './lifetime-value.js';
import { purchaseLoaders } from './purchase.loaders.js';
import { PurchaseConnection, PurchaseType } from './purchase.type.js';
import { LifetimeValue } from './lifetime-value.type.js';
import { Allowed } from '../access/guard.js';

@Resolver(() => CustomerType)
@Allowed('read', 'purchases')
export class CustomerPurchasesResolver {
  @FieldResolver(() => PurchaseConnection, { description: 'Purchases and refunds of this customer, newest first.' })
  purchases(@Root() customer: CustomerType, @Args(() => PageArgs) page: PageArgs, @Ctx() context: Context): Promise<Connection<PurchaseType>> {
    return purchaseLoaders(context).byCustomer.page(customer.id, page);
  }

  @FieldResolver(() => LifetimeValue, { description: 'Historical and predicted lifetime value, with the factors of the prediction.' })
  lifetimeValue(
    @Root() customer: CustomerType,
    @Arg('asOf', () => Date, { nullable: true, description: 'Compute as of this moment (default: now).' }) asOf: Date | null,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LifetimeValue> {
    const selected = selectedFieldNames(info);
    const withChurn = CHURN_FIGURES.some((figure) => selected.has(figure));
    return purchaseLoaders(context).lifetimeValue.load({ customer, asOf: asOf ?? context.now, withChurn });
  }
}

@Resolver(() => PurchaseType)
export class PurchaseResolver {
  @FieldResolver(() => CustomerType)
  @Allowed('read', 'customers')
  async customer(@Root() purchase: PurchaseType, @Ctx() context: Context): Promise<CustomerType> {
    return (await customerLoaders(context).byId.load(purchase.customerId))!;
  }

  @FieldResolver(() => PurchaseType, { nullable: true, description: 'For a REFUND: the purchase it refunds.' })
  refundOf(@Root() purchase: PurchaseType, @Ctx() context: Context): Promise<PurchaseType | null> | null {
    return purchase.refundOfId ? purchaseLoaders(context).byId.load(purchase.refundOfId) : null;
  }
}
