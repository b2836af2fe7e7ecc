import { Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { CustomerListRow } from '../graphql/types';
import { useMoneyFormat } from './money';

/** A list cell: the historical lifetime value, exactly, in the customer's main currency. */
export const LifetimeValueField = (_props: FieldProps<CustomerListRow>) => {
  const customer = useRecordContext<CustomerListRow>();
  const translate = useTranslate();
  const formatMoney = useMoneyFormat();
  const value = customer?.lifetimeValue;
  if (!value) return null;
  return (
    <Typography component="span" variant="body2" color={value.currency ? undefined : 'text.secondary'} sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {value.currency ? formatMoney(value.historicalValue, value.currency) : translate('customer360.customers.no_purchases')}
    </Typography>
  );
};
