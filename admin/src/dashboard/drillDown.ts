import { enumValues } from '../graphql/enums';
import type { ActivityKind, CustomerActivity } from '../dataProvider/customers';
import type { SurveyKind } from '../graphql/enums';
import type { MetricDimension } from './dashboardParams';

/**
 * Where a click on a chart leads: the customers list, filtered to the customers behind the bar or
 * point, as far as the list's filter (dataProvider/customers.ts, toCustomerFilter) can say it.
 *
 * A group of a dimension that describes the customer maps to a list filter:
 *   ACQUISITION_CHANNEL → acquisitionChannel, SEGMENT → segment, OWNER → ownerId.
 *
 * A bucket of a customer count maps to the acquired / churned moments (bucketFilter), exactly as
 * the report counts them: churned in the bucket = those active at its start who churned inside it
 * (L), retained = active at its start and not churned by its end (S − L), new = acquired inside
 * it; a cohort cell = the cohort's customers not churned k months after its month began. On a
 * grouped line the group's filter narrows the bucket's too.
 *
 * A bucket of rows maps to the list's `activity` filter (activityFilter): the customers with at
 * least one such row inside the bucket —
 *   satisfaction lines → SURVEY_ANSWER of the line's survey kind (CSAT, NPS);
 *   revenue → PURCHASE in the report's currency (refunds included: they move revenue);
 *   response SLA → INBOUND_INTERACTION; handoffs → HANDOFF_REQUEST.
 * Their groups narrow the activity, not the customer: TEAM → teams (the rated team of answers,
 * the handling team of interactions, the receiving team of handoffs), CHANNEL → channels and
 * JOURNEY_STAGE → journeyStages (answers and interactions); customer dimensions narrow as above.
 * The list shows distinct customers: one customer behind three answers is one row.
 *
 * These clicks cannot map to a list filter and show their tooltip only:
 * - UNSPECIFIED groups (no channel, segment, owner, team or stage): the list cannot ask for "none".
 * - a group whose dimension the figure's rows do not have (e.g. a TEAM group of revenue).
 * - a whole TEAM, CHANNEL or JOURNEY_STAGE line (no bucket): those groups describe rows in a
 *   period, not customers.
 */
export type CustomerGroupFilter = { acquisitionChannel: string } | { segment: string } | { ownerId: string };

/** The customer filters of a moment or a period (ISO instants), see toCustomerFilter. */
export interface CustomerMomentFilter {
  acquiredAfter?: string;
  acquiredBefore?: string;
  churnedAfter?: string;
  churnedBefore?: string;
  notChurnedBefore?: string;
}

export interface CustomerActivityFilter {
  activity: CustomerActivity;
}

export type CustomerListFilter =
  | CustomerGroupFilter
  | CustomerMomentFilter
  | (CustomerGroupFilter & CustomerMomentFilter)
  | CustomerActivityFilter
  | (CustomerGroupFilter & CustomerActivityFilter);

/** Which rows a line's figure rests on: a point opens the customers behind that bucket's rows. */
export type ActivityDrillDown = { kind: 'SURVEY_ANSWER'; surveyKind: SurveyKind } | { kind: 'PURCHASE' } | { kind: 'INBOUND_INTERACTION' } | { kind: 'HANDOFF_REQUEST' };

const UNSPECIFIED = 'UNSPECIFIED';

/** The activity narrowing each row dimension maps to, per kind; a kind missing from a dimension's entry does not have it. */
const ACTIVITY_GROUPS: Partial<Record<MetricDimension, { field: 'teams' | 'channels' | 'journeyStages'; values: readonly string[]; kinds: readonly ActivityKind[] }>> = {
  TEAM: { field: 'teams', values: enumValues.Team, kinds: ['SURVEY_ANSWER', 'INBOUND_INTERACTION', 'HANDOFF_REQUEST'] },
  CHANNEL: { field: 'channels', values: enumValues.Channel, kinds: ['SURVEY_ANSWER', 'INBOUND_INTERACTION'] },
  JOURNEY_STAGE: { field: 'journeyStages', values: enumValues.JourneyStage, kinds: ['SURVEY_ANSWER', 'INBOUND_INTERACTION'] },
};

