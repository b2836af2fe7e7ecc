import AlarmIcon from '@mui/icons-material/Alarm';
import { Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Customer360 } from '../graphql/types';
import { Figure, FigureCard } from '../shared/FigureCard';
import { useDateTimeFormat } from '../shared/useDateTimeFormat';

/** The customer's open service-level breaches now: how many, of which kind, and since when; warning-coloured when any. */
export const SlaStateCard = () => {
  const customer = useRecordContext<Customer360>();
  const translate = useTranslate();
  const formatDateTime = useDateTimeFormat();
  const sla = customer?.slaState;
  if (!sla) return null;
  const breached = sla.openBreaches > 0;
  return (
    <FigureCard title="customer360.sla.title" icon={<AlarmIcon color={breached ? 'warning' : 'inherit'} />}>
      <Stack spacing={1}>
        <Figure
          label="customer360.sla.open_breaches"
          value={String(sla.openBreaches)}
          size="large"
          color={breached ? 'warning.main' : 'success.main'}
          testId="sla-open-breaches"
          caption={breached && translate('customer360.sla.breakdown', { interactions: sla.interactionBreaches, handoffs: sla.handoffBreaches })}
        />
        {breached && sla.oldestBreachDueAt ? (
          <Typography variant="body2" color="warning.main" data-testid="sla-oldest-due">
            {translate('customer360.sla.oldest_due', { when: formatDateTime(sla.oldestBreachDueAt) })}
          </Typography>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('customer360.sla.none')}
          </Typography>
        )}
      </Stack>
    </FigureCard>
  );
};
