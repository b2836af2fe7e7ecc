import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AcquisitionChannel, CustomerKind, LifecycleStage, Segment } from '../../domain/enums.js';
import { timestamp } from '../../db/sql.js';
import { ConnectionType } from '../../graphql/connection.js';
import { PersonalData } from '../access/masking.js';
import { instanceOf } from '../../graphql/instances.js';

@ObjectType('Customer', { description: 'A person or business we sell to and serve: the hub of the graph.' })
export class CustomerType {
  @Field(() => ID)
  id!: string;

  @Field(() => CustomerKind)
  kind!: CustomerKind;

  @Field(() => String)
  @PersonalData()
  name!: string;

  @Field(() => String, { nullable: true })
  @PersonalData()
  company!: string | null;

  @Field(() => String, { nullable: true })
  @PersonalData()
  email!: string | null;

  @Field(() => String, { nullable: true })
  @PersonalData()
  phone!: string | null;

  @Field(() => Segment)
  segment!: Segment;

  @Field(() => String, { nullable: true, description: 'Marketing persona, free text (e.g. "Busy founder").' })
  persona!: string | null;

  @Field(() => LifecycleStage)
  lifecycleStage!: LifecycleStage;

  @Field(() => AcquisitionChannel)
  acquisitionChannel!: AcquisitionChannel;

  @Field(() => Date, { nullable: true, description: 'When the customer first bought (became a CUSTOMER); null for leads and prospects.' })
  acquiredAt!: Date | null;

  @Field(() => Date, { nullable: true })
  churnedAt!: Date | null;

  @Field(() => String, { nullable: true })
  churnReason!: string | null;

  @Field(() => [String])
  tags!: string[];

  @Field(() => String, { description: 'BCP 47 language tag, e.g. "en" or "zh-Hans".' })
  locale!: string;

  @Field(() => String, { nullable: true, description: "The customer's id in the integrator's system; unique." })
  @PersonalData()
  externalId!: string | null;

  @Field(() => Date, { nullable: true })
  archivedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "When customerErase removed this customer's personal data; an erased customer can no longer be changed. Null: never erased.",
  })
  erasedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the latest interaction with the customer occurred; null before the first.' })
  lastInteractionAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Int, { description: 'Increases with every change; send it back with updates (optimistic locking).' })
  version!: number;

  /** Not exposed: resolved to `owner` through the staff loader. */
  ownerId!: string | null;
}

export const CustomerConnection = ConnectionType(CustomerType, 'Customer');

export interface CustomerRow {
  id: string;
  kind: CustomerKind;
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  segment: Segment;
  persona: string | null;
  lifecycle_stage: LifecycleStage;
  acquisition_channel: AcquisitionChannel;
  acquired_at: string | null;
  churned_at: string | null;
  churn_reason: string | null;
  owner_id: string | null;
  tags: string[];
  locale: string;
  external_id: string | null;
  archived_at: string | null;
  erased_at: string | null;
  last_interaction_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export function toCustomer(row: CustomerRow): CustomerType {
  return instanceOf(CustomerType, {
    id: row.id,
    kind: row.kind,
    name: row.name,
    company: row.company,
    email: row.email,
    phone: row.phone,
    segment: row.segment,
    persona: row.persona,
    lifecycleStage: row.lifecycle_stage,
    acquisitionChannel: row.acquisition_channel,
    acquiredAt: timestamp(row.acquired_at),
    churnedAt: timestamp(row.churned_at),
    churnReason: row.churn_reason,
    ownerId: row.owner_id,
    tags: row.tags,
    locale: row.locale,
    externalId: row.external_id,
    archivedAt: timestamp(row.archived_at),
    erasedAt: timestamp(row.erased_at),
    lastInteractionAt: timestamp(row.last_interaction_at),
    createdAt: timestamp(row.created_at),
    updatedAt: timestamp(row.updated_at),
    version: row.version,
  });
}
