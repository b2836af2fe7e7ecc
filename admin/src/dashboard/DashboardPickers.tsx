import { Autocomplete, Button, MenuItem, Stack, TextField } from '@mui/material';
import { useMemo, type ChangeEvent } from 'react';
import { useTranslate } from 'react-admin';
import {
  isDay,
  lastTwelveFullMonths,
  METRIC_DIMENSIONS,
  METRIC_INTERVALS,
  periodProblem,
  type DashboardParams,
  type MetricDimension,
  type MetricInterval,
} from './dashboardParams';

const NO_GROUP = 'NONE';

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', ...zones, current])].sort();
}

interface DashboardPickersProps {
  params: DashboardParams;
  onChange: (next: DashboardParams) => void;
}

/** Period, bucket size, group-by and time zone of the dashboard; every change goes to the URL. */
export const DashboardPickers = ({ params, onChange }: DashboardPickersProps) => {
  const translate = useTranslate();
  const zones = useMemo(() => timeZones(params.timeZone), [params.timeZone]);
  const problem = periodProblem(params);
  const change = (patch: Partial<DashboardParams>) => onChange({ ...params, ...patch });
  const day = (field: 'from' | 'to') => (event: ChangeEvent<HTMLInputElement>) => {
    if (isDay(event.target.value)) change({ [field]: event.target.value });
  };
  const width = { width: { xs: '100%', sm: 'auto' }, minWidth: { sm: 160 } };

  return (
    <Stack
      direction="row"
      component="form"
      aria-label={translate('customer360.dashboard.pickers')}
      onSubmit={(event) => event.preventDefault()}
      sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'flex-start', mb: 2 }}
    >
      <TextField
        type="date"
        name="from"
        size="small"
        label={translate('customer360.dashboard.from')}
        value={params.from}
        onChange={day('from')}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={width}
      />
      <TextField
        type="date"
        name="to"
        size="small"
        label={translate('customer360.dashboard.to')}
        value={params.to}
        onChange={day('to')}
        error={problem !== null}
        helperText={translate(problem ?? 'customer360.dashboard.to_hint')}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={width}
      />
      <TextField
        select
        name="interval"
        size="small"
        label={translate('customer360.dashboard.interval')}
        value={params.interval}
        onChange={(event) => change({ interval: event.target.value as MetricInterval })}
        sx={width}
      >
        {METRIC_INTERVALS.map((interval) => (
          <MenuItem key={interval} value={interval}>
            {translate(`customer360.dashboard.intervals.${interval}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        name="groupBy"
        size="small"
        label={translate('customer360.dashboard.group_by')}
        value={params.groupBy ?? NO_GROUP}
        onChange={(event) => change({ groupBy: event.target.value === NO_GROUP ? null : (event.target.value as MetricDimension) })}
        sx={{ ...width, minWidth: { sm: 200 } }}
      >
        <MenuItem value={NO_GROUP}>{translate('customer360.dashboard.no_grouping')}</MenuItem>
        {METRIC_DIMENSIONS.map((dimension) => (
          <MenuItem key={dimension} value={dimension}>
            {translate(`customer360.dashboard.dimensions.${dimension}`)}
          </MenuItem>
        ))}
      </TextField>
      <Autocomplete
        size="small"
        options={zones}
        value={params.timeZone}
        disableClearable
        onChange={(_, timeZone) => timeZone && change({ timeZone })}
        renderInput={(input) => <TextField {...input} name="timeZone" label={translate('customer360.dashboard.time_zone')} />}
        sx={{ width: { xs: '100%', sm: 240 } }}
      />
      <Button size="small" sx={{ mt: 0.5 }} onClick={() => change(lastTwelveFullMonths(params.timeZone))}>
        {translate('customer360.dashboard.last_twelve_months')}
      </Button>
    </Stack>
  );
};
