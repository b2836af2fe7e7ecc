import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { viewerOf, type Context } from '../../graphql/context.js';
import type { Connection } from '../../graphql/connection.js';
import { staffLoaders } from '../staff/staff.loaders.js';
import { StaffUserType } from '../staff/staff-user.type.js';
import { CustomersArgs } from './customer.inputs.js';
import { customerLoaders } from './customer.loaders.js';
import { listCustomers } from './customer.service.js';
import { CustomerConnection, CustomerType } from './customer.type.js';
import { Allowed } from '../access/guard.js';
import { MASKED, seesPersonalData } from '../access/masking.js';
import { visibleListArgs } from './customer-visibility.js';

@Resolver(() => CustomerType)
@Allowed('read', 'customers')
export class CustomerResolver {
  @Query(() => CustomerType, { nullable: true, description: 'One customer by id; null when there is none.' })
  customer(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<CustomerType | null> {
    return customerLoaders(context).byId.load(id);
  }

  @Query(() => CustomerConnection, { description: 'Customers, filtered and ordered, a page at a time.' })
  customers(@Args(() => CustomersArgs) args: CustomersArgs, @Ctx() context: Context): Promise<Connection<CustomerType>> {
    return listCustomers(context.em, visibleListArgs(viewerOf(context), args), context.now);
  }

  @FieldResolver(() => StaffUserType, { nullable: true, description: 'The staff member who owns the relationship.' })
  owner(@Root() customer: CustomerType, @Ctx() context: Context): Promise<StaffUserType | null> | null {
    return customer.ownerId ? staffLoaders(context).byId.load(customer.ownerId) : null;
  }

  @FieldResolver(() => Boolean, {
    description: `True when you may not read personal data: name, company, email, phone and externalId (and the free texts of interactions, survey answers and handoffs) then read "${MASKED}", or null where there is no value.`,
  })
  personalDataMasked(@Ctx() context: Context): boolean {
    return !seesPersonalData(viewerOf(context));
  }
}
