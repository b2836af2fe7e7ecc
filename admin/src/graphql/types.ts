import type {
  AcquisitionChannel,
  Channel,
  CustomerKind,
  Direction,
  HandoffStatus,
  JourneyStage,
  LifecycleStage,
  PurchaseKind,
  Segment,
  StaffRole,
  SurveyKind,
  Team,
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
}
