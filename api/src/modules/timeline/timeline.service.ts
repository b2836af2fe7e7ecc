import { isTimestampText, isUuid, timestamp } from '../../db/sql.js';
import { decodeCursor, pageSize, type CursorKey } from '../../graphql/connection.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import { toHandoff, type HandoffRow } from '../handoffs/handoff.type.js';
import { toInteraction, type InteractionRow } from '../interactions/interaction.type.js';
import { toPurchase, type PurchaseRow } from '../purchases/purchase.type.js';
import { toSurveyResponse, type SurveyResponseRow } from '../surveys/survey-response.type.js';
import type { TimelineArgs } from './timeline.inputs.js';
import { isTimelineEventKind, type TimelineFilter, type TimelinePosition, type TimelineRow } from './timeline.sql.js';
import { HANDOFF_TRANSITIONS, TimelineEventKind, type AnyTimelineEvent } from './timeline.type.js';

/** A validated request for one page of a timeline. */
export interface TimelinePageRequest {
  limit: number;
  after: TimelinePosition | null;
  filter: TimelineFilter;
  /** Whether the query selects the events' source objects (interaction, purchase, surveyResponse, handoff). */
  withRows: boolean;
}

const SOURCE_FIELDS = ['interaction', 'purchase', 'surveyResponse', 'handoff'];

/** Whether a timeline selection (field names anywhere below it) reads any event's source object. */
export function selectsEventSources(selected: ReadonlySet<string>): boolean {
  return SOURCE_FIELDS.some((field) => selected.has(field));
}

function sortedUnique<T extends string>(values: readonly T[] | null | undefined): T[] | null {
  return values ? [...new Set(values)].sort() : null;
}

/** Checks the arguments and puts them in one canonical form, so equal requests share a batch. */
export function timelinePageRequest(args: TimelineArgs, withRows: boolean): TimelinePageRequest {
  const limit = pageSize(args.first);
  const since = args.since ?? null;
  const until = args.until ?? null;
  if (since && until && since.getTime() >= until.getTime()) {
    throw new DomainError(ErrorCode.INVALID, 'must be later than since (since is inclusive, until exclusive)', ['until']);
  }
  return {
    limit,
    after: args.after ? decodeTimelineCursor(args.after) : null,
    filter: { kinds: sortedUnique(args.kinds), channels: sortedUnique(args.channels), teams: sortedUnique(args.teams), since, until },
    withRows,
  };
}

/** A cursor holds [PostgreSQL's text of the event time, event id]; the id names the kind and the row. */
export function timelineCursorKey(row: TimelineRow): CursorKey {
  return [row.cursor_time, eventId(row.kind, row.row_id)];
}

function decodeTimelineCursor(cursor: string): TimelinePosition {
  const [time, id] = decodeCursor(cursor);
  const separator = id.lastIndexOf(':');
  const kind = id.slice(0, separator);
  const rowId = id.slice(separator + 1);
  if (typeof time !== 'string' || !isTimestampText(time) || !isTimelineEventKind(kind) || !isUuid(rowId)) {
    throw new DomainError(ErrorCode.INVALID, 'is not a cursor returned by this timeline', ['after']);
  }
  return { time, kind, rowId };
}

function eventId(kind: TimelineEventKind, rowId: string): string {
  return `${kind}:${rowId}`;
}

/**
 * The event's source object (the interaction, purchase, survey response or handoff), built when
 * GraphQL first reads it: a page that asks only for kinds and times fetches no source rows at all.
 */
function withSource<E extends object, K extends string, V>(event: E, key: K, row: TimelineRow, build: (source: Record<string, unknown>) => V): E & Record<K, V> {
  let built: V | undefined;
  return Object.defineProperty(event, key, {
    enumerable: true,
    get(): V {
      if (!row.row) throw new Error(`timeline event ${row.kind}:${row.row_id} was read without its source row (the page did not select it)`);
      return (built ??= build(row.row));
    },
  }) as E & Record<K, V>;
}

/** Builds the typed event from a timeline row (its JSON holds the whole source row, when asked for). */
export function toTimelineEvent(row: TimelineRow): AnyTimelineEvent {
  const base = { id: eventId(row.kind, row.row_id), kind: row.kind, occurredAt: timestamp(row.cursor_time), channel: row.channel, team: row.team };
  switch (row.kind) {
    case TimelineEventKind.INTERACTION:
      return withSource(base, 'interaction', row, (source) => toInteraction(source as unknown as InteractionRow));
    case TimelineEventKind.PURCHASE:
      return withSource(base, 'purchase', row, (source) => toPurchase(source as unknown as PurchaseRow));
    case TimelineEventKind.SURVEY_RESPONSE:
      return withSource(base, 'surveyResponse', row, (source) => toSurveyResponse(source as unknown as SurveyResponseRow));
    default:
      return withSource({ ...base, transition: HANDOFF_TRANSITIONS[row.kind] }, 'handoff', row, (source) => toHandoff(source as unknown as HandoffRow));
  }
}
