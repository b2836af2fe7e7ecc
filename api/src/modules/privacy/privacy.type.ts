import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/errors.js';
import { CustomerType } from '../customers/customer.type.js';

@ObjectType({ description: 'How many rows of each kind a privacy request covered.' })
export class PrivacyRowCounts {
  @Field(() => Int, { description: 'The customer row itself (1, or 0 when nothing in it was personal).' })
  customer!: number;

  @Field(() => Int)
  interactions!: number;

  @Field(() => Int, { description: 'Purchases, refunds included.' })
  purchases!: number;

  @Field(() => Int)
  surveyResponses!: number;

  @Field(() => Int)
  handoffs!: number;

  @Field(() => Int, { description: 'Audit events about the customer and its child rows.' })
  auditEvents!: number;
}

@ObjectType({
  description:
    'Everything held about one customer, as one JSON document to hand to the person (right of access and portability). ' +
    'Reading it is audited ("customerExport", without personal values).',
})
export class CustomerExport {
  @Field(() => ID)
  customerId!: string;

  @Field(() => Date, { description: 'The moment the document describes: every row and figure is as of then (one consistent snapshot).' })
  exportedAt!: Date;

  @Field(() => Int, { description: 'Version of the document layout; it only grows when the layout changes incompatibly.' })
  formatVersion!: number;

  @Field(() => PrivacyRowCounts, { description: 'How many rows of each kind the document holds.' })
  counts!: PrivacyRowCounts;

  @Field(() => GraphQLJSONObject, {
    description:
      'The document: format, formatVersion, exportedAt, exportedBy; customer (every column, with owner); tags; staff (names of the staff the rows refer to); ' +
      'interactions, purchases (refunds are purchases of kind REFUND whose refundOfId names the refunded one), surveyResponses, handoffs (with steps), ' +
      'auditEvents (every change to the customer and its rows, with before/after values); figures (lifetimeValue, satisfaction, health as of exportedAt). ' +
      'Keys are camelCase column names; money is exact decimal text; times are ISO 8601.',
  })
  document!: Record<string, unknown>;
}

@InputType({ description: 'Erases one customer\'s personal data for good (right to erasure). Cannot be undone.' })
export class CustomerEraseInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true, description: 'The version you last read; when given and someone changed the customer since, nothing is erased (CONFLICT).' })
  version?: number | null;

  @Field(() => String, {
    description: 'Why, 1–500 characters, e.g. "GDPR art. 17 request of 2026-11-20, ticket 4711". Kept in the audit trail, so it must not contain the person\'s name, email, phone or external id.',
  })
  reason!: string;

  @Field(() => Boolean, { description: 'Must be true: erasure cannot be undone.' })
  confirm!: boolean;
}

@ObjectType({ description: 'What an erasure changed.' })
export class CustomerErasure {
  @Field(() => ID)
  customerId!: string;

  @Field(() => Date)
  erasedAt!: Date;

  @Field(() => PrivacyRowCounts, { description: 'Rows whose personal data was removed or replaced, per kind.' })
  anonymisedRows!: PrivacyRowCounts;
}

@ObjectType({ description: 'The erasure and the customer as it is now (anonymised), or userErrors and no change.' })
export class CustomerErasePayload {
  @Field(() => CustomerErasure, { nullable: true })
  erasure!: CustomerErasure | null;

  @Field(() => CustomerType, { nullable: true })
  customer!: CustomerType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
