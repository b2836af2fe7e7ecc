import { ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { LineChart, lineClasses, type LineSeries } from '@mui/x-charts/LineChart';
import { useMemo, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import type { Decimal } from '../graphql/types';
import { bucketLabeller, exactText, plotValue, type Unit } from './chartData';
import { CHART_HEIGHT, ChartCard } from './ChartCard';
import type { MetricDimension, MetricInterval } from './dashboardParams';
import type { MetricPoint, MetricsReport } from './dashboardQuery';
import { activityFilter, bucketFilter, customerFilterForGroup, type ActivityDrillDown, type BucketCount, type CustomerListFilter } from './drillDown';
import { useOpenCustomers } from './useOpenCustomers';

export interface MetricLine {
  id: string;
  /** i18n key of the line's name. */
  label: string;
  unit: Unit;
  /** The exact figure of a bucket; undefined where the series' dimension does not apply to the metric. */
  value: (point: MetricPoint) => Decimal | null | undefined;
  /** i18n key and values of what the figure rests on ("12 answers"), for the tooltip. */
  basis?: (point: MetricPoint) => { key: string; values: Record<string, unknown> } | null;
  /** Which customers a point of this line counts: clicking it opens them (drillDown.ts bucketFilter). */
  drillDown?: BucketCount;
  /** Which rows a point of this line rests on: clicking it opens the customers behind them (drillDown.ts activityFilter). */
  activity?: ActivityDrillDown;
}

interface TimeSeriesChartProps {
  id: string;
  title: string;
  description: string;
  /** i18n key shown when no bucket of any series has a figure. */
  empty: string;
  lines: MetricLine[];
  report: MetricsReport;
  interval: MetricInterval;
  groupBy: MetricDimension | null;
  labelGroup: (group: string | null) => string;
  /** Fixed bounds of the value axis (e.g. 0–100 for a rate). */
  range?: { min?: number; max?: number };
}

interface DrawnSeries {
  id: string;
  group: string | null;
  line: MetricLine;
  exact: (Decimal | null)[];
  points: MetricPoint[];
}

function tickFormatter(unit: Unit, locale: string, translate: (key: string, options?: Record<string, unknown>) => string): (value: number) => string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, notation: unit === 'money' ? 'compact' : 'standard' });
  if (unit === 'percent') return (value) => `${number.format(value)}%`;
  if (unit === 'hours') return (value) => translate('customer360.dashboard.hours', { value: number.format(value) });
  return (value) => number.format(value);
}

/** Every line of `lines` in one series each (ungrouped); or the chosen line once per group that it applies to. */
function seriesToDraw(report: MetricsReport, lines: MetricLine[], chosen: MetricLine, grouped: boolean): DrawnSeries[] {
  const drawn = (group: string | null, line: MetricLine, points: MetricPoint[], id: string): DrawnSeries => ({
    id,
    group,
    line,
    points,
    exact: points.map((point) => line.value(point) ?? null),
  });
  const all = report.series.find((series) => series.group === null);
  if (!grouped) return all ? lines.map((line) => drawn(null, line, all.points, line.id)) : [];
  return report.series
    .filter((series) => series.group === null || series.points.some((point) => chosen.value(point) !== undefined))
    .map((series) => drawn(series.group, chosen, series.points, `group:${series.group ?? ''}`));
}

/**
 * A metric family over time. Ungrouped, each metric is a line; grouped, a toggle picks the metric
 * and each group is a line, with "all customers" first. Gaps are buckets without data (never 0).
 * Clicking a point of a customer count (churned, retained, new) opens the customers it counts, and
 * a point of answers, revenue, inbound interactions or handoffs the customers behind its rows, of
 * its group where the list can filter by it; clicking a group's line opens that group's customers
 * (see drillDown.ts); every other click leaves the tooltip, which shows the API's exact figures.
 */
