import type { EntityManager } from '@mikro-orm/postgresql';
import { preparedQuery, query, textArray, uuidArray } from '../../db/sql.js';
import type { Channel, Team } from '../../domain/enums.js';
import { TimelineEventKind } from './timeline.type.js';

/** What a timeline is narrowed to; null means "no condition", an empty list matches nothing. */
export interface TimelineFilter {
  kinds: readonly TimelineEventKind[] | null;
  channels: readonly Channel[] | null;
  teams: readonly Team[] | null;
  /** Inclusive. */
  since: Date | null;
  /** Exclusive. */
  until: Date | null;
}

/** An event's place in the timeline's order; `time` is PostgreSQL's text of it (microseconds kept). */
export interface TimelinePosition {
  time: string;
  kind: TimelineEventKind;
  rowId: string;
}

export interface TimelineRow {
  customer_key: string;
  kind: TimelineEventKind;
  cursor_time: string;
  row_id: string;
  /** The event's channel and team (see TimelineEvent), read from the source row's columns. */
  channel: Channel | null;
  team: Team | null;
  /** The source row as `select *` would return it (timestamps and decimals as text), when asked for. */
  row: Record<string, unknown> | null;
}

/** One table column whose timestamps are events of one kind. */
interface TimelineSource {
  kind: TimelineEventKind;
  table: string;
  timeColumn: string;
  /** Sources without a channel drop out under a channels filter. */
  channelColumn: string | null;
  /** A teams filter matches any of these; sources without a team drop out under it. */
  teamColumns: string[];
  /** The event's own team: the handling or rated team; for a handoff request the team handing over, later steps the receiving team. */
  eventTeamColumn: string | null;
  /** The row as JSON; decimals as text so money never passes through a float. */
  rowJson: string;
}

const HANDOFF = { table: 'handoff', channelColumn: null, teamColumns: ['from_team', 'to_team'], eventTeamColumn: 'to_team', rowJson: 'to_jsonb(t)' };

/** Listed in the timeline's order for events at the same moment: the later step of a story first. */
const SOURCES: readonly TimelineSource[] = [
  { ...HANDOFF, kind: TimelineEventKind.HANDOFF_CANCELLED, timeColumn: 'cancelled_at' },
  { ...HANDOFF, kind: TimelineEventKind.HANDOFF_REJECTED, timeColumn: 'rejected_at' },
  { ...HANDOFF, kind: TimelineEventKind.HANDOFF_COMPLETED, timeColumn: 'completed_at' },
  { ...HANDOFF, kind: TimelineEventKind.HANDOFF_ACCEPTED, timeColumn: 'accepted_at' },
  { ...HANDOFF, kind: TimelineEventKind.HANDOFF_REQUESTED, timeColumn: 'requested_at', eventTeamColumn: 'from_team' },
  {
    kind: TimelineEventKind.SURVEY_RESPONSE,
    table: 'survey_response',
    timeColumn: 'responded_at',
    channelColumn: 'channel',
    teamColumns: ['team'],
    eventTeamColumn: 'team',
    rowJson: 'to_jsonb(t)',
  },
  {
    kind: TimelineEventKind.PURCHASE,
    table: 'purchase',
    timeColumn: 'purchased_at',
    channelColumn: null,
    teamColumns: [],
    eventTeamColumn: null,
    rowJson: `to_jsonb(t) || jsonb_build_object('amount', t.amount::text)`,
  },
  {
    kind: TimelineEventKind.INTERACTION,
    table: 'interaction',
    timeColumn: 'occurred_at',
    channelColumn: 'channel',
    teamColumns: ['team'],
    eventTeamColumn: 'team',
    rowJson: 'to_jsonb(t)',
  },
];

const RANK = new Map(SOURCES.map((source, rank) => [source.kind, rank]));

function sourcesMatching(filter: TimelineFilter): TimelineSource[] {
  return SOURCES.filter(
    (s) =>
      (!filter.kinds || filter.kinds.includes(s.kind)) &&
      (!filter.channels || (s.channelColumn !== null && filter.channels.length > 0)) &&
      (!filter.teams || (s.teamColumns.length > 0 && filter.teams.length > 0)),
  );
}

/** The filter's conditions on one source's rows (alias `t`), with their parameters. */
function filterConditions(source: TimelineSource, filter: TimelineFilter): { sql: string[]; params: unknown[] } {
  const time = `t.${source.timeColumn}`;
  const sql = [`${time} is not null`];
  const params: unknown[] = [];
  if (filter.channels && source.channelColumn) {
    sql.push(`t.${source.channelColumn} = any(?::text[])`);
    params.push(textArray(filter.channels));
  }
  if (filter.teams) {
    sql.push(`(${source.teamColumns.map((column) => `t.${column} = any(?::text[])`).join(' or ')})`);
    params.push(...source.teamColumns.map(() => textArray(filter.teams!)));
  }
  if (filter.since) {
    sql.push(`${time} >= ?::timestamptz`);
    params.push(filter.since.toISOString());
  }
  if (filter.until) {
    sql.push(`${time} < ?::timestamptz`);
    params.push(filter.until.toISOString());
  }
  return { sql, params };
}

