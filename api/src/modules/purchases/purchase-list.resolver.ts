import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { Allowed } from '../access/guard.js';
import { findPurchasesByIds } from './purchase.service.js';
import { PurchasesArgs, listPurchases } from './purchase-list.js';
import { PurchaseConnection, PurchaseType } from './purchase.type.js';

@Resolver()
export class PurchaseListResolver {
  @Query(() => PurchaseConnection, { description: 'Purchases and refunds of every customer, filtered; newest first by default.' })
  @Allowed('read', 'purchases')
  purchases(@Args(() => PurchasesArgs) args: PurchasesArgs, @Ctx() context: Context): Promise<Connection<PurchaseType>> {
    return listPurchases(context.em, args);
  }

  @Query(() => PurchaseType, { nullable: true, description: 'One purchase or refund by id; null when there is none.' })
  @Allowed('read', 'purchases')
  async purchase(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<PurchaseType | null> {
    return (await findPurchasesByIds(context.em, [id]))[0] ?? null;
  }
}