export const TimeSeriesChart = ({ id, title, description, empty, lines, report, interval, groupBy, labelGroup, range }: TimeSeriesChartProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const openCustomers = useOpenCustomers();
  const [chosenId, setChosenId] = useState(lines[0]!.id);
  const chosen = lines.find((line) => line.id === chosenId) ?? lines[0]!;
  const grouped = groupBy !== null && report.groupBy === groupBy;

  const allPoints = report.series.find((series) => series.group === null)?.points ?? [];
  const label = useMemo(() => bucketLabeller(interval, report.timeZone, locale), [interval, report.timeZone, locale]);
  const drawn = useMemo(() => seriesToDraw(report, lines, chosen, grouped), [report, lines, chosen, grouped]);
  const splitByGroup = drawn.some((series) => series.group !== null);
  const hasData = drawn.some((series) => series.exact.some((value) => value !== null));
  // The value axis's unit: the chosen metric's, or the lines' own when they share one (CSAT % beside NPS: plain numbers).
  const unit = grouped ? chosen.unit : lines.every((line) => line.unit === lines[0]!.unit) ? lines[0]!.unit : 'score';

  const series: LineSeries[] = drawn.map((entry) => {
    const data = entry.exact.map(plotValue);
    return {
      id: entry.id,
      label: grouped ? labelGroup(entry.group) : translate(entry.line.label),
      data,
      connectNulls: false,
      // Straight segments: a smoothed curve would suggest values between buckets that no one measured.
      curve: 'linear',
      // Marks when few buckets, and always on a point alone between gaps (a line needs two).
      showMark: ({ index }) => data.length <= 40 || (data[index - 1] == null && data[index + 1] == null),
      valueFormatter: (_value, { dataIndex }) => {
        const exact = entry.exact[dataIndex];
        if (exact === null || exact === undefined) return translate('customer360.dashboard.no_data');
        const basis = entry.line.basis?.(entry.points[dataIndex]!);
        const text = exactText(exact, entry.line.unit, { currency: report.currency, locale, translate });
        return basis ? translate('customer360.dashboard.figure_with_basis', { figure: text, basis: translate(basis.key, basis.values) }) : text;
      },
    };
  });

  const openGroup = (seriesId: string | number) => {
    const entry = drawn.find((candidate) => candidate.id === seriesId);
    const filter = entry ? customerFilterForGroup(groupBy, entry.group) : null;
    if (filter) openCustomers(filter);
  };
  /** A point's customers: the bucket's, narrowed to the group's (null when the list cannot say either). */
  const pointFilter = (entry: DrawnSeries, dataIndex: number): CustomerListFilter | null => {
    const point = entry.points[dataIndex];
    if (!point || entry.exact[dataIndex] == null) return null;
    if (entry.line.activity) {
      return activityFilter(entry.line.activity, point, { currency: report.currency, dimension: groupBy, group: entry.group });
    }
    if (!entry.line.drillDown) return null;
    const group = entry.group === null ? {} : customerFilterForGroup(groupBy, entry.group);
    return group ? { ...group, ...bucketFilter(entry.line.drillDown, point) } : null;
  };
  const openPoint = (seriesId: string | number, dataIndex: number | undefined) => {
    const entry = drawn.find((candidate) => candidate.id === seriesId);
    const filter = entry && dataIndex !== undefined ? pointFilter(entry, dataIndex) : null;
    if (filter) openCustomers(filter);
    else openGroup(seriesId);
  };
  const opensPoints = (entry: DrawnSeries) => entry.points.some((_, dataIndex) => pointFilter(entry, dataIndex) !== null);
  const clickableIds = drawn
    .filter((entry) => opensPoints(entry) || (grouped && customerFilterForGroup(groupBy, entry.group) !== null))
    .map((entry) => entry.id);
  const clickable = clickableIds.length > 0;
  // The chart marks every line clickable once there is a handler: only the groups that open a list are.
  const cursors = {
    [`& .${lineClasses.line}, & .${lineClasses.mark}`]: { cursor: 'default' },
    ...Object.fromEntries(clickableIds.map((seriesId) => [`& [data-series="${CSS.escape(seriesId)}"]`, { cursor: 'pointer' }])),
  };

  const toggle = grouped && lines.length > 1 && (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={chosen.id}
      onChange={(_, next: string | null) => next && setChosenId(next)}
      aria-label={translate('customer360.dashboard.metric')}
    >
      {lines.map((line) => (
        <ToggleButton key={line.id} value={line.id}>
          {translate(line.label)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );

  return (
    <ChartCard
      id={id}
      title={title}
      description={description}
      action={toggle}
      empty={allPoints.length === 0 || !hasData ? empty : null}
      footer={
        grouped && !splitByGroup ? (
          <Typography variant="caption" color="text.secondary" component="p" data-testid="chart-not-split">
            {translate('customer360.dashboard.not_split', { dimension: translate(`customer360.dashboard.dimensions.${groupBy}`) })}
          </Typography>
        ) : null
      }
    >
      <LineChart
        height={CHART_HEIGHT}
        series={series}
        xAxis={[{ scaleType: 'point', data: allPoints.map((_, index) => index), valueFormatter: (index: number) => label(allPoints[index]?.start ?? '') }]}
        yAxis={[{ min: range?.min, max: range?.max, valueFormatter: tickFormatter(unit, locale, translate), width: 'auto' }]}
        grid={{ horizontal: true }}
        // Room for the last bucket's label, centred under the right edge.
        margin={{ right: 32 }}
        skipAnimation
        onLineClick={grouped && clickable ? (_event, item) => openGroup(item.seriesId) : undefined}
        onMarkClick={clickable ? (_event, item) => openPoint(item.seriesId, item.dataIndex) : undefined}
        sx={clickable ? cursors : undefined}
      />
    </ChartCard>
  );
};
