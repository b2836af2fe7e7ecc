import type {
  AcquisitionChannel, Channel, CustomerKind, Direction, HandoffStatus, JourneyStage, LifecycleStage,
  PurchaseKind, Segment, StaffRole, SurveyKind, Team,
} from '../../domain/enums.js';

/**
 * Row shapes of the demo data: one plain object per table row, keys are the column names.
 * Timestamps are ISO 8601 UTC strings, dates `YYYY-MM-DD`, money decimal strings ("1299.50").
 */
export type Timestamp = string;

interface Audited {
  id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StaffRow extends Audited {
  email: string;
  name: string;
  role: StaffRole;
  team: Team | null;
  active: boolean;
  password_hash: string;
}

export interface CustomerRow extends Audited {
  kind: CustomerKind;
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  segment: Segment;
  persona: string | null;
  lifecycle_stage: LifecycleStage;
  acquisition_channel: AcquisitionChannel;
  acquired_at: Timestamp | null;
  churned_at: Timestamp | null;
  churn_reason: string | null;
  owner_id: string | null;
  tags: string[];
  locale: string;
  external_id: string | null;
  archived_at: Timestamp | null;
}

export interface InteractionRow extends Audited {
  customer_id: string;
  channel: Channel;
  direction: Direction;
  team: Team;
  journey_stage: JourneyStage | null;
  subject: string | null;
  summary: string | null;
  occurred_at: Timestamp;
  staff_id: string | null;
  responded_at: Timestamp | null;
  resolved_at: Timestamp | null;
  external_id: string | null;
}

export interface PurchaseRow extends Audited {
  customer_id: string;
  amount: string;
  currency: string;
  product: string | null;
  kind: PurchaseKind;
  purchased_at: Timestamp;
  refund_of_id: string | null;
  external_id: string | null;
}

export interface SurveyResponseRow extends Audited {
  customer_id: string;
  kind: SurveyKind;
  score: number;
  comment: string | null;
  team: Team | null;
  channel: Channel | null;
  journey_stage: JourneyStage | null;
  interaction_id: string | null;
  responded_at: Timestamp;
  external_id: string | null;
}

export interface HandoffRow extends Audited {
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
  requested_at: Timestamp;
  due_at: Timestamp;
  accepted_at: Timestamp | null;
  completed_at: Timestamp | null;
  rejected_at: Timestamp | null;
  cancelled_at: Timestamp | null;
}

export interface AcquisitionSpendRow extends Audited {
  channel: AcquisitionChannel;
  period_start: string;
  period_end: string;
  amount: string;
  currency: string;
}

export interface DemoData {
  staff: StaffRow[];
  customers: CustomerRow[];
  interactions: InteractionRow[];
  purchases: PurchaseRow[];
  surveyResponses: SurveyResponseRow[];
  handoffs: HandoffRow[];
  acquisitionSpend: AcquisitionSpendRow[];
}

/** What the generators know about one customer beyond its row: the story its activity follows. */
export interface CustomerPlan {
  id: string;
  segment: Segment;
  locale: 'en' | 'zh-Hans' | 'zh-Hant';
  /** Company name for businesses, the person's name for consumers. */
  account: string;
  contactFirst: string;
  contactName: string;
  contactTitle: string | null;
  email: string | null;
  stage: LifecycleStage;
  channel: AcquisitionChannel;
  createdMs: number;
  acquiredMs: number | null;
  churnedMs: number | null;
  ownerId: string | null;
  /** How happy this customer is, roughly −1.5…1.5: drives survey scores, churn and expansions. */
  sentiment: number;
  tier: string;
  billing: 'MONTHLY' | 'ANNUAL';
  seats: number;
  /** Price of one seat for one month, in cents, after any negotiated discount. */
  seatPriceCents: number;
  currency: 'USD' | 'EUR';
}

/** Shared state of one generation run: staff to assign and counters for unique external ids. */
export interface DemoContext {
  nowMs: number;
  startMs: number;
  staffByTeam: Map<Team, StaffRow[]>;
  emails: Set<string>;
  counters: { order: number; interaction: number; survey: number };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/**
 * `new Date(ms).toISOString()` for years 1970–9999, by integer arithmetic (Hinnant's
 * civil-from-days): the seed formats about a million timestamps and Date is the slow part.
 */
export function iso(ms: number): Timestamp {
  const days = Math.floor(ms / DAY);
  let rest = ms - days * DAY;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / MINUTE);
  rest -= minutes * MINUTE;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${String(millis).padStart(3, '0')}Z`;
}

/** Whole cents as a decimal string with two places: 129950 → "1299.50". */
export function money(cents: number): string {
  const whole = Math.round(cents);
  if (whole < 0) throw new Error(`negative amount: ${whole}`);
  return `${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
}

/** Fills {first}, {account}, {plan} and {seats} in a text template from the customer's plan. */
export function fillTemplate(template: string, plan: CustomerPlan): string {
  return template.replace(/\{(first|account|plan|seats)\}/g, (_, key: string) =>
    key === 'first' ? plan.contactFirst : key === 'account' ? plan.account : key === 'plan' ? plan.tier : String(plan.seats));
}
