import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { listStaff } from './staff.service.js';
import { StaffUserType } from './staff-user.type.js';

@Resolver(() => StaffUserType)
export class StaffResolver {
  @Query(() => [StaffUserType], { description: 'Every staff member, by name: for owner pickers and assignment.' })
  staffUsers(@Ctx() { em }: Context): Promise<StaffUserType[]> {
    return listStaff(em);
  }
}
