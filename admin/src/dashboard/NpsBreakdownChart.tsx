import { Typography, useTheme } from '@mui/material';
import { BarChart, barClasses } from '@mui/x-charts/BarChart';
import { useTranslate } from 'react-admin';
import { useDecimalFormat } from '../shared/decimal';
import { groupLabeller, plotValue } from './chartData';
import { CHART_HEIGHT, ChartCard } from './ChartCard';
import type { MetricsReport } from './dashboardQuery';
import { activityFilter } from './drillDown';
import { useOpenCustomers } from './useOpenCustomers';

interface NpsBreakdownChartProps {
  id: string;
  title: string;
  description: string;
  /** One bucket for the whole period, grouped by TEAM or JOURNEY_STAGE. */
  report: MetricsReport;
}

/**
 * NPS of the period per rated team or journey stage, one bar each, its exact score on the bar and
 * its promoters, passives and detractors in the tooltip. A group without NPS answers has no bar.
 * Clicking a bar opens the customers who gave that team's or stage's NPS answers in the period
 * (drillDown.ts activityFilter).
 */
export const NpsBreakdownChart = ({ id, title, description, report }: NpsBreakdownChartProps) => {
  const translate = useTranslate();
  const formatDecimal = useDecimalFormat();
  const theme = useTheme();
  const labelGroup = groupLabeller(report.groupBy, translate);
  const npsOf = (group: string | null) => report.series.find((series) => series.group === group)?.points[0]?.satisfaction?.nps ?? null;
  const groups = report.series.filter((series) => series.group !== null).map((series) => series.group!);
  const scores = groups.map((group) => npsOf(group));
  const overall = npsOf(null);
  const exact = scores.map((nps) => nps?.score ?? null);
  const openCustomers = useOpenCustomers();
  /** The customers behind a bar's answers; null without answers or where the group cannot be said (UNSPECIFIED). */
  const barFilter = (dataIndex: number) => {
    const group = groups[dataIndex];
    const point = report.series.find((series) => series.group === group)?.points[0];
    if (group === undefined || !point || exact[dataIndex] === null) return null;
    return activityFilter({ kind: 'SURVEY_ANSWER', surveyKind: 'NPS' }, point, { currency: report.currency, dimension: report.groupBy, group });
  };
  const clickable = groups.some((_, dataIndex) => barFilter(dataIndex) !== null);

  return (
    <ChartCard
      id={id}
      title={title}
      description={description}
      empty={exact.every((score) => score === null) ? 'customer360.dashboard.empty.nps' : null}
      footer={
        overall?.score != null && (
          <Typography variant="body2" color="text.secondary">
            {translate('customer360.dashboard.nps_overall', { smart_count: overall.total })}{' '}
            <Typography component="span" variant="body2" data-testid={`${id}-overall`} sx={{ fontWeight: 600, color: 'text.primary' }}>
              {formatDecimal(overall.score)}
            </Typography>
          </Typography>
        )
      }
    >
      <BarChart
        height={CHART_HEIGHT}
        xAxis={[{ scaleType: 'band', data: groups, valueFormatter: (group: string) => labelGroup(group), height: 'auto' }]}
        // Room past ±100 for a bar's label; ticks stay on NPS's own scale.
        yAxis={[{ min: -130, max: 130, tickInterval: [-100, -50, 0, 50, 100], width: 'auto' }]}
        series={[
          {
            id: 'nps',
            label: translate('customer360.dashboard.metrics.nps'),
            data: exact.map(plotValue),
            colorGetter: ({ value }) => (value !== null && value < 0 ? theme.palette.error.main : theme.palette.success.main),
            barLabel: ({ dataIndex }) => {
              const score = exact[dataIndex];
              return score == null ? null : formatDecimal(score);
            },
            barLabelPlacement: 'outside',
            valueFormatter: (_value, { dataIndex }) => {
              const nps = scores[dataIndex];
              if (!nps || nps.score === null) return translate('customer360.dashboard.no_answers');
              return translate('customer360.dashboard.nps_detail', {
                score: formatDecimal(nps.score),
                promoters: nps.promoters,
                passives: nps.passives,
                detractors: nps.detractors,
              });
            },
          },
        ]}
        onItemClick={(_event, item) => {
          const filter = barFilter(item.dataIndex);
          if (filter) openCustomers(filter);
        }}
        sx={clickable ? { [`& .${barClasses.element}`]: { cursor: 'pointer' } } : undefined}
        grid={{ horizontal: true }}
        hideLegend
        skipAnimation
      />
    </ChartCard>
  );
};
