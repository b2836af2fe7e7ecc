import { Box, Table, TableBody, TableCell, TableHead, TableRow, Tooltip } from '@mui/material';
import { alpha, useTheme } from '@mui/material/styles';
import { useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import type { Decimal } from '../graphql/types';
import { useDecimalFormat } from '../shared/decimal';
import { bucketLabeller, plotValue } from './chartData';
import { ChartCard } from './ChartCard';
import type { DashboardReport } from './dashboardQuery';
import { cohortFilter, type CustomerListFilter } from './drillDown';
import { useOpenCustomers } from './useOpenCustomers';

type CohortRetention = DashboardReport['cohortRetention'];

/**
 * Acquisition cohorts as rows, months since acquisition as columns, each cell the share still
 * active, shaded by it; a month still in the future is a blank cell. The tooltip gives the count
 * behind the share. Clicking a cohort's size opens its customers; clicking a cell, those of them
 * still not churned k months after the cohort's month began (drillDown.ts cohortFilter).
 */
export const CohortHeatMap = ({ retention }: { retention: CohortRetention }) => {
  const translate = useTranslate();
  const formatDecimal = useDecimalFormat();
  const [locale] = useLocaleState();
  const theme = useTheme();
  const label = useMemo(() => bucketLabeller('MONTH', retention.timeZone, locale), [retention.timeZone, locale]);
  const months = Array.from({ length: retention.months }, (_, index) => index + 1);
  const openCustomers = useOpenCustomers();
  /** A cell that opens customers: by click, or Enter from the keyboard. */
  const opens = (filter: CustomerListFilter) => ({
    onClick: () => openCustomers(filter),
    onKeyDown: (event: { key: string }) => event.key === 'Enter' && openCustomers(filter),
    tabIndex: 0,
    role: 'link',
  });

  /** The cell's shade, from the share as a number (colour only; the text is the exact string). */
  const shade = (value: Decimal) => {
    const share = Math.min(1, Math.max(0, (plotValue(value) ?? 0) / 100));
    return {
      backgroundColor: alpha(theme.palette.primary.main, 0.08 + share * 0.82),
      color: share >= 0.55 ? theme.palette.primary.contrastText : theme.palette.text.primary,
    };
  };

  return (
    <ChartCard
      id="cohorts"
      title="customer360.dashboard.charts.cohorts"
      description="customer360.dashboard.descriptions.cohorts"
      empty={retention.cohorts.length === 0 ? 'customer360.dashboard.empty.cohorts' : null}
    >
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={translate('customer360.dashboard.charts.cohorts')} data-testid="cohort-heat-map" sx={{ '& td, & th': { px: 1 } }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper', zIndex: 1 }}>
                {translate('customer360.dashboard.columns.cohort')}
              </TableCell>
              <TableCell align="right">{translate('customer360.dashboard.columns.customers')}</TableCell>
              {months.map((month) => (
                <TableCell key={month} align="center" title={translate('customer360.dashboard.months_after', { smart_count: month })}>
                  {translate('customer360.dashboard.month_column', { month })}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {retention.cohorts.map((cohort) => (
              <TableRow key={cohort.month} data-testid="cohort-row">
                <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap', position: 'sticky', left: 0, bgcolor: 'background.paper', zIndex: 1 }}>
                  {label(cohort.month)}
                </TableCell>
                <TableCell
                  align="right"
                  sx={{ fontVariantNumeric: 'tabular-nums', cursor: 'pointer' }}
                  data-testid="cohort-size"
                  {...opens(cohortFilter(cohort.month, retention.timeZone))}
                >
                  {cohort.size}
                </TableCell>
                {months.map((month) => {
                  const value = cohort.retention[month - 1] ?? null;
                  if (value === null) return <TableCell key={month} data-testid="cohort-cell" data-empty="true" />;
                  const text = `${formatDecimal(value)}%`;
                  const detail = translate('customer360.dashboard.cohort_cell', {
                    retained: cohort.retained[month - 1] ?? 0,
                    size: cohort.size,
                    smart_count: month,
                  });
                  return (
                    <Tooltip key={month} title={detail} describeChild disableInteractive>
                      <TableCell
                        align="center"
                        data-testid="cohort-cell"
                        sx={{ ...shade(value), fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', border: 1, borderColor: 'background.paper', cursor: 'pointer' }}
                        {...opens(cohortFilter(cohort.month, retention.timeZone, month))}
                      >
                        {text}
                      </TableCell>
                    </Tooltip>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </ChartCard>
  );
};
