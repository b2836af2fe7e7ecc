import { HttpError, type CreateParams, type GetListParams, type UpdateParams } from 'react-admin';
import { graphqlRequest, type RequestOptions } from '../graphql/client';
import type { AcquisitionChannel } from '../graphql/enums';
import { choices } from './listFilters';
import { mutationDocument, runMutation, textOrNull, withoutEmpty } from './mutations';
import type { ResourceReader } from './types';

/**
 * Acquisition spend: what each channel cost per month. The API lists the months of a period
 * (`acquisitionSpend(from, to, channels)`, by month then channel, a short list) and sets one
 * channel's month at a time (`acquisitionSpendSet`, which creates or replaces it). A month of a
 * channel is therefore the record's identity in the console: its id is "<periodStart>~<channel>",
 * so a record can be read back and saved without an id query the API does not have.
 */

const SPEND_FIELDS = 'id channel periodStart periodEnd amount currency createdAt updatedAt version';

export interface AcquisitionSpend {
  /** "<periodStart>~<channel>" (see above); the API's own id is `spendId`. */
  id: string;
  spendId: string;
  channel: AcquisitionChannel;
  periodStart: string;
  periodEnd: string;
  amount: string;
  currency: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

type ApiSpend = Omit<AcquisitionSpend, 'spendId'>;

export function spendRecordId(periodStart: string, channel: string): string {
  return `${periodStart}~${channel}`;
}

function asRecord(spend: ApiSpend): AcquisitionSpend {
  return { ...spend, spendId: spend.id, id: spendRecordId(spend.periodStart, spend.channel) };
}

/** "2026-03-01" → "2026-04-01" (LocalDate arithmetic on the text; no time zone involved). */
export function nextMonthStart(periodStart: string): string {
  const [year, month] = periodStart.split('-').map(Number) as [number, number];
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return `${String(next.year).padStart(4, '0')}-${String(next.month).padStart(2, '0')}-01`;
}

/** The first day of the month of a "YYYY-MM" or "YYYY-MM-DD" text; undefined when it is neither. */
export function monthStart(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})/.exec(value.trim());
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return undefined;
  return `${match[1]}-${match[2]}-01`;
}

/** The default period: the last twelve months, this one included, in the browser's calendar. */
export function defaultSpendPeriod(now = new Date()): { from: string; to: string } {
  const thisMonth = `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-01`;
  let from = thisMonth;
  for (let step = 0; step < 11; step++) from = previousMonthStart(from);
  return { from, to: nextMonthStart(thisMonth) };
}

function previousMonthStart(periodStart: string): string {
  const [year, month] = periodStart.split('-').map(Number) as [number, number];
  const previous = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  return `${String(previous.year).padStart(4, '0')}-${String(previous.month).padStart(2, '0')}-01`;
}

/**
 * The list's filter form → the query's arguments: `from` and `to` months (the "to" month included,
 * so the API's exclusive `to` is the month after it); the default period when one is missing.
 */
export function toSpendArguments(filter: Record<string, unknown> = {}, now = new Date()) {
  const fallback = defaultSpendPeriod(now);
  const from = monthStart(filter.from) ?? fallback.from;
  const lastMonth = monthStart(filter.to);
  return { from, to: lastMonth ? nextMonthStart(lastMonth) : fallback.to, channels: choices<AcquisitionChannel>(filter.channel) };
}

const SPEND = /* GraphQL */ `
  query AcquisitionSpend($from: LocalDate!, $to: LocalDate!, $channels: [AcquisitionChannel!]) {
    acquisitionSpend(from: $from, to: $to, channels: $channels) { ${SPEND_FIELDS} }
  }
`;

async function spendIn(variables: ReturnType<typeof toSpendArguments>, options: RequestOptions): Promise<AcquisitionSpend[]> {
  const { acquisitionSpend } = await graphqlRequest<{ acquisitionSpend: ApiSpend[] }>(SPEND, variables, options);
  return acquisitionSpend.map(asRecord);
}

/** The month and channel a record id names, or null. */
export function parseSpendRecordId(id: unknown): { periodStart: string; channel: AcquisitionChannel } | null {
  const match = /^(\d{4}-\d{2}-01)~([A-Z_]+)$/.exec(String(id));
  return match ? { periodStart: match[1]!, channel: match[2] as AcquisitionChannel } : null;
}

async function spendById(id: unknown, options: RequestOptions): Promise<AcquisitionSpend> {
  const key = parseSpendRecordId(id);
  if (!key) throw new HttpError('ra.notification.item_doesnt_exist', 404);
  const [found] = await spendIn({ from: key.periodStart, to: nextMonthStart(key.periodStart), channels: [key.channel] }, options);
  if (!found) throw new HttpError('ra.notification.item_doesnt_exist', 404);
  return found;
}

/** Newest month first, channels in the API's order within a month (the API answers oldest first). */
function newestFirst(rows: AcquisitionSpend[], sort: GetListParams['sort'] | undefined): AcquisitionSpend[] {
  const ascending = sort?.field === 'periodStart' && sort.order === 'ASC';
  return [...rows].sort((a, b) => (ascending ? 1 : -1) * a.periodStart.localeCompare(b.periodStart));
}

export const acquisitionSpend: ResourceReader = {
  /** The whole period at once (at most channels × months rows), paged here. */
  async getList({ pagination, sort, filter, signal }) {
    const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
    const rows = newestFirst(await spendIn(toSpendArguments(filter ?? {}), { signal }), sort);
    return { data: rows.slice((page - 1) * perPage, page * perPage), total: rows.length };
  },

  async getOne({ id, signal }) {
    return { data: await spendById(id, { signal }) };
  },

  async getMany({ ids, signal }) {
    return { data: await Promise.all(ids.map((id) => spendById(id, { signal }))) };
  },
};

const SET = mutationDocument('acquisitionSpendSet', 'AcquisitionSpendSetInput', `acquisitionSpend { ${SPEND_FIELDS} }`);

/** The form's values as AcquisitionSpendSetInput: the amount as the exact text typed, the currency in capitals, the month's first day. */
export function toAcquisitionSpendSetInput(data: Record<string, unknown>): Record<string, unknown> {
  const amount = typeof data.amount === 'string' ? data.amount.trim() : textOrNull(data.amount);
  const currency = typeof data.currency === 'string' ? data.currency.trim().toUpperCase() : null;
  return withoutEmpty({
    channel: textOrNull(data.channel),
    periodStart: monthStart(data.periodStart) ?? textOrNull(data.periodStart),
    amount: amount || null,
    currency: currency || null,
  });
}

async function setSpend(data: Record<string, unknown>): Promise<AcquisitionSpend> {
  return asRecord(await runMutation<ApiSpend>(SET, 'acquisitionSpendSet', 'acquisitionSpend', toAcquisitionSpendSetInput(data)));
}

export async function createAcquisitionSpend({ data }: CreateParams): Promise<{ data: AcquisitionSpend }> {
  return { data: await setSpend(data) };
}

/** Saving an edited month: its channel and month come from the record, never from the form. */
export async function updateAcquisitionSpend({ id, data }: UpdateParams): Promise<{ data: AcquisitionSpend }> {
  const key = parseSpendRecordId(id);
  if (!key) throw new HttpError('ra.notification.item_doesnt_exist', 404);
  return { data: await setSpend({ ...data, ...key }) };
}
