import type { CreateParams, GetListParams } from 'react-admin';
import { graphqlRequest, type RequestOptions } from '../graphql/client';
import type { HandoffStatus, Team } from '../graphql/enums';
import type { Connection, Handoff, HandoffInboxRow } from '../graphql/types';
import { handoffs as customerHandoffs } from './customerRelations';
import { pageAtOffset } from './cursorPages';
import { mutationDocument, runMutation, textOrNull, withoutEmpty } from './mutations';
import { asList, type ResourceReader } from './types';

/**
 * Handoffs: the inbox across customers (Query.handoffs, most urgent first), a customer's own
 * handoffs (customerRelations.ts), the request from a customer's page, and each step of the
 * workflow with the version the page read.
 */

const HANDOFF_FIELDS = `id status version fromTeam toTeam fromStaff { id name email } toStaff { id name email } summary customerGoals commitments
  keyContacts risks rejectionReason completionNote cancellationReason requestedAt dueAt acceptedAt completedAt rejectedAt cancelledAt slaStatus
  customer { id name company }`;

function inboxQuery(withNodes: boolean): string {
  return /* GraphQL */ `
    query HandoffInbox($filter: HandoffFilter, $orderBy: HandoffOrder, $first: Int!, $after: String) {
      handoffs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        ${withNodes ? `nodes { ${HANDOFF_FIELDS} }` : ''}
        pageInfo { hasNextPage endCursor }
        totalCount
      }
    }
  `;
}

export interface HandoffFilter {
  toTeams?: Team[];
  fromTeams?: Team[];
  statuses?: HandoffStatus[];
  breached?: boolean;
  customerId?: string;
}

/**
 * The inbox's filter form → the API's HandoffFilter. `box` says which side of `team` to show:
 * "incoming" (default, the team receives) or "outgoing" (the team sends); no team: every team.
 */
export function toHandoffFilter(filter: Record<string, unknown> = {}): HandoffFilter {
  const team = typeof filter.team === 'string' && filter.team ? (filter.team as Team) : undefined;
  const outgoing = filter.box === 'outgoing';
  const breached = filter.breached === true || filter.breached === 'true' ? true : filter.breached === false || filter.breached === 'false' ? false : undefined;
  return {
    toTeams: team && !outgoing ? [team] : undefined,
    fromTeams: team && outgoing ? [team] : undefined,
    statuses: asList(filter.statuses as HandoffStatus | HandoffStatus[]),
    breached,
    customerId: typeof filter.customerId === 'string' && filter.customerId ? filter.customerId : undefined,
  };
}

const ORDER_FIELDS: Record<string, string> = { dueAt: 'DUE_AT', requestedAt: 'REQUESTED_AT' };

/** Due first by default (SLA urgency); by request time on demand. */
export function toHandoffOrder(sort: GetListParams['sort']) {
  const field = (sort && ORDER_FIELDS[sort.field]) ?? 'DUE_AT';
  return { field, direction: sort?.order === 'DESC' ? 'DESC' : 'ASC' };
}

async function fetchInbox(
  variables: { filter: HandoffFilter; orderBy: ReturnType<typeof toHandoffOrder> },
  first: number,
  after: string | null,
  withNodes: boolean,
  options: RequestOptions,
) {
  const { handoffs } = await graphqlRequest<{ handoffs: Connection<HandoffInboxRow> }>(inboxQuery(withNodes), { ...variables, first, after }, options);
  return { ...handoffs, nodes: handoffs.nodes ?? [] };
}

export const handoffs: ResourceReader = {
  ...customerHandoffs,

  /** The inbox: handoffs across customers, a page at a time (cursor walks, see cursorPages.ts). */
  async getList({ pagination, sort, filter, signal }) {
    const variables = { filter: toHandoffFilter(filter), orderBy: toHandoffOrder(sort) };
    const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
    return pageAtOffset(`handoffs:${JSON.stringify(variables)}`, (page - 1) * perPage, perPage, (first, after, withNodes) =>
      fetchInbox(variables, first, after, withNodes, { signal }),
    );
  },
};

const SELECTION = `handoff { ${HANDOFF_FIELDS} }`;

const REQUEST = mutationDocument('handoffRequest', 'HandoffRequestInput', SELECTION);

/** Each step of the workflow, by the name of its mutation's suffix. */
const STEPS = {
  accept: mutationDocument('handoffAccept', 'HandoffAcceptInput', SELECTION),
  complete: mutationDocument('handoffComplete', 'HandoffCompleteInput', SELECTION),
  reject: mutationDocument('handoffReject', 'HandoffRejectInput', SELECTION),
  cancel: mutationDocument('handoffCancel', 'HandoffCancelInput', SELECTION),
} as const;

export type HandoffStep = keyof typeof STEPS;

export function toHandoffRequestInput(data: Record<string, unknown>): Record<string, unknown> {
  return withoutEmpty({
    customerId: data.customerId,
    toTeam: textOrNull(data.toTeam),
    fromTeam: textOrNull(data.fromTeam),
    toStaffId: textOrNull(data.toStaffId),
    summary: textOrNull(data.summary),
    customerGoals: textOrNull(data.customerGoals),
    commitments: textOrNull(data.commitments),
    keyContacts: textOrNull(data.keyContacts),
    risks: textOrNull(data.risks),
  });
}

export async function requestHandoff({ data }: CreateParams): Promise<{ data: HandoffInboxRow }> {
  return { data: await runMutation<HandoffInboxRow>(REQUEST, 'handoffRequest', 'handoff', toHandoffRequestInput(data)) };
}

/**
 * One step of a handoff with the version the page read (a reject's reason, a completion's note, a
 * cancellation's reason as typed; blank optional texts left out).
 */
export async function handoffStep(step: HandoffStep, input: Pick<Handoff, 'id'> & { version: number } & Record<string, unknown>) {
  const { note, reason, ...rest } = input;
  const prepared: Record<string, unknown> = { ...rest };
  if (step === 'reject') prepared.reason = textOrNull(reason) ?? '';
  else if (step === 'cancel') prepared.reason = textOrNull(reason) ?? undefined;
  if (step === 'complete') prepared.note = textOrNull(note) ?? undefined;
  const name = `handoff${step[0]!.toUpperCase()}${step.slice(1)}`;
  return runMutation<HandoffInboxRow>(STEPS[step], name, 'handoff', withoutEmpty(prepared), 'handoffs');
}
