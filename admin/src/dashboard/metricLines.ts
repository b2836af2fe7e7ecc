import type { MetricPoint } from './dashboardQuery';
import type { MetricLine } from './TimeSeriesChart';

/**
 * The lines of each time chart: which exact figure of a bucket it draws and what the figure rests
 * on. A family the series' dimension does not apply to is null in the API's answer: its lines
 * answer undefined (not drawn), while a figure over nothing is null (a gap).
 */
const answers = (total: number | undefined) => (total === undefined ? null : { key: 'customer360.dashboard.basis.answers', values: { smart_count: total } });

export const satisfactionLines: MetricLine[] = [
  {
    id: 'csat',
    label: 'customer360.dashboard.metrics.csat',
    unit: 'percent',
    value: (point) => (point.satisfaction ? (point.satisfaction.csat?.score ?? null) : undefined),
    basis: (point) => answers(point.satisfaction?.csat?.total),
    activity: { kind: 'SURVEY_ANSWER', surveyKind: 'CSAT' },
  },
  {
    id: 'nps',
    label: 'customer360.dashboard.metrics.nps',
    unit: 'score',
    value: (point) => (point.satisfaction ? point.satisfaction.nps.score : undefined),
    basis: (point) => answers(point.satisfaction?.nps.total),
    activity: { kind: 'SURVEY_ANSWER', surveyKind: 'NPS' },
  },
];

const churnBasis = (point: MetricPoint) =>
  point.churn
    ? { key: 'customer360.dashboard.basis.churn', values: { churned: point.churn.churnedOfActive, active: point.churn.activeAtStart } }
    : null;

export const churnLines: MetricLine[] = [
  {
    id: 'churn',
    label: 'customer360.dashboard.metrics.churn_rate',
    unit: 'percent',
    value: (point) => (point.churn ? point.churn.rate : undefined),
    basis: churnBasis,
    drillDown: 'churned',
  },
  {
    id: 'retention',
    label: 'customer360.dashboard.metrics.retention_rate',
    unit: 'percent',
    value: (point) => (point.churn ? point.churn.retentionRate : undefined),
    basis: churnBasis,
    drillDown: 'retained',
  },
];

export const revenueLines: MetricLine[] = [
  {
    id: 'revenue',
    label: 'customer360.dashboard.metrics.net_revenue',
    unit: 'money',
    value: (point) => (point.revenue ? point.revenue.net : undefined),
    basis: (point) =>
      point.revenue ? { key: 'customer360.dashboard.basis.revenue', values: { purchases: point.revenue.purchases, refunds: point.revenue.refunds } } : null,
    activity: { kind: 'PURCHASE' },
  },
  {
    id: 'ltv',
    label: 'customer360.dashboard.metrics.average_ltv',
    unit: 'money',
    value: (point) => (point.acquisition ? point.acquisition.averageHistoricalLifetimeValue : undefined),
    drillDown: 'new',
    basis: (point) =>
      point.acquisition ? { key: 'customer360.dashboard.basis.new_customers', values: { smart_count: point.acquisition.newCustomers } } : null,
  },
];

export const responseSlaLines: MetricLine[] = [
  {
    id: 'breach-rate',
    label: 'customer360.dashboard.metrics.breach_rate',
    unit: 'percent',
    value: (point) => (point.responseSla ? point.responseSla.breachRate : undefined),
    basis: (point) =>
      point.responseSla
        ? { key: 'customer360.dashboard.basis.breaches', values: { breached: point.responseSla.breached, inbound: point.responseSla.inbound } }
        : null,
    activity: { kind: 'INBOUND_INTERACTION' },
  },
];

const acceptedBasis = (point: MetricPoint) =>
  point.handoffs ? { key: 'customer360.dashboard.basis.handoffs', values: { smart_count: point.handoffs.accepted } } : null;

export const handoffLines: MetricLine[] = [
  {
    id: 'median-hours',
    label: 'customer360.dashboard.metrics.median_hours_to_accept',
    unit: 'hours',
    value: (point) => (point.handoffs ? point.handoffs.medianHoursToAccept : undefined),
    basis: acceptedBasis,
    activity: { kind: 'HANDOFF_REQUEST' },
  },
  {
    id: 'p90-hours',
    label: 'customer360.dashboard.metrics.p90_hours_to_accept',
    unit: 'hours',
    value: (point) => (point.handoffs ? point.handoffs.p90HoursToAccept : undefined),
    basis: acceptedBasis,
    activity: { kind: 'HANDOFF_REQUEST' },
  },
];
