import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import type { MutationResult } from '../../graphql/mutation.js';
import { Allowed } from '../access/guard.js';
import { listStaff } from './staff.service.js';
import { createStaff, resetStaffPassword, setStaffActive, updateStaff } from './staff-admin.js';
import { StaffCreateInput, StaffIdInput, StaffResetPasswordInput, StaffUpdateInput, StaffUserPayload } from './staff.inputs.js';
import { StaffUserType } from './staff-user.type.js';

const payload = async (result: Promise<MutationResult<StaffUserType>>): Promise<StaffUserPayload> => {
  const { value, userErrors } = await result;
  return { staffUser: value, userErrors };
};

@Resolver(() => StaffUserType)
export class StaffResolver {
  @Query(() => [StaffUserType], { description: 'Every staff member, by name: for owner pickers and assignment. Readable by every role.' })
  @Allowed('read', 'staff')
  staffUsers(@Ctx() { em }: Context): Promise<StaffUserType[]> {
    return listStaff(em);
  }

  @Mutation(() => StaffUserPayload, { description: 'Creates a staff account with an initial password (ADMIN only). Audited.' })
  staffCreate(@Arg('input', () => StaffCreateInput) input: StaffCreateInput, @Ctx() context: Context): Promise<StaffUserPayload> {
    return payload(createStaff(context, input));
  }

  @Mutation(() => StaffUserPayload, { description: "Changes a staff member's name, role or team (ADMIN only). Audited." })
  staffUpdate(@Arg('input', () => StaffUpdateInput) input: StaffUpdateInput, @Ctx() context: Context): Promise<StaffUserPayload> {
    return payload(updateStaff(context, input));
  }

  @Mutation(() => StaffUserPayload, { description: 'Locks a staff member out at once: sign-in refused, every session and token ended, their API keys refused (ADMIN only). Audited.' })
  staffDeactivate(@Arg('input', () => StaffIdInput) input: StaffIdInput, @Ctx() context: Context): Promise<StaffUserPayload> {
    return payload(setStaffActive(context, input, false));
  }

  @Mutation(() => StaffUserPayload, { description: 'Lets a deactivated staff member sign in again (ADMIN only). Audited.' })
  staffReactivate(@Arg('input', () => StaffIdInput) input: StaffIdInput, @Ctx() context: Context): Promise<StaffUserPayload> {
    return payload(setStaffActive(context, input, true));
  }

  @Mutation(() => StaffUserPayload, { description: "Sets a new password and ends every session of the staff member (ADMIN only). Audited; the password is never recorded." })
  staffResetPassword(@Arg('input', () => StaffResetPasswordInput) input: StaffResetPasswordInput, @Ctx() context: Context): Promise<StaffUserPayload> {
    return payload(resetStaffPassword(context, input));
  }
}
