import { enumValues } from '../graphql/enums';
import type { MetricDimension } from './dashboardParams';

/**
 * Where a click on a chart leads: the customers list, filtered to the customers behind the bar or
 * point, as far as the list's filter (dataProvider/customers.ts, toCustomerFilter) can say it.
 *
 * A group of a dimension that describes the customer maps to a list filter:
 *   ACQUISITION_CHANNEL → acquisitionChannel, SEGMENT → segment, OWNER → ownerId.
 * The list shows that group's customers; it cannot also narrow them to the chart's period or bucket.
 *
 * These clicks cannot map to a list filter and show their tooltip only:
 * - a bucket of the ungrouped ("all customers") series: a month of NPS or CSAT answers, of churn,
 *   revenue or SLA breaches. The list has no filter for "answered / churned / bought / breached in
 *   this period".
 * - TEAM groups: the rated, handling or receiving team of answers, interactions and handoffs, not
 *   the owner's team the list filters by (`ownerTeam`).
 * - CHANNEL and JOURNEY_STAGE groups: they describe answers and interactions, not customers.
 * - UNSPECIFIED groups (no channel, segment or owner): the list cannot ask for "none".
 * - a cohort of the heat map: the list has no filter on the acquisition month.
 */
export type CustomerListFilter = { acquisitionChannel: string } | { segment: string } | { ownerId: string };

const UNSPECIFIED = 'UNSPECIFIED';

export function customerFilterForGroup(dimension: MetricDimension | null, group: string | null): CustomerListFilter | null {
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
