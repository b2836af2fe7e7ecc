/**
 * The CRM's shared vocabulary. Entities store these as text guarded by CHECK constraints;
 * GraphQL exposes them as enums (registered in graphql/enums.ts).
 */

export enum LifecycleStage {
  LEAD = 'LEAD',
  PROSPECT = 'PROSPECT',
  CUSTOMER = 'CUSTOMER',
  CHURNED = 'CHURNED',
}

export enum CustomerKind {
  PERSON = 'PERSON',
  BUSINESS = 'BUSINESS',
}

export enum Segment {
  CONSUMER = 'CONSUMER',
  SMALL_BUSINESS = 'SMALL_BUSINESS',
  MID_MARKET = 'MID_MARKET',
  ENTERPRISE = 'ENTERPRISE',
}

export enum AcquisitionChannel {
  ORGANIC_SEARCH = 'ORGANIC_SEARCH',
  PAID_SEARCH = 'PAID_SEARCH',
  SOCIAL_ADS = 'SOCIAL_ADS',
  REFERRAL = 'REFERRAL',
  EMAIL_CAMPAIGN = 'EMAIL_CAMPAIGN',
  EVENTS = 'EVENTS',
  PARTNER = 'PARTNER',
  OUTBOUND_SALES = 'OUTBOUND_SALES',
  DIRECT = 'DIRECT',
}

export enum Channel {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  CHAT = 'CHAT',
  SMS = 'SMS',
  WHATSAPP = 'WHATSAPP',
  FACEBOOK_MESSENGER = 'FACEBOOK_MESSENGER',
  WECHAT = 'WECHAT',
  SOCIAL = 'SOCIAL',
  IN_APP = 'IN_APP',
  IN_PERSON = 'IN_PERSON',
  WEBINAR = 'WEBINAR',
}

export enum Direction {
  INBOUND = 'INBOUND',
  OUTBOUND = 'OUTBOUND',
}

export enum Team {
  MARKETING = 'MARKETING',
  SALES = 'SALES',
  SERVICE = 'SERVICE',
  SUCCESS = 'SUCCESS',
}

/** Where in the customer's journey a touchpoint happens. */
export enum JourneyStage {
  AWARENESS = 'AWARENESS',
  CONSIDERATION = 'CONSIDERATION',
  PURCHASE = 'PURCHASE',
  ONBOARDING = 'ONBOARDING',
  ADOPTION = 'ADOPTION',
  SUPPORT = 'SUPPORT',
  RENEWAL = 'RENEWAL',
  ADVOCACY = 'ADVOCACY',
}

export enum PurchaseKind {
  ONE_TIME = 'ONE_TIME',
  SUBSCRIPTION = 'SUBSCRIPTION',
  RENEWAL = 'RENEWAL',
  EXPANSION = 'EXPANSION',
  /** Stored with a positive amount; every sum counts it negative. */
  REFUND = 'REFUND',
}

export enum SurveyKind {
  CSAT = 'CSAT',
  NPS = 'NPS',
  CES = 'CES',
}

export enum HandoffStatus {
  REQUESTED = 'REQUESTED',
  ACCEPTED = 'ACCEPTED',
  COMPLETED = 'COMPLETED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}

export enum StaffRole {
  ADMIN = 'ADMIN',
  MANAGER = 'MANAGER',
  SALES = 'SALES',
  SERVICE = 'SERVICE',
  SUCCESS = 'SUCCESS',
  MARKETING = 'MARKETING',
  ANALYST = 'ANALYST',
}

/** Inclusive score range per survey kind: CSAT 1–5, NPS 0–10, CES 1–7. */
export const SURVEY_SCORE_RANGE: Record<SurveyKind, { min: number; max: number }> = {
  [SurveyKind.CSAT]: { min: 1, max: 5 },
  [SurveyKind.NPS]: { min: 0, max: 10 },
  [SurveyKind.CES]: { min: 1, max: 7 },
};
