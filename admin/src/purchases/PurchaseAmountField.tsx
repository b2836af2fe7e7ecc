import { Typography } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import type { Purchase } from '../graphql/types';
import { useMoneyFormat } from './money';

/** The exact amount with its currency; a refund shows negative, in the error colour. */
export const PurchaseAmountField = (_props: FieldProps<Purchase>) => {
  const purchase = useRecordContext<Purchase>();
  const formatMoney = useMoneyFormat();
  if (!purchase) return null;
  const refund = purchase.kind === 'REFUND';
  return (
    <Typography component="span" variant="body2" color={refund ? 'error' : undefined} sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatMoney(purchase.amount, purchase.currency, { negate: refund })}
    </Typography>
  );
};
