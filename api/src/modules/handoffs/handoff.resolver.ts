import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { customerLoaders } from '../customers/customer.loaders.js';
import { CustomerType } from '../customers/customer.type.js';
import { staffLoaders } from '../staff/staff.loaders.js';
import { StaffUserType } from '../staff/staff-user.type.js';
import { HandoffsArgs } from './handoff.inputs.js';
import { handoffLoaders } from './handoff.loaders.js';
import { listHandoffs } from './handoff.service.js';
import { HandoffConnection, HandoffType } from './handoff.type.js';
import { Allowed } from '../access/guard.js';

@Resolver(() => CustomerType)
@Allowed('read', 'handoffs')
export class CustomerHandoffsResolver {
  @FieldResolver(() => HandoffConnection, { description: 'Handoffs of this account between teams, newest request first.' })
  handoffs(@Root() customer: CustomerType, @Args(() => PageArgs) page: PageArgs, @Ctx() context: Context): Promise<Connection<HandoffType>> {
    return handoffLoaders(context).byCustomer.page(customer.id, page);
  }
}

@Resolver(() => HandoffType)
export class HandoffResolver {
  @Query(() => HandoffConnection, {
    description:
      'The handoff inbox across customers: filter by receiving or sending team, status, customer or breach; by default the most urgent first (dueAt ascending).',
  })
  @Allowed('read', 'handoffs')
  handoffs(@Args(() => HandoffsArgs) args: HandoffsArgs, @Ctx() context: Context): Promise<Connection<HandoffType>> {
    return listHandoffs(context.em, args, context.now);
  }

  @FieldResolver(() => CustomerType)
  @Allowed('read', 'customers')
  async customer(@Root() handoff: HandoffType, @Ctx() context: Context): Promise<CustomerType> {
    return (await customerLoaders(context).byId.load(handoff.customerId))!;
  }

  @FieldResolver(() => StaffUserType, { nullable: true, description: 'Who handed the account over.' })
  fromStaff(@Root() handoff: HandoffType, @Ctx() context: Context): Promise<StaffUserType | null> | null {
    return handoff.fromStaffId ? staffLoaders(context).byId.load(handoff.fromStaffId) : null;
  }

  @FieldResolver(() => StaffUserType, { nullable: true, description: 'Who took it on in the receiving team.' })
  toStaff(@Root() handoff: HandoffType, @Ctx() context: Context): Promise<StaffUserType | null> | null {
    return handoff.toStaffId ? staffLoaders(context).byId.load(handoff.toStaffId) : null;
  }
}
