import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { StaffRole, Team } from '../../domain/enums.js';

@Entity({ tableName: 'staff_user' })
@Unique({ name: 'staff_user_email_unique', expression: 'create unique index "staff_user_email_unique" on "staff_user" (lower("email"))' })
export class StaffUser extends BaseEntity<'active' | 'team'> {
  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => StaffRole, type: 'string' })
  role!: StaffRole;

  /** The team the person works in; null for admins and analysts who sit outside the four teams. */
  @Enum({ items: () => Team, type: 'string', nullable: true })
  @Index()
  team: Team | null = null;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  /** scrypt hash in the form `scrypt$N$r$p$salt$hash` (see auth/password.ts). */
  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;
}
