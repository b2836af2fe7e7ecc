import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { viewerOf, type Context } from '../../graphql/context.js';
import { StaffUserType } from '../staff/staff-user.type.js';
import { staffLoaders } from '../staff/staff.loaders.js';
import { LoginInput, LoginPayload } from './auth.types.js';
import { login } from './auth.service.js';

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, { description: 'Exchanges email and password for a signed, expiring bearer token. The only operation that needs no token.' })
  login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() context: Context): Promise<LoginPayload> {
    return login(context, input);
  }

  @Query(() => StaffUserType, { description: 'The signed-in staff member.' })
  async me(@Ctx() context: Context): Promise<StaffUserType> {
    return (await staffLoaders(context).byId.load(viewerOf(context).staffUserId))!;
  }
}
