import UndoIcon from '@mui/icons-material/Undo';
import { DateTimeInput, regex, TextInput, useDataProvider, useRecordContext } from 'react-admin';
import { useCan } from '../auth/useCan';
import type { Customer360DataProvider } from '../dataProvider';
import type { PurchaseListRow } from '../dataProvider/purchases';
import { DialogButton } from '../shared/DialogButton';
import { FormDialog } from '../shared/FormDialog';
import { useMoneyFormat } from './money';

/** An amount as typed: digits with an optional fraction, sent as that exact text (the API checks it against what is left). */
const AMOUNT = regex(/^\s*\d+(\.\d+)?\s*$/, 'customer360.forms.amount_format');

/** Refunds all or part of the purchase (purchaseRefund): no amount refunds whatever is not refunded yet. */
export const RefundPurchaseButton = () => {
  const purchase = useRecordContext<PurchaseListRow>();
  const writesPurchases = useCan('write', 'purchases');
  const dataProvider = useDataProvider<Customer360DataProvider>();
  const formatMoney = useMoneyFormat();
  if (!purchase || purchase.kind === 'REFUND' || !writesPurchases) return null;
  return (
    <DialogButton label="customer360.purchases.refund_action" icon={<UndoIcon />} variant="contained">
      {({ open, close }) => (
        <FormDialog
          open={open}
          onClose={close}
          resource="purchases"
          title="customer360.purchases.refund_title"
          description="customer360.purchases.refund_hint"
          submitLabel="customer360.purchases.refund_action"
          successMessage="customer360.purchases.refunded"
          onSubmit={(values) => dataProvider.purchaseRefund(purchase.id, values)}
          testId="refund-purchase-dialog"
        >
          <TextInput
            source="amount"
            inputMode="decimal"
            validate={AMOUNT}
            label="customer360.purchases.refund_amount"
            helperText={formatMoney(purchase.amount, purchase.currency)}
          />
          <TextInput source="reason" label="customer360.purchases.refund_reason" multiline minRows={2} fullWidth />
          <DateTimeInput source="refundedAt" label="customer360.purchases.refunded_at" helperText="customer360.forms.default_now" />
        </FormDialog>
      )}
    </DialogButton>
  );
};
