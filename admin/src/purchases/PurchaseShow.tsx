import { Box, List as MuiList, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { DateField, NumberField, RecordField, Show, TextField, useGetList, useRecordContext, useTranslate } from 'react-admin';
import type { PurchaseListRow } from '../dataProvider/purchases';
import { CustomerLinkField } from '../shared/CustomerLinkField';
import { EnumField } from '../shared/EnumField';
import { useDateTimeFormat } from '../shared/useDateTimeFormat';
import { useMoneyFormat } from './money';
import { PurchaseAmountField } from './PurchaseAmountField';
import { RefundPurchaseButton } from './RefundPurchaseButton';

const PurchaseHeading = () => {
  const purchase = useRecordContext<PurchaseListRow>();
  const translate = useTranslate();
  if (!purchase) return null;
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, mb: 2 }}>
      <Typography variant="h5" component="h1">
        {purchase.product || translate('resources.purchases.name', { smart_count: 1 })}
      </Typography>
      <Typography variant="h6" component="span" data-testid="purchase-amount">
        <PurchaseAmountField source="amount" />
      </Typography>
      <RefundPurchaseButton />
    </Stack>
  );
};

/**
 * The refunds made of this purchase so far: the customer's refunds (newest 100) that point at it
 * (the API has no list of a purchase's refunds); refreshed with the page after a refund.
 */
const RefundsOfPurchase = () => {
  const purchase = useRecordContext<PurchaseListRow>();
  const translate = useTranslate();
  const formatMoney = useMoneyFormat();
  const formatDateTime = useDateTimeFormat();
  const { data } = useGetList<PurchaseListRow>(
    'purchases',
    { filter: { customerId: purchase?.customer.id, kind: ['REFUND'] }, pagination: { page: 1, perPage: 100 }, sort: { field: 'purchasedAt', order: 'DESC' } },
    { enabled: Boolean(purchase && purchase.kind !== 'REFUND') },
  );
  const refunds = data?.filter((refund) => refund.refundOf?.id === purchase?.id);
  if (!purchase || purchase.kind === 'REFUND') return null;
  return (
    <Box component="section" sx={{ mt: 3 }} data-testid="purchase-refunds">
      <Typography variant="subtitle2" component="h2" color="text.secondary" sx={{ textTransform: 'uppercase', letterSpacing: 0.5 }}>
        {translate('customer360.purchases.refunds_of')}
      </Typography>
      {refunds && refunds.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('customer360.purchases.no_refunds')}
        </Typography>
      )}
      <MuiList dense>
        {refunds?.map((refund) => (
          <ListItem key={refund.id} disableGutters>
            <ListItemText primary={formatMoney(refund.amount, refund.currency, { negate: true })} secondary={formatDateTime(refund.purchasedAt)} />
          </ListItem>
        ))}
      </MuiList>
    </Box>
  );
};

/** The purchase a refund refunds. */
const RefundOfField = (_props: { source?: string }) => {
  const purchase = useRecordContext<PurchaseListRow>();
  const formatMoney = useMoneyFormat();
  const formatDateTime = useDateTimeFormat();
  if (!purchase?.refundOf) return <Typography variant="body2">—</Typography>;
  const original = purchase.refundOf;
  return (
    <Typography variant="body2">
      {[original.product, formatMoney(original.amount, original.currency), formatDateTime(original.purchasedAt)].filter(Boolean).join(' · ')}
    </Typography>
  );
};

/** One purchase (or refund) and the refunds made of it, with the refund action. */
export const PurchaseShow = () => {
  return (
    <Show actions={false}>
      <Box sx={{ p: 2 }}>
        <PurchaseHeading />
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(4, 1fr)' }, gap: 2 }}>
          <RecordField source="customer"><CustomerLinkField /></RecordField>
          <RecordField source="purchasedAt"><DateField source="purchasedAt" showTime /></RecordField>
          <RecordField source="kind"><EnumField source="kind" enumName="PurchaseKind" /></RecordField>
          <RecordField source="amount"><PurchaseAmountField source="amount" /></RecordField>
          <RecordField source="product"><TextField source="product" emptyText="—" /></RecordField>
          <RecordField source="refundOf"><RefundOfField /></RecordField>
          <RecordField source="externalId" empty="—" />
          <RecordField source="version"><NumberField source="version" /></RecordField>
        </Box>
        <RefundsOfPurchase />
      </Box>
    </Show>
  );
};
