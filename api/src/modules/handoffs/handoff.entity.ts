import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { HandoffStatus, Team } from '../../domain/enums.js';
import { Customer } from '../customers/customer.entity.js';
import { StaffUser } from '../staff/staff-user.entity.js';

@Entity({ tableName: 'handoff' })
@Index({ name: 'handoff_customer_requested', properties: ['customer', 'requestedAt', 'id'] })
@Index({ name: 'handoff_to_team_status_due', properties: ['toTeam', 'status', 'dueAt'] })
// Open handoff SLAs: handoffs still waiting to be accepted.
@Index({
  name: 'handoff_waiting',
  expression: `create index "handoff_waiting" on "handoff" ("customer_id", "due_at") where status = 'REQUESTED'`,
})
// The handoff inbox (Query.handoffs): every team's handoffs by SLA urgency or newest first, the
// sending team's outbox, and the waiting ones past due (the `breached` filter) without a scan.
@Index({ name: 'handoff_due', properties: ['dueAt', 'id'] })
@Index({ name: 'handoff_requested', properties: ['requestedAt', 'id'] })
@Index({ name: 'handoff_from_team_status_due', properties: ['fromTeam', 'status', 'dueAt'] })
@Index({
  name: 'handoff_waiting_due',
  expression: `create index "handoff_waiting_due" on "handoff" ("due_at", "id") where status = 'REQUESTED'`,
})
@Check({ name: 'handoff_teams_differ', expression: 'from_team <> to_team' })
@Check({ name: 'handoff_due_after_request', expression: 'due_at >= requested_at' })
@Check({ name: 'handoff_rejection_has_reason', expression: `status <> 'REJECTED' or rejection_reason is not null` })
export class Handoff extends BaseEntity<'status' | 'fromStaff' | 'toStaff' | 'keyContacts' | 'risks' | 'acceptedAt' | 'completedAt' | 'rejectedAt' | 'cancelledAt' | 'rejectionReason' | 'completionNote' | 'cancellationReason'> {
  @ManyToOne({ entity: () => Customer })
  customer!: Customer;

  @Enum({ items: () => Team, type: 'string' })
  fromTeam!: Team;

  @Enum({ items: () => Team, type: 'string' })
  toTeam!: Team;

  @ManyToOne({ entity: () => StaffUser, nullable: true })
  fromStaff: StaffUser | null = null;

  @ManyToOne({ entity: () => StaffUser, nullable: true })
  toStaff: StaffUser | null = null;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'text' })
  customerGoals!: string;

  @Property({ type: 'text' })
  commitments!: string;

  @Property({ type: 'text', nullable: true })
  keyContacts: string | null = null;

  @Property({ type: 'text', nullable: true })
  risks: string | null = null;

  @Enum({ items: () => HandoffStatus, type: 'string', default: HandoffStatus.REQUESTED })
  status: HandoffStatus = HandoffStatus.REQUESTED;

  @Property({ type: 'text', nullable: true })
  rejectionReason: string | null = null;

  /** What the receiving team noted on completing the handoff. */
  @Property({ type: 'text', nullable: true })
  completionNote: string | null = null;

  /** Why the handoff was withdrawn, if the canceller said. */
  @Property({ type: 'text', nullable: true })
  cancellationReason: string | null = null;

  @Property({ type: 'datetime' })
  requestedAt!: Date;

  /** requestedAt plus the receiving team's handoff SLA. */
  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  rejectedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;
}
