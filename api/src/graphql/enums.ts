import { registerEnumType } from 'type-graphql';
import {
  AcquisitionChannel, Channel, CustomerKind, Direction, HandoffStatus, JourneyStage, LifecycleStage,
  PurchaseKind, Segment, StaffRole, SurveyKind, Team,
} from '../domain/enums.js';

registerEnumType(LifecycleStage, { name: 'LifecycleStage', description: 'Where a customer stands with us: LEAD → PROSPECT → CUSTOMER, or CHURNED.' });
registerEnumType(CustomerKind, { name: 'CustomerKind', description: 'A person or a business.' });
registerEnumType(Segment, { name: 'Segment', description: 'Market segment.' });
registerEnumType(AcquisitionChannel, { name: 'AcquisitionChannel', description: 'How a customer was acquired; also the key of acquisition spend.' });
registerEnumType(Channel, { name: 'Channel', description: 'The medium of an interaction or survey.' });
registerEnumType(Direction, { name: 'Direction', description: 'INBOUND: the customer reached us; OUTBOUND: we reached the customer.' });
registerEnumType(Team, { name: 'Team', description: 'The four customer-facing teams.' });
registerEnumType(JourneyStage, { name: 'JourneyStage', description: 'Stage of the customer journey a touchpoint belongs to.' });
registerEnumType(PurchaseKind, { name: 'PurchaseKind', description: 'REFUND amounts count negative in every sum.' });
registerEnumType(SurveyKind, { name: 'SurveyKind', description: 'CSAT (score 1–5), NPS (0–10) or CES (1–7).' });
registerEnumType(HandoffStatus, { name: 'HandoffStatus', description: 'REQUESTED → ACCEPTED → COMPLETED, or REJECTED (with a reason), or CANCELLED.' });
registerEnumType(StaffRole, { name: 'StaffRole', description: 'What a staff member may see and do.' });

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });
