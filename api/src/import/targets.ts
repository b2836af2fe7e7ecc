import {
  AcquisitionChannel,
  Channel,
  CustomerKind,
  Direction,
  JourneyStage,
  LifecycleStage,
  PurchaseKind,
  Segment,
  SurveyKind,
  Team,
} from '../domain/enums.js';

/*
 * The fields a mapping may fill for each kind of record: the API's create input fields, plus
 * references by the integrator's own keys (customerExternalId, ownerEmail, staffEmail) that the
 * importer turns into ids. Types say how a cell is converted before the API's rules judge it.
 */

export type ImportKindName = 'customers' | 'purchases' | 'interactions' | 'survey-responses';

export interface TargetField {
  type: 'text' | 'enum' | 'date' | 'integer' | 'decimal' | 'id' | 'list';
  values?: readonly string[];
  /** Non-null in the GraphQL input: a row without it is rejected (REQUIRED). */
  required?: boolean;
  /** Another field that may stand in for this required one (customerExternalId for customerId). */
  alternative?: string;
}

export interface ImportKind {
  /** The GraphQL type, for messages. */
  entity: string;
  fields: Record<string, TargetField>;
}

const text = { type: 'text' } as const;
const date = { type: 'date' } as const;
const enumOf = (values: Record<string, string>, required = false): TargetField => ({ type: 'enum', values: Object.values(values), required });
const customerReference = {
  customerId: { type: 'id', required: true, alternative: 'customerExternalId' },
  customerExternalId: text,
} as const satisfies Record<string, TargetField>;

export const IMPORT_KINDS: Record<ImportKindName, ImportKind> = {
  customers: {
    entity: 'Customer',
    fields: {
      externalId: text,
      kind: enumOf(CustomerKind),
      name: { type: 'text', required: true },
      company: text,
      email: text,
      phone: text,
      segment: enumOf(Segment, true),
      persona: text,
      lifecycleStage: enumOf(LifecycleStage),
      acquisitionChannel: enumOf(AcquisitionChannel, true),
      acquiredAt: date,
      churnedAt: date,
      churnReason: text,
      ownerId: { type: 'id' },
      ownerEmail: text,
      tags: { type: 'list' },
      locale: text,
    },
  },
  purchases: {
    entity: 'Purchase',
    fields: {
      externalId: text,
      ...customerReference,
      amount: { type: 'decimal', required: true },
      currency: { type: 'text', required: true },
      product: text,
      kind: enumOf(PurchaseKind, true),
      purchasedAt: date,
    },
  },
  interactions: {
    entity: 'Interaction',
    fields: {
      externalId: text,
      ...customerReference,
      channel: enumOf(Channel, true),
      direction: enumOf(Direction, true),
      team: enumOf(Team, true),
      journeyStage: enumOf(JourneyStage),
      subject: text,
      summary: text,
      occurredAt: date,
      staffId: { type: 'id' },
      staffEmail: text,
      respondedAt: date,
      resolvedAt: date,
    },
  },
  'survey-responses': {
    entity: 'SurveyResponse',
    fields: {
      externalId: text,
      ...customerReference,
      kind: enumOf(SurveyKind, true),
      score: { type: 'integer', required: true },
      comment: text,
      team: enumOf(Team),
      channel: enumOf(Channel),
      journeyStage: enumOf(JourneyStage),
      interactionId: { type: 'id' },
      respondedAt: date,
    },
  },
};

export const IMPORT_KIND_NAMES = Object.keys(IMPORT_KINDS) as ImportKindName[];
