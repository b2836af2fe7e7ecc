import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { customerLoaders } from '../customers/customer.loaders.js';
import { CustomerType } from '../customers/customer.type.js';
import { staffLoaders } from '../staff/staff.loaders.js';
import { StaffUserType } from '../staff/staff-user.type.js';
import { interactionLoaders } from './interaction.loaders.js';
import { InteractionConnection, InteractionType } from './interaction.type.js';
import { Allowed } from '../access/guard.js';

@Resolver(() => CustomerType)
@Allowed('read', 'interactions')
export class CustomerInteractionsResolver {
  @FieldResolver(() => InteractionConnection, { description: 'Interactions with this customer, newest first.' })
  interactions(@Root() customer: CustomerType, @Args(() => PageArgs) page: PageArgs, @Ctx() context: Context): Promise<Connection<InteractionType>> {
    return interactionLoaders(context).byCustomer.page(customer.id, page);
  }
}

@Resolver(() => InteractionType)
export class InteractionResolver {
  @FieldResolver(() => CustomerType)
  @Allowed('read', 'customers')
  async customer(@Root() interaction: InteractionType, @Ctx() context: Context): Promise<CustomerType> {
    return (await customerLoaders(context).byId.load(interaction.customerId))!;
  }

  @FieldResolver(() => StaffUserType, { nullable: true, description: 'The staff member who handled it.' })
  staff(@Root() interaction: InteractionType, @Ctx() context: Context): Promise<StaffUserType | null> | null {
    return interaction.staffId ? staffLoaders(context).byId.load(interaction.staffId) : null;
  }
}
