/**
 * The enum values of the public GraphQL schema, in the schema's order. Labels live in the i18n
 * catalogs under `customer360.enums.<EnumName>.<VALUE>`.
 */
export const enumValues = {
  LifecycleStage: ['LEAD', 'PROSPECT', 'CUSTOMER', 'CHURNED'],
  CustomerKind: ['PERSON', 'BUSINESS'],
  Segment: ['CONSUMER', 'SMALL_BUSINESS', 'MID_MARKET', 'ENTERPRISE'],
  AcquisitionChannel: [
    'ORGANIC_SEARCH',
    'PAID_SEARCH',
    'SOCIAL_ADS',
    'REFERRAL',
    'EMAIL_CAMPAIGN',
    'EVENTS',
    'PARTNER',
    'OUTBOUND_SALES',
    'DIRECT',
  ],
  Channel: [
    'EMAIL',
    'PHONE',
    'CHAT',
    'SMS',
    'WHATSAPP',
    'FACEBOOK_MESSENGER',
    'WECHAT',
    'SOCIAL',
    'IN_APP',
    'IN_PERSON',
    'WEBINAR',
  ],
  Direction: ['INBOUND', 'OUTBOUND'],
  Team: ['MARKETING', 'SALES', 'SERVICE', 'SUCCESS'],
  JourneyStage: ['AWARENESS', 'CONSIDERATION', 'PURCHASE', 'ONBOARDING', 'ADOPTION', 'SUPPORT', 'RENEWAL', 'ADVOCACY'],
  PurchaseKind: ['ONE_TIME', 'SUBSCRIPTION', 'RENEWAL', 'EXPANSION', 'REFUND'],
  SurveyKind: ['CSAT', 'NPS', 'CES'],
  HandoffStatus: ['REQUESTED', 'ACCEPTED', 'COMPLETED', 'REJECTED', 'CANCELLED'],
  StaffRole: ['ADMIN', 'MANAGER', 'SALES', 'SERVICE', 'SUCCESS', 'MARKETING', 'ANALYST'],
  ChurnRisk: ['LOW', 'MEDIUM', 'HIGH'],
  NpsCategory: ['PROMOTER', 'PASSIVE', 'DETRACTOR'],
  HealthFactorName: ['LIFECYCLE', 'LATEST_NPS', 'RECENT_CSAT', 'ENGAGEMENT', 'OPEN_SLA_BREACHES', 'SPEND_TREND'],
  SlaStatus: ['ON_TRACK', 'DUE_SOON', 'BREACHED', 'MET'],
  TimelineEventKind: [
    'INTERACTION',
    'PURCHASE',
    'SURVEY_RESPONSE',
    'HANDOFF_REQUESTED',
    'HANDOFF_ACCEPTED',
    'HANDOFF_COMPLETED',
    'HANDOFF_REJECTED',
    'HANDOFF_CANCELLED',
  ],
} as const;

export type EnumName = keyof typeof enumValues;
export type EnumValue<E extends EnumName> = (typeof enumValues)[E][number];

export type LifecycleStage = EnumValue<'LifecycleStage'>;
export type CustomerKind = EnumValue<'CustomerKind'>;
export type Segment = EnumValue<'Segment'>;
export type AcquisitionChannel = EnumValue<'AcquisitionChannel'>;
export type Channel = EnumValue<'Channel'>;
export type Direction = EnumValue<'Direction'>;
export type Team = EnumValue<'Team'>;
export type JourneyStage = EnumValue<'JourneyStage'>;
export type PurchaseKind = EnumValue<'PurchaseKind'>;
export type SurveyKind = EnumValue<'SurveyKind'>;
export type HandoffStatus = EnumValue<'HandoffStatus'>;
export type StaffRole = EnumValue<'StaffRole'>;
export type ChurnRisk = EnumValue<'ChurnRisk'>;
export type NpsCategory = EnumValue<'NpsCategory'>;
export type HealthFactorName = EnumValue<'HealthFactorName'>;
export type SlaStatus = EnumValue<'SlaStatus'>;
export type TimelineEventKind = EnumValue<'TimelineEventKind'>;

/** The i18n key of an enum value's label. */
export function enumLabelKey(name: EnumName, value: string): string {
  return `customer360.enums.${name}.${value}`;
}

/** Choices for SelectInput and friends; react-admin translates each `name`. */
export function enumChoices(name: EnumName): { id: string; name: string }[] {
  return enumValues[name].map((value) => ({ id: value, name: enumLabelKey(name, value) }));
}
