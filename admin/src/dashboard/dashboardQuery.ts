import { graphqlRequest, type RequestOptions } from '../graphql/client';
import type { CsatScore, Decimal, NpsScore } from '../graphql/types';
import type { DashboardParams, MetricDimension, MetricInterval, ReportPeriod } from './dashboardParams';

/** One bucket of one series; a family is null where the series' dimension does not apply to it. */
export interface MetricPoint {
  start: string;
  end: string;
  satisfaction?: { csat?: CsatScore; nps: NpsScore } | null;
  churn?: { rate: Decimal | null; retentionRate: Decimal | null; activeAtStart: number; churnedOfActive: number } | null;
  revenue?: { net: Decimal; purchases: number; refunds: number } | null;
  acquisition?: {
    spend?: Decimal | null;
    newCustomers: number;
    averageHistoricalLifetimeValue: Decimal | null;
    cac?: Decimal | null;
    ltvToCac?: Decimal | null;
  } | null;
  responseSla?: { breachRate: Decimal | null; breached: number; inbound: number } | null;
  handoffs?: { medianHoursToAccept: Decimal | null; p90HoursToAccept: Decimal | null; accepted: number; requested: number } | null;
}

export interface MetricSeries {
  /** null: all customers; otherwise the dimension's value (an enum value, an owner id, or UNSPECIFIED). */
  group: string | null;
  points: MetricPoint[];
}

export interface MetricsReport {
  currency: string;
  timeZone: string;
  groupBy: MetricDimension | null;
  /** Asked of the time charts' report only. */
  interval?: MetricInterval | null;
  series: MetricSeries[];
}

export interface Cohort {
  month: string;
  size: number;
  retention: (Decimal | null)[];
  retained: (number | null)[];
}

export interface DashboardReport {
  /** Bucketed by the chosen interval, grouped by the chosen dimension: the time charts. */
  overTime: MetricsReport;
  /** The whole period, one bucket: NPS by the team and by the journey stage the answers rated. */
  byTeam: MetricsReport;
  byJourneyStage: MetricsReport;
  /** The whole period, one bucket: spend, CAC and LTV per acquisition channel. */
  byAcquisitionChannel: MetricsReport;
  cohortRetention: { months: number; timeZone: string; cohorts: Cohort[] };
  /** Names for OWNER groups (asked only when grouping by owner). */
  staffUsers?: { id: string; name: string }[];
}

const NPS = 'nps { score promoters passives detractors total }';

/**
 * Every figure of the dashboard in ONE request: four aliased `metrics` reports (each asks only the
 * families its charts draw) and the cohort table. Asked again whenever a picker changes.
 */
export const DASHBOARD_QUERY = /* GraphQL */ `
  query Dashboard(
    $from: DateTimeISO!, $to: DateTimeISO!, $timeZone: String!, $interval: MetricInterval,
    $groupBy: MetricDimension, $months: Int!, $withOwners: Boolean!
  ) {
    overTime: metrics(from: $from, to: $to, timeZone: $timeZone, interval: $interval, groupBy: $groupBy) {
      currency timeZone groupBy interval
      series { group points {
        start end
        satisfaction { csat { score satisfied total } ${NPS} }
        churn { rate retentionRate activeAtStart churnedOfActive }
        revenue { net purchases refunds }
        acquisition { newCustomers averageHistoricalLifetimeValue }
        responseSla { breachRate breached inbound }
        handoffs { medianHoursToAccept p90HoursToAccept accepted requested }
      } }
    }
    byTeam: metrics(from: $from, to: $to, timeZone: $timeZone, groupBy: TEAM) {
      currency timeZone groupBy
      series { group points { start end satisfaction { ${NPS} } } }
    }
    byJourneyStage: metrics(from: $from, to: $to, timeZone: $timeZone, groupBy: JOURNEY_STAGE) {
      currency timeZone groupBy
      series { group points { start end satisfaction { ${NPS} } } }
    }
    byAcquisitionChannel: metrics(from: $from, to: $to, timeZone: $timeZone, groupBy: ACQUISITION_CHANNEL) {
      currency timeZone groupBy
      series { group points { start end acquisition { spend newCustomers averageHistoricalLifetimeValue cac ltvToCac } } }
    }
    cohortRetention(from: $from, to: $to, months: $months, timeZone: $timeZone) {
      months timeZone
      cohorts { month size retention retained }
    }
    staffUsers @include(if: $withOwners) { id name }
  }
`;

export function dashboardVariables(params: DashboardParams, period: ReportPeriod): Record<string, unknown> {
  return {
    from: period.from,
    to: period.to,
    timeZone: params.timeZone,
    interval: params.interval,
    groupBy: params.groupBy,
    months: period.months,
    withOwners: params.groupBy === 'OWNER',
  };
}

export function fetchDashboard(params: DashboardParams, period: ReportPeriod, options: RequestOptions = {}): Promise<DashboardReport> {
  return graphqlRequest<DashboardReport>(DASHBOARD_QUERY, dashboardVariables(params, period), options);
}
