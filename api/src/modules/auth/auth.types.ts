import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/errors.js';
import { StaffUserType } from '../staff/staff-user.type.js';

@InputType({ description: 'Email and password of a staff member.' })
export class LoginInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;
}

@ObjectType({ description: 'A short-lived access token and a refresh token on success; userErrors otherwise.' })
export class LoginPayload {
  @Field(() => String, { nullable: true, description: 'Send as "Authorization: Bearer <token>". Short-lived (ACCESS_TOKEN_TTL_SECONDS, default 15 minutes).' })
  token!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the access token stops working: get a new one with tokenRefresh before then.' })
  expiresAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Exchange it for a new access token with tokenRefresh. Usable once: each refresh returns the next one.' })
  refreshToken!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the refresh token stops working (REFRESH_TOKEN_TTL_SECONDS after it was issued).' })
  refreshTokenExpiresAt!: Date | null;

  @Field(() => StaffUserType, { nullable: true })
  staffUser!: StaffUserType | null;

  @Field(() => Int, { nullable: true, description: 'With a LOGIN_THROTTLED error: seconds to wait before trying again.' })
  retryAfterSeconds!: number | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType({ description: 'The refresh token from login or from the previous tokenRefresh.' })
export class TokenRefreshInput {
  @Field(() => String)
  refreshToken!: string;
}

@ObjectType({ description: 'A new access token and the next refresh token; userErrors (REFRESH_TOKEN_INVALID) otherwise.' })
export class TokenRefreshPayload {
  @Field(() => String, { nullable: true })
  token!: string | null;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Replaces the one sent, which is now used up: sending it again ends the session.' })
  refreshToken!: string | null;

  @Field(() => Date, { nullable: true })
  refreshTokenExpiresAt!: Date | null;

  @Field(() => StaffUserType, { nullable: true })
  staffUser!: StaffUserType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType({ description: 'Which sessions to end.' })
export class LogoutInput {
  @Field(() => Boolean, { nullable: true, description: 'End every session of the signed-in staff member (sign out everywhere), not only this one. Default false.' })
  allSessions?: boolean | null;
}

@ObjectType({ description: 'Empty userErrors when the session was ended.' })
export class LogoutPayload {
  @Field(() => Int, { description: 'How many sessions this call ended (0 when they had already ended).' })
  endedSessions!: number;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
