import SentimentSatisfiedAltIcon from '@mui/icons-material/SentimentSatisfiedAlt';
import { Box, Divider, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Customer360 } from '../graphql/types';
import { useDecimalFormat } from '../shared/decimal';
import { EmptyFigures, Figure, FigureCard } from '../shared/FigureCard';
import { NpsCategoryChip } from './NpsCategoryChip';
import { SatisfactionBreakdown } from './SatisfactionBreakdown';
import { useScoreText } from './scores';

type Period = 'allTime' | 'recent';

/** CSAT, NPS and CES of the customer's answers, all time or the last 90 days, with the latest NPS category and a breakdown. */
export const SatisfactionCard = () => {
  const customer = useRecordContext<Customer360>();
  const translate = useTranslate();
  const formatDecimal = useDecimalFormat();
  const scoreText = useScoreText();
  const [period, setPeriod] = useState<Period>('allTime');
  if (!customer?.satisfaction) return null;
  const satisfaction = period === 'allTime' ? customer.satisfaction : customer.recentSatisfaction;
  const { csat, nps, ces } = satisfaction;
  const noAnswers = csat.total + nps.total + ces.total === 0;

  const periodToggle = (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={period}
      onChange={(_, next: Period | null) => next && setPeriod(next)}
      aria-label={translate('customer360.satisfaction.title')}
    >
      <ToggleButton value="allTime">{translate('customer360.satisfaction.all_time')}</ToggleButton>
      <ToggleButton value="recent">{translate('customer360.satisfaction.recent')}</ToggleButton>
    </ToggleButtonGroup>
  );

  return (
    <FigureCard title="customer360.satisfaction.title" icon={<SentimentSatisfiedAltIcon />} action={periodToggle}>
      {noAnswers ? (
        <EmptyFigures message={period === 'allTime' ? 'customer360.satisfaction.empty_all_time' : 'customer360.satisfaction.empty_recent'} />
      ) : (
        <Stack spacing={1.5}>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' }, gap: 2 }}>
            <Figure
              label="customer360.satisfaction.csat"
              value={scoreText.csat(csat)}
              empty="customer360.satisfaction.no_answers"
              testId="csat-score"
              caption={csat.total > 0 && translate('customer360.satisfaction.csat_detail', { satisfied: csat.satisfied, total: csat.total })}
            />
            <Figure
              label="customer360.satisfaction.nps"
              value={scoreText.nps(nps)}
              empty="customer360.satisfaction.no_answers"
              testId="nps-score"
              caption={
                nps.total > 0 &&
                translate('customer360.satisfaction.nps_detail', { promoters: nps.promoters, passives: nps.passives, detractors: nps.detractors })
              }
            />
            <Figure
              label="customer360.satisfaction.ces"
              value={scoreText.ces(ces)}
              empty="customer360.satisfaction.no_answers"
              testId="ces-average"
              suffix={
                <Typography variant="caption" color="text.secondary">
                  {translate('customer360.satisfaction.ces_scale')}
                </Typography>
              }
              caption={
                ces.highEffortRate !== null &&
                translate('customer360.satisfaction.ces_detail', {
                  rate: `${formatDecimal(ces.highEffortRate)}%`,
                  highEffort: ces.highEffort,
                  total: ces.total,
                })
              }
            />
          </Box>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2" color="text.secondary">
              {translate('customer360.satisfaction.latest_nps')}
            </Typography>
            {satisfaction.latestNpsCategory ? (
              <NpsCategoryChip category={satisfaction.latestNpsCategory} />
            ) : (
              <Typography variant="body2">{translate('customer360.satisfaction.no_nps')}</Typography>
            )}
          </Stack>
          <Divider />
          <SatisfactionBreakdown satisfaction={satisfaction} />
        </Stack>
      )}
    </FigureCard>
  );
};