/**
 * The customers behind a bucket's rows, narrowed to a group (null when the group cannot be said:
 * UNSPECIFIED, unknown, or a dimension the rows do not have). `group` null: the ungrouped series.
 */
export function activityFilter(
  drill: ActivityDrillDown,
  bucket: { start: string; end: string },
  { currency, dimension, group }: { currency: string; dimension: MetricDimension | null; group: string | null },
): CustomerListFilter | null {
  const activity: CustomerActivity = { kind: drill.kind, after: bucket.start, before: bucket.end };
  if (drill.kind === 'SURVEY_ANSWER') activity.surveyKinds = [drill.surveyKind];
  if (drill.kind === 'PURCHASE') activity.currency = currency;
  if (group === null) return { activity };
  if (!dimension || group === UNSPECIFIED) return null;
  const narrowing = ACTIVITY_GROUPS[dimension];
  if (narrowing) {
    if (!narrowing.kinds.includes(drill.kind) || !narrowing.values.includes(group)) return null;
    return { activity: { ...activity, [narrowing.field]: [group] } };
  }
  const customer = customerFilterForGroup(dimension, group);
  return customer ? { ...customer, activity } : null;
}

/** Which customers a bucket's figure counts. */
export type BucketCount = 'churned' | 'retained' | 'new' | 'activeAtStart';

export function bucketFilter(count: BucketCount, bucket: { start: string; end: string }): CustomerMomentFilter {
  switch (count) {
    case 'churned':
      return { acquiredBefore: bucket.start, churnedAfter: bucket.start, churnedBefore: bucket.end };
    case 'retained':
      return { acquiredBefore: bucket.start, notChurnedBefore: bucket.end };
    case 'new':
      return { acquiredAfter: bucket.start, acquiredBefore: bucket.end };
    case 'activeAtStart':
      return { acquiredBefore: bucket.start, notChurnedBefore: bucket.start };
  }
}

/** The wall-clock parts of an instant in a time zone. */
function partsInZone(instant: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(new Date(instant))
      .filter((part) => part.type !== 'literal')
      .map((part) => [part.type, Number(part.value)]),
  );
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const p = partsInZone(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

/** The same wall-clock moment `months` calendar months later in the report's time zone (a month start stays a month start across DST). */
export function addMonthsInZone(start: string, months: number, timeZone: string): string {
  const from = Date.parse(start);
  const p = partsInZone(from, timeZone);
  const wall = Date.UTC(p.year, p.month - 1 + months, p.day, p.hour, p.minute, p.second);
  let instant = wall - offsetAt(wall - offsetAt(from, timeZone), timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant).toISOString();
}

/** A cohort (its month's start): its customers, or with `months` the ones still not churned that many months after it began. */
export function cohortFilter(month: string, timeZone: string, months?: number): CustomerMomentFilter {
  const cohort = { acquiredAfter: month, acquiredBefore: addMonthsInZone(month, 1, timeZone) };
  return months === undefined ? cohort : { ...cohort, notChurnedBefore: addMonthsInZone(month, months, timeZone) };
}

export function customerFilterForGroup(dimension: MetricDimension | null, group: string | null): CustomerGroupFilter | null {
  if (!dimension || group === null || group === UNSPECIFIED) return null;
  switch (dimension) {
    case 'ACQUISITION_CHANNEL':
      return (enumValues.AcquisitionChannel as readonly string[]).includes(group) ? { acquisitionChannel: group } : null;
    case 'SEGMENT':
      return (enumValues.Segment as readonly string[]).includes(group) ? { segment: group } : null;
    case 'OWNER':
      return { ownerId: group };
    default:
      return null;
  }
}

/** The customers list's URL for a filter, with the filter's inputs shown so the person sees what narrowed it (the activity as a summary chip). */
export function customerListPath(filter: CustomerListFilter): string {
  const displayedFilters = Object.fromEntries(Object.keys(filter).map((key) => [key, true]));
  const search = new URLSearchParams({ filter: JSON.stringify(filter), displayedFilters: JSON.stringify(displayedFilters) });
  return `/customers?${search.toString()}`;
}
