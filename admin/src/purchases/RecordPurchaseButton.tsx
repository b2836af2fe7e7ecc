import PaymentsIcon from '@mui/icons-material/Payments';
import { DateTimeInput, regex, required, SelectInput, TextInput, useDataProvider, useRecordContext } from 'react-admin';
import type { Customer360 } from '../graphql/types';
import { enumChoices } from '../graphql/enums';
import { DialogButton } from '../shared/DialogButton';
import { FormDialog } from '../shared/FormDialog';

/** Refunds go through purchaseRefund, never as a purchase kind. */
const KIND_CHOICES = enumChoices('PurchaseKind').filter((choice) => choice.id !== 'REFUND');

/** An amount as typed: digits with an optional fraction, never parsed into a float (the API checks the currency's decimals). */
const AMOUNT = regex(/^\s*\d+(\.\d+)?\s*$/, 'customer360.forms.amount_format');
const CURRENCY = regex(/^\s*[A-Za-z]{3}\s*$/, 'customer360.forms.currency_format');

/** Records a purchase of the customer of the page (purchaseRecord); the amount is sent as the exact text typed. */
export const RecordPurchaseButton = () => {
  const customer = useRecordContext<Customer360>();
  const dataProvider = useDataProvider();
  if (!customer) return null;
  return (
    <DialogButton label="customer360.activity.record_purchase" icon={<PaymentsIcon />}>
      {({ open, close }) => (
        <FormDialog
          open={open}
          onClose={close}
          resource="purchases"
          title="customer360.activity.record_purchase"
          successMessage="customer360.activity.purchase_recorded"
          defaultValues={{ kind: 'ONE_TIME', currency: customer.lifetimeValue?.currency ?? 'USD' }}
          onSubmit={(values) => dataProvider.create('purchases', { data: { ...values, customerId: customer.id } })}
          testId="record-purchase-dialog"
        >
          <TextInput source="amount" inputMode="decimal" validate={[required(), AMOUNT]} helperText="customer360.forms.amount_hint" />
          <TextInput source="currency" validate={[required(), CURRENCY]} helperText="customer360.forms.currency_hint" />
          <SelectInput source="kind" choices={KIND_CHOICES} validate={required()} />
          <TextInput source="product" fullWidth />
          <DateTimeInput source="purchasedAt" helperText="customer360.forms.default_now" />
        </FormDialog>
      )}
    </DialogButton>
  );
};
