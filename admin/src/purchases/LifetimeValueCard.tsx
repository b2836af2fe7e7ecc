import PaidIcon from '@mui/icons-material/Paid';
import { Alert, Box, Divider, Stack, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { Customer360, LifetimeValue } from '../graphql/types';
import { useDecimalFormat } from '../shared/decimal';
import { EmptyFigures, Figure, FigureCard } from '../shared/FigureCard';
import { useMoneyFormat } from './money';

/** One factor of the prediction: its name and its exact value. */
const Factor = ({ label, value, testId }: { label: string; value: string; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={2} sx={{ justifyContent: 'space-between' }}>
      <Typography variant="body2" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="body2" data-testid={testId} sx={{ fontVariantNumeric: 'tabular-nums', textAlign: 'right' }}>
        {value}
      </Typography>
    </Stack>
  );
};

/** The factors the predicted value is computed from, each exactly as the API computed it. */
const PredictionFactors = ({ value, currency }: { value: LifetimeValue; currency: string }) => {
  const translate = useTranslate();
  const formatDecimal = useDecimalFormat();
  const formatMoney = useMoneyFormat();
  const years = (decimal: string | null) => (decimal === null ? '—' : translate('customer360.lifetime_value.years', { value: formatDecimal(decimal) }));
  return (
    <Stack spacing={0.5}>
      <Typography variant="caption" color="text.secondary">
        {translate('customer360.lifetime_value.formula')}
      </Typography>
      <Factor
        label="customer360.lifetime_value.average_purchase_value"
        value={value.averagePurchaseValue === null ? '—' : formatMoney(value.averagePurchaseValue, currency)}
      />
      <Factor
        label="customer360.lifetime_value.purchase_frequency_per_year"
        value={value.purchaseFrequencyPerYear === null ? '—' : formatDecimal(value.purchaseFrequencyPerYear)}
      />
      <Factor label="customer360.lifetime_value.expected_lifespan_years" value={years(value.expectedLifespanYears)} />
      <Factor label="customer360.lifetime_value.tenure_years" value={years(value.tenureYears)} />
      <Factor
        label="customer360.lifetime_value.segment_annual_churn_rate"
        value={
          value.segmentAnnualChurnRate === null
            ? translate('customer360.lifetime_value.no_segment_churn')
            : translate('customer360.lifetime_value.percent', { value: formatDecimal(value.segmentAnnualChurnRate) })
        }
      />
    </Stack>
  );
};

/** What the customer has paid us and is expected to pay, in their main currency, with the prediction's factors. */
export const LifetimeValueCard = () => {
  const customer = useRecordContext<Customer360>();
  const translate = useTranslate();
  const formatMoney = useMoneyFormat();
  const [locale] = useLocaleState();
  const value = customer?.lifetimeValue;
  if (!value) return null;
  const { currency } = value;

  return (
    <FigureCard title="customer360.lifetime_value.title" icon={<PaidIcon />}>
      {currency === null ? (
        <EmptyFigures message="customer360.lifetime_value.empty" />
      ) : (
        <Stack spacing={1.5}>
          <Figure
            label="customer360.lifetime_value.historical"
            value={formatMoney(value.historicalValue, currency)}
            size="large"
            testId="ltv-historical"
            caption={translate('customer360.lifetime_value.counts', { purchases: value.purchaseCount, refunds: value.refundCount })}
          />
          <Box>
            <Factor label="customer360.lifetime_value.gross_purchases" value={formatMoney(value.grossPurchases, currency)} />
            <Factor label="customer360.lifetime_value.refunds" value={formatMoney(value.refunds, currency, { negate: true })} />
          </Box>
          <Divider />
          <Figure
            label="customer360.lifetime_value.predicted"
            value={value.predictedValue === null ? null : formatMoney(value.predictedValue, currency)}
            empty="customer360.lifetime_value.not_predicted"
            testId="ltv-predicted"
            caption={translate(
              customer.lifecycleStage === 'CHURNED' ? 'customer360.lifetime_value.churned' : 'customer360.lifetime_value.predicted_hint',
            )}
          />
          {customer.lifecycleStage !== 'CHURNED' && <PredictionFactors value={value} currency={currency} />}
          <Typography variant="caption" color="text.secondary" data-testid="ltv-currency">
            {translate('customer360.lifetime_value.currency', { currency })}
          </Typography>
          {value.otherCurrencies.length > 0 && (
            <Alert severity="info" variant="outlined" sx={{ py: 0 }}>
              {translate('customer360.lifetime_value.other_currencies', { currencies: new Intl.ListFormat(locale, { type: 'conjunction' }).format(value.otherCurrencies) })}
            </Alert>
          )}
        </Stack>
      )}
    </FigureCard>
  );
};