/**
 * Rows of this source after `after` in the order (time desc, kind rank, id desc). The rank is
 * fixed per source, so the condition reduces to one on (time, id): the index's own columns.
 */
function afterCondition(source: TimelineSource, after: TimelinePosition): { sql: string; params: unknown[] } {
  const time = `t.${source.timeColumn}`;
  const rank = RANK.get(source.kind)!;
  const afterRank = RANK.get(after.kind)!;
  if (rank < afterRank) return { sql: `${time} < ?::timestamptz`, params: [after.time] };
  if (rank > afterRank) return { sql: `${time} <= ?::timestamptz`, params: [after.time] };
  return { sql: `(${time}, t.id) < (?::timestamptz, ?::uuid)`, params: [after.time, after.rowId] };
}

/**
 * The first `limit` events after `after` of each customer, newest first, in one statement: per
 * customer, each source walks its (customer, time, id) index for at most `limit` rows, and the
 * union of those is ordered and cut once more. The source rows come as JSON only `withRows`:
 * building and parsing them is most of the statement's cost when a page asks only for kinds and times.
 */
export async function timelinePages(
  em: EntityManager,
  customerIds: readonly string[],
  filter: TimelineFilter,
  after: TimelinePosition | null,
  limit: number,
  withRows: boolean,
): Promise<TimelineRow[]> {
  const sources = sourcesMatching(filter);
  if (!sources.length || !customerIds.length) return [];
  const params: unknown[] = [uuidArray(customerIds)];
  const branches = sources.map((source) => {
    const conditions = filterConditions(source, filter);
    const where = [`t.customer_id = p.customer_key`, ...conditions.sql];
    params.push(...conditions.params);
    if (after) {
      const position = afterCondition(source, after);
      where.push(position.sql);
      params.push(...position.params);
    }
    params.push(limit);
    const channel = source.channelColumn ? `t.${source.channelColumn}` : 'null::text';
    const team = source.eventTeamColumn ? `t.${source.eventTeamColumn}` : 'null::text';
    const row = withRows ? source.rowJson : 'null::jsonb';
    return `(select '${source.kind}'::text as kind, ${RANK.get(source.kind)} as rank, t.${source.timeColumn} as occurred_at, t.id as row_id,
         ${channel} as channel, ${team} as team, ${row} as row
       from ${source.table} t where ${where.join(' and ')}
       order by t.${source.timeColumn} desc, t.id desc limit ?)`;
  });
  params.push(limit);
  // Unfiltered pages (the 360 page's) have one of a few texts: prepared. Filtered ones vary too much.
  const unfiltered = !filter.kinds && !filter.channels && !filter.teams && !filter.since && !filter.until;
  return (unfiltered ? preparedQuery : query)<TimelineRow>(
    em,
    `select p.customer_key, e.kind, e.occurred_at::text as cursor_time, e.row_id, e.channel, e.team, e.row
     from unnest(?::uuid[]) with ordinality as p(customer_key, position)
     cross join lateral (
       select * from (${branches.join(' union all ')}) as u
       order by u.occurred_at desc, u.rank, u.row_id desc limit ?
     ) as e
     order by p.position, e.occurred_at desc, e.rank, e.row_id desc`,
    params,
  );
}

/** How many events match the filter, per customer, in one grouped statement. */
export async function timelineCounts(em: EntityManager, customerIds: readonly string[], filter: TimelineFilter): Promise<Map<string, number>> {
  const sources = sourcesMatching(filter);
  if (!sources.length || !customerIds.length) return new Map();
  const params: unknown[] = [];
  const branches = sources.map((source) => {
    const conditions = filterConditions(source, filter);
    params.push(uuidArray(customerIds), ...conditions.params);
    return `select t.customer_id from ${source.table} t where t.customer_id = any(?::uuid[]) and ${conditions.sql.join(' and ')}`;
  });
  const rows = await query<{ customer_id: string; count: string }>(
    em,
    `select e.customer_id, count(*) from (${branches.join(' union all ')}) as e group by e.customer_id`,
    params,
  );
  return new Map(rows.map((r) => [r.customer_id, Number(r.count)]));
}

export function isTimelineEventKind(value: string): value is TimelineEventKind {
  return RANK.has(value as TimelineEventKind);
}
