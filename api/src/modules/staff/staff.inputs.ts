import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { StaffRole, Team } from '../../domain/enums.js';
import { UserError } from '../../graphql/errors.js';
import { StaffUserType } from './staff-user.type.js';

@InputType({ description: 'A new staff account (ADMIN only).' })
export class StaffCreateInput {
  @Field(() => String, { description: 'Sign-in email, unique (case-insensitive), at most 254 characters.' })
  email!: string;

  @Field(() => String, { description: '1–200 characters.' })
  name!: string;

  @Field(() => StaffRole)
  role!: StaffRole;

  @Field(() => Team, {
    nullable: true,
    description: 'SALES, SERVICE, SUCCESS and MARKETING staff sit in the team of their role; a MANAGER needs a team; ADMIN and ANALYST may have none.',
  })
  team?: Team | null;

  @Field(() => String, { description: 'Initial password: 12–200 characters, not the email address.' })
  password!: string;
}

@InputType({ description: 'Changes to a staff account (ADMIN only); fields left out stay as they are.' })
export class StaffUpdateInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; when given and stale, CONFLICT.' })
  version?: number | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => StaffRole, { nullable: true })
  role?: StaffRole | null;

  @Field(() => Team, { nullable: true, description: 'Give null to take the person out of every team (ADMIN and ANALYST only).' })
  team?: Team | null;
}

@InputType({ description: 'The staff account to act on.' })
export class StaffIdInput {
  @Field(() => ID)
  id!: string;
}

@InputType({ description: 'A new password for a staff account; every session of theirs ends.' })
export class StaffResetPasswordInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '12–200 characters, not the email address.' })
  password!: string;
}

@ObjectType({ description: 'The staff member after the change; userErrors otherwise.' })
export class StaffUserPayload {
  @Field(() => StaffUserType, { nullable: true })
  staffUser!: StaffUserType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
