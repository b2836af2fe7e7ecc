import { Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { enumLabelKey, enumValues, type Channel } from '../graphql/enums';
import { kindGroups, type KindGroup, type TimelineSelection } from './kinds';

interface ChipRowProps<T extends string> {
  label: string;
  values: readonly T[];
  selected: T[];
  labelOf: (value: T) => string;
  onChange: (selected: T[]) => void;
  testId: string;
}

/** One row of toggling chips; "All" clears the row. The selection keeps the row's own order. */
function ChipRow<T extends string>({ label, values, selected, labelOf, onChange, testId }: ChipRowProps<T>) {
  const translate = useTranslate();
  const toggle = (value: T) =>
    onChange(values.filter((candidate) => (candidate === value ? !selected.includes(value) : selected.includes(candidate))));
  return (
    <Stack direction="row" spacing={0.75} useFlexGap role="group" aria-label={translate(label)} data-testid={testId} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      <Typography variant="caption" color="text.secondary" sx={{ minWidth: 64 }}>
        {translate(label)}
      </Typography>
      <Chip
        size="small"
        label={translate('customer360.timeline.all')}
        color={selected.length === 0 ? 'primary' : 'default'}
        variant={selected.length === 0 ? 'filled' : 'outlined'}
        aria-pressed={selected.length === 0}
        onClick={() => onChange([])}
      />
      {values.map((value) => {
        const on = selected.includes(value);
        return (
          <Chip
            key={value}
            size="small"
            label={labelOf(value)}
            color={on ? 'primary' : 'default'}
            variant={on ? 'filled' : 'outlined'}
            aria-pressed={on}
            onClick={() => toggle(value)}
          />
        );
      })}
    </Stack>
  );
}

/** The timeline's kind and channel chips; any change starts the list again from the newest event. */
export const TimelineFilters = ({ selection, onChange }: { selection: TimelineSelection; onChange: (selection: TimelineSelection) => void }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1} sx={{ mb: 1 }}>
      <ChipRow<KindGroup>
        label="customer360.timeline.kinds"
        testId="timeline-kind-filter"
        values={kindGroups}
        selected={selection.kindGroups}
        labelOf={(group) => translate(`customer360.timeline.kind_groups.${group}`)}
        onChange={(next) => onChange({ ...selection, kindGroups: next })}
      />
      <ChipRow<Channel>
        label="customer360.timeline.channels"
        testId="timeline-channel-filter"
        values={enumValues.Channel}
        selected={selection.channels}
        labelOf={(channel) => translate(enumLabelKey('Channel', channel))}
        onChange={(next) => onChange({ ...selection, channels: next })}
      />
      {selection.channels.length > 0 && (
        <Typography variant="caption" color="text.secondary">
          {translate('customer360.timeline.channel_note')}
        </Typography>
      )}
    </Stack>
  );
};
