import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { viewerOf, type Context } from '../../graphql/context.js';
import { StaffUserType } from '../staff/staff-user.type.js';
import { staffLoaders } from '../staff/staff.loaders.js';
import { LoginInput, LoginPayload, LogoutInput, LogoutPayload, TokenRefreshInput, TokenRefreshPayload } from './auth.types.js';
import { login, logout, refreshTokens } from './auth.service.js';

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, {
    description:
      'Exchanges email and password for a short-lived access token and a refresh token. Needs no token. Throttled: 5 failures for one email or 50 from one address within 15 minutes refuse further tries (LOGIN_THROTTLED, with retryAfterSeconds).',
  })
  login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() context: Context): Promise<LoginPayload> {
    return login(context, input);
  }

  @Mutation(() => TokenRefreshPayload, {
    description: 'Exchanges a refresh token for a new access token and the next refresh token. Needs no access token. Reusing a spent refresh token ends the whole session.',
  })
  tokenRefresh(@Arg('input', () => TokenRefreshInput) input: TokenRefreshInput, @Ctx() context: Context): Promise<TokenRefreshPayload> {
    return refreshTokens(context, input);
  }

  @Mutation(() => LogoutPayload, { description: "Ends the caller's sign-in session (or, with allSessions, every one of theirs): its access and refresh tokens stop working at once." })
  logout(@Arg('input', () => LogoutInput, { nullable: true }) input: LogoutInput | null, @Ctx() context: Context): Promise<LogoutPayload> {
    return logout(context, input?.allSessions ?? false);
  }

  @Query(() => StaffUserType, { description: 'The signed-in staff member (for an API key: the administrator who created it).' })
  async me(@Ctx() context: Context): Promise<StaffUserType> {
    return (await staffLoaders(context).byId.load(viewerOf(context).staffUserId))!;
  }
}
