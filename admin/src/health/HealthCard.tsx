import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
import { List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { enumLabelKey } from '../graphql/enums';
import type { Customer360, HealthFactor } from '../graphql/types';
import { Figure, FigureCard } from '../shared/FigureCard';
import { ChurnRiskChip, churnRiskColors } from './ChurnRiskChip';
import { useFactorExplanation } from './factorExplanation';

/** "+15", "−20" or "0": the points a factor added to or took from the baseline. */
function points(contribution: number): string {
  return contribution > 0 ? `+${contribution}` : contribution < 0 ? `−${-contribution}` : '0';
}

const FactorItem = ({ factor }: { factor: HealthFactor }) => {
  const translate = useTranslate();
  const explain = useFactorExplanation();
  const color = factor.contribution > 0 ? 'success.main' : factor.contribution < 0 ? 'error.main' : 'text.secondary';
  return (
    <ListItem disableGutters divider data-testid="health-factor" sx={{ alignItems: 'flex-start', gap: 2 }}>
      <ListItemText
        primary={translate(enumLabelKey('HealthFactorName', factor.name))}
        secondary={explain(factor)}
        slotProps={{ primary: { variant: 'body2', sx: { fontWeight: 500 } }, secondary: { variant: 'caption' } }}
        sx={{ my: 0 }}
      />
      <Typography variant="body2" color={color} sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600, minWidth: '3ch', textAlign: 'right' }}>
        {points(factor.contribution)}
      </Typography>
    </ListItem>
  );
};

/** The health score with its churn risk, and every factor with the points it gave and why. */
export const HealthCard = () => {
  const customer = useRecordContext<Customer360>();
  const translate = useTranslate();
  const health = customer?.health;
  if (!health) return null;
  return (
    <FigureCard title="customer360.health.title" icon={<MonitorHeartIcon />}>
      <Stack spacing={1}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          <Figure
            label="customer360.health.title"
            value={String(health.score)}
            size="large"
            color={`${churnRiskColors[health.churnRisk]}.main`}
            testId="health-score"
            suffix={
              <Typography variant="caption" color="text.secondary">
                {translate('customer360.health.score_of')}
              </Typography>
            }
          />
          <ChurnRiskChip risk={health.churnRisk} testId="health-risk" />
        </Stack>
        <Typography variant="caption" color="text.secondary">
          {translate('customer360.health.baseline', { baseline: health.baseline })}
        </Typography>
        <List dense disablePadding>
          {health.factors.map((factor) => (
            <FactorItem key={factor.name} factor={factor} />
          ))}
        </List>
      </Stack>
    </FigureCard>
  );
};
