import { Field, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/errors.js';
import { StaffUserType } from '../staff/staff-user.type.js';

@InputType({ description: 'Email and password of a staff member.' })
export class LoginInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;
}

@ObjectType({ description: 'A bearer token on success; userErrors otherwise.' })
export class LoginPayload {
  @Field(() => String, { nullable: true, description: 'Send as "Authorization: Bearer <token>".' })
  token!: string | null;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => StaffUserType, { nullable: true })
  staffUser!: StaffUserType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
