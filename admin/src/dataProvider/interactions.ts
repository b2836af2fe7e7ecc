import type { Channel, Direction, JourneyStage, Team } from '../graphql/enums';
import type { Interaction } from '../graphql/types';
import { activityListReader } from './activityLists';
import { interactions as customerInteractions } from './customerRelations';
import { choices, idOrUndefined, startOfDay, toOrder, yesOrNo } from './listFilters';
import { mutationDocument, runMutation, withoutEmpty, instantOrUndefined } from './mutations';
import type { ResourceReader } from './types';

/**
 * Interactions across customers (Query.interactions: filtered, newest first unless sorted), a
 * customer's own (customerRelations.ts), and the two answers an inbound one waits for: responded
 * and resolved.
 */

export const INTERACTION_LIST_FIELDS = `id channel direction team journeyStage subject summary occurredAt respondedAt resolvedAt responseDueAt
  slaStatus externalId version createdAt updatedAt staff { id name email } customer { id name company }`;

export interface InteractionListFilter {
  customerId?: string;
  teams?: Team[];
  channels?: Channel[];
  directions?: Direction[];
  journeyStages?: JourneyStage[];
  staffId?: string;
  occurredAfter?: string;
  occurredBefore?: string;
  awaitingResponse?: boolean;
}

/** The list's filter form → the API's InteractionListFilter (days as the start of that day, locally). */
export function toInteractionListFilter(filter: Record<string, unknown> = {}): InteractionListFilter {
  return {
    customerId: idOrUndefined(filter.customerId),
    teams: choices<Team>(filter.team),
    channels: choices<Channel>(filter.channel),
    directions: choices<Direction>(filter.direction),
    journeyStages: choices<JourneyStage>(filter.journeyStage),
    staffId: idOrUndefined(filter.staffId),
    occurredAfter: startOfDay(filter.occurredAfter),
    occurredBefore: startOfDay(filter.occurredBefore),
    awaitingResponse: yesOrNo(filter.awaitingResponse),
  };
}

export const toInteractionOrder = (sort: Parameters<typeof toOrder>[0]) => toOrder(sort, { occurredAt: 'OCCURRED_AT' });

export const interactions: ResourceReader = {
  ...customerInteractions,
  ...activityListReader({
    field: 'interactions',
    singleField: 'interaction',
    filterType: 'InteractionListFilter',
    orderType: 'InteractionOrder',
    fields: INTERACTION_LIST_FIELDS,
    toFilter: toInteractionListFilter,
    toOrder: toInteractionOrder,
  }),
};

const SELECTION = `interaction { ${INTERACTION_LIST_FIELDS} }`;
const MARKS = {
  responded: mutationDocument('interactionMarkResponded', 'InteractionMarkRespondedInput', SELECTION),
  resolved: mutationDocument('interactionMarkResolved', 'InteractionMarkResolvedInput', SELECTION),
} as const;

export type InteractionMark = keyof typeof MARKS;

/** Records when we answered (responded) or settled (resolved) an interaction; no time: now. */
export async function interactionMark(mark: InteractionMark, input: { id: string; at?: unknown }): Promise<Interaction> {
  const time = instantOrUndefined(input.at);
  const prepared = mark === 'responded' ? { id: input.id, respondedAt: time } : { id: input.id, resolvedAt: time };
  const name = mark === 'responded' ? 'interactionMarkResponded' : 'interactionMarkResolved';
  return runMutation<Interaction>(MARKS[mark], name, 'interaction', withoutEmpty(prepared));
}
