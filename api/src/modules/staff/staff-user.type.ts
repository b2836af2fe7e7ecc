import { timestamp } from '../../db/sql.js';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { StaffRole, Team } from '../../domain/enums.js';

@ObjectType('StaffUser', { description: 'A member of staff who signs in to the console or API.' })
export class StaffUserType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => StaffRole)
  role!: StaffRole;

  @Field(() => Team, { nullable: true, description: 'Null for staff outside the four customer-facing teams (admins, analysts).' })
  team!: Team | null;

  @Field(() => Boolean, { description: 'Inactive staff cannot sign in; their existing tokens stop working at once.' })
  active!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Int, { description: 'Changes with every update; send it back with staffUpdate to detect concurrent edits.' })
  version!: number;
}

export interface StaffUserRow {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  team: Team | null;
  active: boolean;
  created_at: string;
  version: number;
}

export const STAFF_COLUMNS = 'id, email, name, role, team, active, created_at, version';

export function toStaffUser(row: StaffUserRow): StaffUserType {
  return { id: row.id, email: row.email, name: row.name, role: row.role, team: row.team, active: row.active, createdAt: timestamp(row.created_at), version: row.version };
}
