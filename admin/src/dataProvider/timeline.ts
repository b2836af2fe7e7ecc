import type { GetListParams } from 'react-admin';
import { graphqlRequest, type RequestOptions } from '../graphql/client';
import type { Channel, TimelineEventKind } from '../graphql/enums';
import type { Connection, TimelineEvent } from '../graphql/types';
import { pageAtOffset } from './cursorPages';
import { asList, type ResourceReader } from './types';

/** Each kind of event with the fields its timeline entry shows. */
const EVENT_FIELDS = /* GraphQL */ `
  id kind occurredAt channel team
  ... on InteractionEvent {
    interaction { id channel direction team subject summary responseDueAt slaStatus staff { id name email } }
  }
  ... on PurchaseEvent { purchase { id amount currency kind product } }
  ... on SurveyResponseEvent { surveyResponse { id kind score comment } }
  ... on HandoffEvent { transition handoff { id fromTeam toTeam summary status rejectionReason slaStatus } }
`;

function timelineQuery(withNodes: boolean): string {
  return /* GraphQL */ `
    query CustomerTimeline($customerId: ID!, $first: Int!, $after: String, $kinds: [TimelineEventKind!], $channels: [Channel!]) {
      customer(id: $customerId) {
        id
        timeline(first: $first, after: $after, kinds: $kinds, channels: $channels) {
          ${withNodes ? `nodes { ${EVENT_FIELDS} }` : ''}
          pageInfo { hasNextPage endCursor }
          totalCount
        }
      }
    }
  `;
}

export interface TimelineFilter {
  customerId: string;
  /** Omitted: every kind. */
  kinds?: TimelineEventKind[];
  /** Omitted: every channel (events without a channel included). */
  channels?: Channel[];
}

function toTimelineFilter(filter: Record<string, unknown> = {}): TimelineFilter {
  if (typeof filter.customerId !== 'string' || !filter.customerId) throw new Error('The timeline is listed per customer: filter.customerId is required');
  return {
    customerId: filter.customerId,
    kinds: asList(filter.kinds as TimelineEventKind[] | undefined),
    channels: asList(filter.channels as Channel[] | undefined),
  };
}

async function fetchTimeline(filter: TimelineFilter, first: number, after: string | null, withNodes: boolean, options: RequestOptions) {
  const { customer } = await graphqlRequest<{ customer: { timeline: Connection<TimelineEvent> } | null }>(
    timelineQuery(withNodes),
    { ...filter, first, after },
    options,
  );
  if (customer === null) return null;
  return { ...customer.timeline, nodes: customer.timeline.nodes ?? [] };
}

/** A customer's timeline, newest first, a page at a time (for react-admin's useInfiniteGetList). */
export const timelineEvents: ResourceReader = {
  async getList({ pagination, filter, signal }: GetListParams & { signal?: AbortSignal }) {
    const timelineFilter = toTimelineFilter(filter);
    const { page, perPage } = pagination ?? { page: 1, perPage: 20 };
    const key = `timeline:${JSON.stringify(timelineFilter)}`;
    return pageAtOffset(key, (page - 1) * perPage, perPage, (first, after, withNodes) =>
      fetchTimeline(timelineFilter, first, after, withNodes, { signal }),
    );
  },
};
