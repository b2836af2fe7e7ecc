import { Field, ID, Int, ObjectType } from 'type-graphql';
import { HandoffStatus, Team } from '../../domain/enums.js';
import { timestamp } from '../../db/sql.js';
import { ConnectionType } from '../../graphql/connection.js';
import { PersonalData } from '../access/masking.js';
import { instanceOf } from '../../graphql/instances.js';

@ObjectType('Handoff', {
  description: 'An account passed from one team to another, with the context the receiving team needs so nobody re-asks the customer.',
})
export class HandoffType {
  @Field(() => ID)
  id!: string;

  @Field(() => Team)
  fromTeam!: Team;

  @Field(() => Team)
  toTeam!: Team;

  @Field(() => String, { description: 'What the receiving team must know, in a few lines.' })
  @PersonalData()
  summary!: string;

  @Field(() => String, { description: 'What the customer wants to achieve.' })
  @PersonalData()
  customerGoals!: string;

  @Field(() => String, { description: 'What was promised to the customer, so it is kept.' })
  @PersonalData()
  commitments!: string;

  @Field(() => String, { nullable: true })
  @PersonalData()
  keyContacts!: string | null;

  @Field(() => String, { nullable: true })
  @PersonalData()
  risks!: string | null;

  @Field(() => HandoffStatus)
  status!: HandoffStatus;

  @Field(() => String, { nullable: true, description: 'Why the receiving team turned the handoff down (set when REJECTED).' })
  @PersonalData()
  rejectionReason!: string | null;

  @Field(() => String, { nullable: true, description: 'What the receiving team noted when it completed the handoff.' })
  @PersonalData()
  completionNote!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the handoff was withdrawn, when the canceller gave a reason.' })
  @PersonalData()
  cancellationReason!: string | null;

  @Field(() => Date)
  requestedAt!: Date;

  @Field(() => Date, {
    description: "Accept by then: requestedAt plus the receiving team's handoff SLA (TeamSla.handoffSlaMinutes) as it was when requested.",
  })
  dueAt!: Date;

  @Field(() => Date, { nullable: true })
  acceptedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  rejectedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Int)
  version!: number;

  customerId!: string;
  fromStaffId!: string | null;
  toStaffId!: string | null;
}

export const HandoffConnection = ConnectionType(HandoffType, 'Handoff');

export interface HandoffRow {
  id: string;
  customer_id: string;
  from_team: Team;
  to_team: Team;
  from_staff_id: string | null;
  to_staff_id: string | null;
  summary: string;
  customer_goals: string;
  commitments: string;
  key_contacts: string | null;
  risks: string | null;
  status: HandoffStatus;
  rejection_reason: string | null;
  completion_note: string | null;
  cancellation_reason: string | null;
  requested_at: string;
  due_at: string;
  accepted_at: string | null;
  completed_at: string | null;
  rejected_at: string | null;
  cancelled_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export function toHandoff(row: HandoffRow): HandoffType {
  return instanceOf(HandoffType, {
    id: row.id,
    customerId: row.customer_id,
    fromTeam: row.from_team,
    toTeam: row.to_team,
    fromStaffId: row.from_staff_id,
    toStaffId: row.to_staff_id,
    summary: row.summary,
    customerGoals: row.customer_goals,
    commitments: row.commitments,
    keyContacts: row.key_contacts,
    risks: row.risks,
    status: row.status,
    rejectionReason: row.rejection_reason,
    completionNote: row.completion_note ?? null,
    cancellationReason: row.cancellation_reason ?? null,
    requestedAt: timestamp(row.requested_at),
    dueAt: timestamp(row.due_at),
    acceptedAt: timestamp(row.accepted_at),
    completedAt: timestamp(row.completed_at),
    rejectedAt: timestamp(row.rejected_at),
    cancelledAt: timestamp(row.cancelled_at),
    createdAt: timestamp(row.created_at),
    updatedAt: timestamp(row.updated_at),
    version: row.version,
  });
}
