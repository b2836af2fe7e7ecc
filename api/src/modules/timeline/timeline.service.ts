import { isTimestampText, isUuid, timestamp } from '../../db/sql.js';
import { decodeCursor, pageSize, type CursorKey } from '../../graphql/connection.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import { toHandoff, type HandoffRow } from '../handoffs/handoff.type.js';
import { toInteraction, type InteractionRow } from '../interactions/interaction.type.js';
import { toPurchase, type PurchaseRow } from '../purchases/purchase.type.js';
import { toSurveyResponse, type SurveyResponseRow } from '../surveys/survey-response.type.js';
import type { TimelineArgs } from './timeline.inputs.js';
import { isTimelineEventKind, type TimelineFilter, type TimelinePosition, type TimelineRow } from './timeline.sql.js';
import { HANDOFF_TRANSITIONS, TimelineEventKind, type AnyTimelineEvent, type HandoffEventKind } from './timeline.type.js';

/** A validated request for one page of a timeline. */
export interface TimelinePageRequest {
  limit: number;
  after: TimelinePosition | null;
  filter: TimelineFilter;
}

function sortedUnique<T extends string>(values: readonly T[] | null | undefined): T[] | null {
  return values ? [...new Set(values)].sort() : null;
}

/** Checks the arguments and puts them in one canonical form, so equal requests share a batch. */
export function timelinePageRequest(args: TimelineArgs): TimelinePageRequest {
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

/** Builds the typed event from a timeline row, whose JSON holds the whole source row. */
export function toTimelineEvent(row: TimelineRow): AnyTimelineEvent {
  const base = { id: eventId(row.kind, row.row_id), kind: row.kind, occurredAt: timestamp(row.cursor_time) };
  switch (row.kind) {
    case TimelineEventKind.INTERACTION: {
      const interaction = toInteraction(row.row as unknown as InteractionRow);
      return { ...base, channel: interaction.channel, team: interaction.team, interaction };
    }
    case TimelineEventKind.PURCHASE:
      return { ...base, channel: null, team: null, purchase: toPurchase(row.row as unknown as PurchaseRow) };
    case TimelineEventKind.SURVEY_RESPONSE: {
      const surveyResponse = toSurveyResponse(row.row as unknown as SurveyResponseRow);
      return { ...base, channel: surveyResponse.channel, team: surveyResponse.team, surveyResponse };
    }
    default: {
      const handoff = toHandoff(row.row as unknown as HandoffRow);
      const kind: HandoffEventKind = row.kind;
      const team = kind === TimelineEventKind.HANDOFF_REQUESTED ? handoff.fromTeam : handoff.toTeam;
      return { ...base, channel: null, team, handoff, transition: HANDOFF_TRANSITIONS[kind] };
    }
  }
}
