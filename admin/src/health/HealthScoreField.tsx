import { Stack, Typography } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import type { CustomerListRow } from '../graphql/types';
import { ChurnRiskChip } from './ChurnRiskChip';

/** A list cell: the health score and its churn-risk chip. */
export const HealthScoreField = (_props: FieldProps<CustomerListRow>) => {
  const customer = useRecordContext<CustomerListRow>();
  if (!customer?.health) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', minWidth: '2ch', textAlign: 'right' }}>
        {customer.health.score}
      </Typography>
      <ChurnRiskChip risk={customer.health.churnRisk} />
    </Stack>
  );
};
