import { Alert, Box, Button, LinearProgress, Skeleton, Typography } from '@mui/material';
import { useCallback, useMemo } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router';
import { AcquisitionChart } from './AcquisitionChart';
import { groupLabeller } from './chartData';
import { CHART_HEIGHT } from './ChartCard';
import { CohortHeatMap } from './CohortHeatMap';
import { DashboardPickers } from './DashboardPickers';
import { periodProblem, readParams, writeParams, type DashboardParams } from './dashboardParams';
import type { DashboardReport } from './dashboardQuery';
import { churnLines, handoffLines, responseSlaLines, revenueLines, satisfactionLines } from './metricLines';
import { NpsBreakdownChart } from './NpsBreakdownChart';
import { TimeSeriesChart } from './TimeSeriesChart';
import { useDashboardReport } from './useDashboardReport';

/** Two charts a row on wide screens, one on narrow ones. */
const gridSx = { display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' } } as const;
const fullRow = { gridColumn: '1 / -1' } as const;

/**
 * The business dashboard: satisfaction, churn and retention, revenue and lifetime value,
 * acquisition, service levels and cohorts over a period, from ONE request (see dashboardQuery.ts).
 * The pickers live in the URL, so a view can be shared.
 */
export const Dashboard = () => {
  const translate = useTranslate();
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => readParams(search), [search]);
  const problem = periodProblem(params);
  const { report, loading, error, retry } = useDashboardReport(params, problem === null);
  const change = useCallback((next: DashboardParams) => setSearch(writeParams(next), { replace: true }), [setSearch]);

  return (
    <Box sx={{ py: 2, px: { xs: 1, sm: 2 } }} data-testid="dashboard">
      <Title title="customer360.dashboard.title" />
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        {translate('customer360.dashboard.title')}
      </Typography>
      <DashboardPickers params={params} onChange={change} />
      <Box sx={{ height: 4, mb: 1 }}>{loading && <LinearProgress aria-label={translate('customer360.dashboard.loading')} />}</Box>
      {problem && <Alert severity="warning" sx={{ mb: 2 }}>{translate(problem)}</Alert>}
      {error && !problem && (
        <Alert
          severity="error"
          sx={{ mb: 2 }}
          data-testid="dashboard-error"
          action={
            <Button color="inherit" size="small" onClick={retry}>
              {translate('customer360.dashboard.retry')}
            </Button>
          }
        >
          {translate('customer360.dashboard.errors.load')} {error.message}
        </Alert>
      )}
      {problem ? null : report ? <DashboardCharts report={report} /> : loading && <ChartsSkeleton />}
    </Box>
  );
};

const ChartsSkeleton = () => (
  <Box sx={gridSx}>
    {Array.from({ length: 4 }, (_, index) => (
      <Skeleton key={index} variant="rounded" height={CHART_HEIGHT + 80} />
    ))}
  </Box>
);

const DashboardCharts = ({ report }: { report: DashboardReport }) => {
  const translate = useTranslate();
  const { overTime } = report;
  const ownerNames = useMemo(() => new Map(report.staffUsers?.map((staff) => [staff.id, staff.name])), [report.staffUsers]);
  const labelGroup = groupLabeller(overTime.groupBy, translate, ownerNames);
  const timeChart = { report: overTime, interval: overTime.interval ?? 'MONTH', groupBy: overTime.groupBy, labelGroup } as const;

  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('customer360.dashboard.currency_note', { currency: overTime.currency, timeZone: overTime.timeZone })}
      </Typography>
      <Box sx={gridSx}>
        <TimeSeriesChart
          id="satisfaction"
          title="customer360.dashboard.charts.satisfaction"
          description="customer360.dashboard.descriptions.satisfaction"
          empty="customer360.dashboard.empty.satisfaction"
          lines={satisfactionLines}
          {...timeChart}
        />
        <TimeSeriesChart
          id="churn"
          title="customer360.dashboard.charts.churn"
          description="customer360.dashboard.descriptions.churn"
          empty="customer360.dashboard.empty.churn"
          lines={churnLines}
          range={{ min: 0, max: 100 }}
          {...timeChart}
        />
        <NpsBreakdownChart
          id="nps-by-team"
          title="customer360.dashboard.charts.nps_by_team"
          description="customer360.dashboard.descriptions.nps_by_team"
          report={report.byTeam}
        />
        <NpsBreakdownChart
          id="nps-by-journey-stage"
          title="customer360.dashboard.charts.nps_by_journey_stage"
          description="customer360.dashboard.descriptions.nps_by_journey_stage"
          report={report.byJourneyStage}
        />
        <TimeSeriesChart
          id="revenue"
          title="customer360.dashboard.charts.revenue"
          description="customer360.dashboard.descriptions.revenue"
          empty="customer360.dashboard.empty.revenue"
          lines={revenueLines}
          {...timeChart}
        />
        <AcquisitionChart report={report.byAcquisitionChannel} />
        <TimeSeriesChart
          id="response-sla"
          title="customer360.dashboard.charts.response_sla"
          description="customer360.dashboard.descriptions.response_sla"
          empty="customer360.dashboard.empty.response_sla"
          lines={responseSlaLines}
          range={{ min: 0, max: 100 }}
          {...timeChart}
        />
        <TimeSeriesChart
          id="handoffs"
          title="customer360.dashboard.charts.handoffs"
          description="customer360.dashboard.descriptions.handoffs"
          empty="customer360.dashboard.empty.handoffs"
          lines={handoffLines}
          {...timeChart}
        />
        <Box sx={fullRow}>
          <CohortHeatMap retention={report.cohortRetention} />
        </Box>
      </Box>
    </>
  );
};
