import type {
  AcquisitionChannel,
  Channel,
  ChurnRisk,
  CustomerKind,
  Direction,
  HandoffStatus,
  JourneyStage,
  HealthFactorName,
  LifecycleStage,
  NpsCategory,
  PurchaseKind,
  Segment,
  SlaStatus,
  StaffRole,
  SurveyKind,
  Team,
  TimelineEventKind,
} from './enums';

/** Shapes of the objects the console reads, as the public GraphQL API returns them. */

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

export interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  team: Team | null;
  active: boolean;
  createdAt: string;
}

export type StaffUserRef = Pick<StaffUser, 'id' | 'name' | 'email'>;

export interface Customer {
  id: string;
  kind: CustomerKind;
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  segment: Segment;
  persona: string | null;
  lifecycleStage: LifecycleStage;
  acquisitionChannel: AcquisitionChannel;
  acquiredAt: string | null;
  churnedAt: string | null;
  churnReason: string | null;
  tags: string[];
  locale: string;
  externalId: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  owner: StaffUserRef | null;
  lastInteractionAt: string | null;
}

export interface Interaction {
  id: string;
  channel: Channel;
  direction: Direction;
  team: Team;
  journeyStage: JourneyStage | null;
  subject: string | null;
  summary: string | null;
  occurredAt: string;
  staff: StaffUserRef | null;
  respondedAt: string | null;
  resolvedAt: string | null;
  externalId: string | null;
  /** Inbound only: when it must be answered, and how that response SLA stands now. */
  responseDueAt?: string | null;
  slaStatus?: SlaStatus | null;
}

export interface Purchase {
  id: string;
  /** An exact decimal as a string, e.g. "1299.5000"; positive even for refunds. */
  amount: string;
  currency: string;
  product: string | null;
  kind: PurchaseKind;
  purchasedAt: string;
  externalId: string | null;
}

export interface SurveyResponse {
  id: string;
  kind: SurveyKind;
  score: number;
  comment: string | null;
  team: Team | null;
  channel: Channel | null;
  journeyStage: JourneyStage | null;
  respondedAt: string;
  externalId: string | null;
}

export interface Handoff {
  id: string;
  fromTeam: Team;
  toTeam: Team;
  fromStaff: StaffUserRef | null;
  toStaff: StaffUserRef | null;
  summary: string;
  customerGoals: string;
  commitments: string;
  keyContacts: string | null;
  risks: string | null;
  status: HandoffStatus;
  rejectionReason: string | null;
  requestedAt: string;
  dueAt: string;
  acceptedAt: string | null;
  completedAt: string | null;
  rejectedAt: string | null;
  cancelledAt: string | null;
  slaStatus?: SlaStatus | null;
  /** Send it back with each step (optimistic locking); read by the inbox and the customer's handoff list. */
  version?: number;
  completionNote?: string | null;
  cancellationReason?: string | null;
}

/** A row of the handoff inbox: the handoff with the customer it concerns. */
export interface HandoffInboxRow extends Handoff {
  version: number;
  customer: Pick<Customer, 'id' | 'name' | 'company'>;
}

/** Decimal scalars arrive as exact strings ("1299.5000"): display them with shared/decimal.ts, never as floats. */
export type Decimal = string;

export interface LifetimeValue {
  asOf: string;
  currency: string | null;
  historicalValue: Decimal;
  grossPurchases: Decimal;
  refunds: Decimal;
  purchaseCount: number;
  refundCount: number;
  averagePurchaseValue: Decimal | null;
  tenureYears: Decimal | null;
  purchaseFrequencyPerYear: Decimal | null;
  segmentAnnualChurnRate: Decimal | null;
  expectedLifespanYears: Decimal | null;
  predictedValue: Decimal | null;
  otherCurrencies: string[];
  firstPurchaseAt: string | null;
  lastPurchaseAt: string | null;
}

export interface CsatScore {
  score: Decimal | null;
  satisfied: number;
  total: number;
}

export interface NpsScore {
  score: Decimal | null;
  promoters: number;
  passives: number;
  detractors: number;
  total: number;
}

export interface CesScore {
  average: Decimal | null;
  highEffortRate: Decimal | null;
  highEffort: number;
  total: number;
}

export interface Scores {
  csat: CsatScore;
  nps: NpsScore;
  ces: CesScore;
}

export interface Satisfaction extends Scores {
  since: string | null;
  latestNpsCategory: NpsCategory | null;
  byTeam: (Scores & { team: Team })[];
  byJourneyStage: (Scores & { journeyStage: JourneyStage })[];
}

export interface HealthFactor {
  name: HealthFactorName;
  rawValue: string | null;
  contribution: number;
  explanation: string;
}

export interface Health {
  asOf: string;
  score: number;
  churnRisk: ChurnRisk;
  baseline: number;
  factors: HealthFactor[];
}

export interface SlaState {
  asOf: string;
  openBreaches: number;
  interactionBreaches: number;
  handoffBreaches: number;
  oldestBreachDueAt: string | null;
}

/** A row of the customer list: the customer with the figures its columns show. */
export interface CustomerListRow extends Customer {
  health: Pick<Health, 'score' | 'churnRisk'>;
  lifetimeValue: Pick<LifetimeValue, 'historicalValue' | 'currency'>;
}

/** The customer 360 page's record: the customer with every figure of its cards, fetched in one request. */
export interface Customer360 extends Customer {
  lifetimeValue: LifetimeValue;
  satisfaction: Satisfaction;
  /** The same scores over the last 90 days (`satisfaction(since:)`). */
  recentSatisfaction: Satisfaction;
  health: Health;
  slaState: SlaState;
}

interface TimelineEventBase {
  /** "<kind>:<id of the underlying row>", unique across kinds. */
  id: string;
  occurredAt: string;
  channel: Channel | null;
  team: Team | null;
}

export type HandoffEventKind = Exclude<TimelineEventKind, 'INTERACTION' | 'PURCHASE' | 'SURVEY_RESPONSE'>;

export type TimelineEvent =
  | (TimelineEventBase & {
      kind: 'INTERACTION';
      interaction: Pick<Interaction, 'id' | 'channel' | 'direction' | 'team' | 'subject' | 'summary' | 'staff' | 'responseDueAt' | 'slaStatus'>;
    })
  | (TimelineEventBase & { kind: 'PURCHASE'; purchase: Pick<Purchase, 'id' | 'amount' | 'currency' | 'kind' | 'product'> })
  | (TimelineEventBase & { kind: 'SURVEY_RESPONSE'; surveyResponse: Pick<SurveyResponse, 'id' | 'kind' | 'score' | 'comment'> })
  | (TimelineEventBase & {
      kind: HandoffEventKind;
      transition: HandoffStatus;
      handoff: Pick<Handoff, 'id' | 'fromTeam' | 'toTeam' | 'summary' | 'status' | 'rejectionReason' | 'slaStatus'>;
    });
