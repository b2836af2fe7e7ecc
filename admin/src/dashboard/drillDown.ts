import { enumValues } from '../graphql/enums';
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
 * These clicks cannot map to a list filter and show their tooltip only:
 * - a bucket of answers, revenue or SLA breaches: the list has no filter for "answered / bought /
 *   breached in this period".
 * - TEAM groups: the rated, handling or receiving team of answers, interactions and handoffs, not
 *   the owner's team the list filters by (`ownerTeam`).
 * - CHANNEL and JOURNEY_STAGE groups: they describe answers and interactions, not customers.
 * - UNSPECIFIED groups (no channel, segment or owner): the list cannot ask for "none".
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

export type CustomerListFilter = CustomerGroupFilter | CustomerMomentFilter | (CustomerGroupFilter & CustomerMomentFilter);

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

const UNSPECIFIED = 'UNSPECIFIED';

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

/** The customers list's URL for a filter, with the filter's inputs shown so the person sees what narrowed it. */
export function customerListPath(filter: CustomerListFilter): string {
  const displayedFilters = Object.fromEntries(Object.keys(filter).map((key) => [key, true]));
  const search = new URLSearchParams({ filter: JSON.stringify(filter), displayedFilters: JSON.stringify(displayedFilters) });
  return `/customers?${search.toString()}`;
}
