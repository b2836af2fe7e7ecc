import type { Channel, TimelineEventKind } from '../graphql/enums';

/** The kind filter's chips: the five handoff steps are one chip, "Handoffs". */
export const KIND_GROUPS = {
  INTERACTION: ['INTERACTION'],
  PURCHASE: ['PURCHASE'],
  SURVEY_RESPONSE: ['SURVEY_RESPONSE'],
  HANDOFF: ['HANDOFF_REQUESTED', 'HANDOFF_ACCEPTED', 'HANDOFF_COMPLETED', 'HANDOFF_REJECTED', 'HANDOFF_CANCELLED'],
} as const satisfies Record<string, readonly TimelineEventKind[]>;

export type KindGroup = keyof typeof KIND_GROUPS;
export const kindGroups = Object.keys(KIND_GROUPS) as KindGroup[];

/** What the timeline's filter chips have selected; nothing selected in a row means all of it. */
export interface TimelineSelection {
  kindGroups: KindGroup[];
  channels: Channel[];
}

export const NO_SELECTION: TimelineSelection = { kindGroups: [], channels: [] };

/** The selection as the timelineEvents resource's filter (see dataProvider/timeline.ts). */
export function timelineFilter(customerId: string, selection: TimelineSelection) {
  return {
    customerId,
    kinds: selection.kindGroups.length ? kindGroups.filter((group) => selection.kindGroups.includes(group)).flatMap((group) => KIND_GROUPS[group]) : undefined,
    channels: selection.channels.length ? [...selection.channels] : undefined,
  };
}
