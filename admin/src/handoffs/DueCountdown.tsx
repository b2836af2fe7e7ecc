import { Chip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Handoff } from '../graphql/types';
import { SlaStatusChip } from '../sla/SlaStatusChip';
import { useNow } from '../shared/useNow';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * "2h 05m 09s", "3d 4h 10m" (in English; `customer360.duration.*` in each language): the larger
 * units, to the second under a day.
 */
export function formatDuration(milliseconds: number, translate: Translate): string {
  const total = Math.floor(Math.abs(milliseconds) / 1000);
  const [days, hours, minutes, seconds] = [Math.floor(total / 86_400), Math.floor((total % 86_400) / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (value: number) => String(value).padStart(2, '0');
  if (days > 0) return translate('customer360.duration.days', { days, hours, minutes: pad(minutes) });
  if (hours > 0) return translate('customer360.duration.hours', { hours, minutes: pad(minutes), seconds: pad(seconds) });
  return translate('customer360.duration.minutes', { minutes, seconds: pad(seconds) });
}

/**
 * How long the receiving team has left to accept, live (every second): red once dueAt has passed,
 * amber in the last quarter of the SLA. Once answered (or withdrawn) the SLA's verdict instead.
 */
export const DueCountdown = (_props: { label?: string; sortBy?: string }) => {
  const handoff = useRecordContext<Handoff>();
  const translate = useTranslate();
  const now = useNow(1000);
  if (!handoff) return null;
  if (handoff.status !== 'REQUESTED') {
    return handoff.slaStatus ? <SlaStatusChip status={handoff.slaStatus} /> : <Typography variant="body2">—</Typography>;
  }
  const due = Date.parse(handoff.dueAt);
  const left = due - now;
  const allowed = due - Date.parse(handoff.requestedAt);
  if (left <= 0) {
    return (
      <Chip size="small" color="error" data-testid="due-countdown" data-breached="true" label={translate('customer360.handoffs.overdue', { duration: formatDuration(left, translate) })} />
    );
  }
  const dueSoon = left <= allowed / 4;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={dueSoon ? 'warning' : 'default'}
      data-testid="due-countdown"
      data-breached="false"
      label={translate('customer360.handoffs.time_left', { duration: formatDuration(left, translate) })}
    />
  );
};
