import { Field, ID, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { Channel, HandoffStatus, Team } from '../../domain/enums.js';
import { ConnectionType } from '../../graphql/connection.js';
import { HandoffType } from '../handoffs/handoff.type.js';
import { InteractionType } from '../interactions/interaction.type.js';
import { PurchaseType } from '../purchases/purchase.type.js';
import { SurveyResponseType } from '../surveys/survey-response.type.js';

/** Declared in the order things happen to an account; timeline.sql.ts fixes the order of ties. */
export enum TimelineEventKind {
  INTERACTION = 'INTERACTION',
  PURCHASE = 'PURCHASE',
  SURVEY_RESPONSE = 'SURVEY_RESPONSE',
  HANDOFF_REQUESTED = 'HANDOFF_REQUESTED',
  HANDOFF_ACCEPTED = 'HANDOFF_ACCEPTED',
  HANDOFF_COMPLETED = 'HANDOFF_COMPLETED',
  HANDOFF_REJECTED = 'HANDOFF_REJECTED',
  HANDOFF_CANCELLED = 'HANDOFF_CANCELLED',
}

registerEnumType(TimelineEventKind, {
  name: 'TimelineEventKind',
  description:
    'What happened in a timeline event. Events at the same moment are listed the later step of a story first: HANDOFF_CANCELLED, HANDOFF_REJECTED, HANDOFF_COMPLETED, HANDOFF_ACCEPTED, HANDOFF_REQUESTED, SURVEY_RESPONSE, PURCHASE, INTERACTION; then by row id, descending.',
});

/** The handoff status each handoff event moved the handoff to. */
export const HANDOFF_TRANSITIONS = {
  [TimelineEventKind.HANDOFF_REQUESTED]: HandoffStatus.REQUESTED,
  [TimelineEventKind.HANDOFF_ACCEPTED]: HandoffStatus.ACCEPTED,
  [TimelineEventKind.HANDOFF_COMPLETED]: HandoffStatus.COMPLETED,
  [TimelineEventKind.HANDOFF_REJECTED]: HandoffStatus.REJECTED,
  [TimelineEventKind.HANDOFF_CANCELLED]: HandoffStatus.CANCELLED,
} as const;

export type HandoffEventKind = keyof typeof HANDOFF_TRANSITIONS;

@InterfaceType('TimelineEvent', {
  description: "One moment of a customer's history: an interaction, a purchase, a survey response or a step of a handoff.",
  resolveType: (event: TimelineEvent) => eventTypeName(event.kind),
})
export class TimelineEvent {
  @Field(() => ID, { description: 'Stable id of the event: "<kind>:<id of the interaction, purchase, survey response or handoff>".' })
  id!: string;

  @Field(() => TimelineEventKind)
  kind!: TimelineEventKind;

  @Field(() => Date, { description: 'When it happened: occurredAt, purchasedAt, respondedAt, or the handoff step\'s own time.' })
  occurredAt!: Date;

  @Field(() => Channel, { nullable: true, description: 'The medium, for interactions and survey responses; null for purchases and handoffs.' })
  channel!: Channel | null;

  @Field(() => Team, {
    nullable: true,
    description: 'The team involved: the handling or rated team; for a handoff request the team handing over, for the later handoff steps the receiving team; null for purchases.',
  })
  team!: Team | null;
}

@ObjectType('InteractionEvent', { implements: TimelineEvent, description: 'An interaction with the customer.' })
export class InteractionEvent extends TimelineEvent {
  @Field(() => InteractionType)
  interaction!: InteractionType;
}

@ObjectType('PurchaseEvent', { implements: TimelineEvent, description: 'A purchase or a refund.' })
export class PurchaseEvent extends TimelineEvent {
  @Field(() => PurchaseType)
  purchase!: PurchaseType;
}

@ObjectType('SurveyResponseEvent', { implements: TimelineEvent, description: 'A survey answered by the customer.' })
export class SurveyResponseEvent extends TimelineEvent {
  @Field(() => SurveyResponseType)
  surveyResponse!: SurveyResponseType;
}

@ObjectType('HandoffEvent', { implements: TimelineEvent, description: 'A step of a handoff between teams: requested, accepted, completed, rejected or cancelled.' })
export class HandoffEvent extends TimelineEvent {
  @Field(() => HandoffType, { description: 'The handoff as it is now (its status may have moved on since this step).' })
  handoff!: HandoffType;

  @Field(() => HandoffStatus, { description: 'The status this step moved the handoff to.' })
  transition!: HandoffStatus;
}

export type AnyTimelineEvent = InteractionEvent | PurchaseEvent | SurveyResponseEvent | HandoffEvent;

function eventTypeName(kind: TimelineEventKind): string {
  switch (kind) {
    case TimelineEventKind.INTERACTION:
      return 'InteractionEvent';
    case TimelineEventKind.PURCHASE:
      return 'PurchaseEvent';
    case TimelineEventKind.SURVEY_RESPONSE:
      return 'SurveyResponseEvent';
    default:
      return 'HandoffEvent';
  }
}

export const TimelineConnection = ConnectionType(TimelineEvent, 'Timeline');
