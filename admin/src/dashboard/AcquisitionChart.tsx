import { Box, Link, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { BarChart, barClasses } from '@mui/x-charts/BarChart';
import { Link as RouterLink } from 'react-router';
import { useLocaleState, useTranslate } from 'react-admin';
import type { Decimal } from '../graphql/types';
import { useDecimalFormat } from '../shared/decimal';
import { exactText, groupLabeller, plotValue } from './chartData';
import { CHART_HEIGHT, ChartCard } from './ChartCard';
import type { MetricPoint, MetricsReport } from './dashboardQuery';
import { customerFilterForGroup, customerListPath } from './drillDown';
import { useOpenCustomers } from './useOpenCustomers';

type Acquisition = NonNullable<MetricPoint['acquisition']>;

interface ChannelRow {
  channel: string;
  label: string;
  acquisition: Acquisition | null;
}

const dash = '—';

/**
 * CAC beside the average lifetime value of the customers acquired, per acquisition channel over the
 * whole period, with LTV:CAC under each channel's name; a table below gives every exact figure.
 * Clicking a channel's bar (or its name) opens the customers acquired through it.
 */
export const AcquisitionChart = ({ report }: { report: MetricsReport }) => {
  const translate = useTranslate();
  const formatDecimal = useDecimalFormat();
  const [locale] = useLocaleState();
  const openCustomers = useOpenCustomers();
  const labelGroup = groupLabeller('ACQUISITION_CHANNEL', translate);
  const rows: ChannelRow[] = report.series
    .filter((series) => series.group !== null)
    .map((series) => ({ channel: series.group!, label: labelGroup(series.group), acquisition: series.points[0]?.acquisition ?? null }));
  const money = (value: Decimal | null | undefined) => (value == null ? dash : exactText(value, 'money', { currency: report.currency, locale, translate }));
  const ratio = (row: ChannelRow) => (row.acquisition?.ltvToCac == null ? dash : formatDecimal(row.acquisition.ltvToCac));
  const hasData = rows.some((row) => row.acquisition && (row.acquisition.newCustomers > 0 || row.acquisition.spend != null));

  const barSeries = (id: 'cac' | 'ltv', pick: (acquisition: Acquisition) => Decimal | null | undefined, label: string) => ({
    id,
    label: translate(label),
    data: rows.map((row) => plotValue(row.acquisition ? pick(row.acquisition) : null)),
    valueFormatter: (_value: number | null, { dataIndex }: { dataIndex: number }) => {
      const acquisition = rows[dataIndex]?.acquisition;
      return acquisition ? money(pick(acquisition)) : dash;
    },
  });

  const open = (dataIndex: number) => {
    const filter = customerFilterForGroup('ACQUISITION_CHANNEL', rows[dataIndex]?.channel ?? null);
    if (filter) openCustomers(filter);
  };

  return (
    <ChartCard
      id="acquisition"
      title="customer360.dashboard.charts.acquisition"
      description="customer360.dashboard.descriptions.acquisition"
      empty={hasData ? null : 'customer360.dashboard.empty.acquisition'}
      footer={hasData && <ChannelTable rows={rows} money={money} ratio={ratio} />}
    >
      <BarChart
        height={CHART_HEIGHT + 40}
        xAxis={[
          {
            scaleType: 'band',
            data: rows.map((_, index) => index),
            height: 'auto',
            valueFormatter: (index: number, context) => {
              const row = rows[index];
              if (!row) return '';
              // Under each channel on the axis; the tooltip shows the name alone.
              return context.location === 'tick' ? `${row.label}\n${translate('customer360.dashboard.ltv_to_cac', { ratio: ratio(row) })}` : row.label;
            },
          },
        ]}
        yAxis={[{ width: 'auto', valueFormatter: (value: number) => new Intl.NumberFormat(locale, { notation: 'compact' }).format(value) }]}
        series={[
          barSeries('cac', (acquisition) => acquisition.cac, 'customer360.dashboard.metrics.cac'),
          barSeries('ltv', (acquisition) => acquisition.averageHistoricalLifetimeValue, 'customer360.dashboard.metrics.average_ltv'),
        ]}
        onItemClick={(_event, item) => open(item.dataIndex)}
        grid={{ horizontal: true }}
        skipAnimation
        sx={{ [`& .${barClasses.element}`]: { cursor: 'pointer' } }}
      />
    </ChartCard>
  );
};

interface ChannelTableProps {
  rows: ChannelRow[];
  money: (value: Decimal | null | undefined) => string;
  ratio: (row: ChannelRow) => string;
}

const ChannelTable = ({ rows, money, ratio }: ChannelTableProps) => {
  const translate = useTranslate();
  const numeric = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
  return (
    <Box sx={{ overflowX: 'auto', mt: 1 }}>
      <Table size="small" aria-label={translate('customer360.dashboard.charts.acquisition')} sx={{ '& td, & th': { px: 0.5, fontSize: '0.8125rem' }, '& th': { lineHeight: 1.3 } }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('customer360.dashboard.columns.channel')}</TableCell>
            <TableCell align="right">{translate('customer360.dashboard.columns.spend')}</TableCell>
            <TableCell align="right">{translate('customer360.dashboard.columns.new_customers')}</TableCell>
            <TableCell align="right">{translate('customer360.dashboard.metrics.cac')}</TableCell>
            <TableCell align="right">{translate('customer360.dashboard.metrics.average_ltv')}</TableCell>
            <TableCell align="right">{translate('customer360.dashboard.columns.ltv_to_cac')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => {
            const filter = customerFilterForGroup('ACQUISITION_CHANNEL', row.channel);
            return (
              <TableRow key={row.channel} data-testid="acquisition-row" data-channel={row.channel}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {filter ? (
                    <Link component={RouterLink} to={customerListPath(filter)}>
                      {row.label}
                    </Link>
                  ) : (
                    row.label
                  )}
                </TableCell>
                <TableCell align="right" sx={numeric}>
                  {money(row.acquisition?.spend)}
                </TableCell>
                <TableCell align="right" sx={numeric}>
                  {row.acquisition?.newCustomers ?? dash}
                </TableCell>
                <TableCell align="right" sx={numeric} data-testid="acquisition-cac">
                  {money(row.acquisition?.cac)}
                </TableCell>
                <TableCell align="right" sx={numeric} data-testid="acquisition-ltv">
                  {money(row.acquisition?.averageHistoricalLifetimeValue)}
                </TableCell>
                <TableCell align="right" sx={numeric} data-testid="acquisition-ltv-to-cac">
                  {ratio(row)}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
};
