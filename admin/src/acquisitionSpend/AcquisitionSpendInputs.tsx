import { regex, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../graphql/enums';

const AMOUNT = regex(/^\s*\d+(\.\d+)?\s*$/, 'customer360.forms.amount_format');
const CURRENCY = regex(/^\s*[A-Za-z]{3}\s*$/, 'customer360.forms.currency_format');

/**
 * The month and channel a spend is for (fixed once it exists: `locked`), and what it cost: the
 * amount as the exact text typed, never a float.
 */
export const AcquisitionSpendInputs = ({ locked = false }: { locked?: boolean }) => (
  <>
    <TextInput
      source="periodStart"
      type="month"
      validate={required()}
      disabled={locked}
      format={(value: string | null | undefined) => (value ? value.slice(0, 7) : '')}
      helperText="customer360.acquisition_spend.month_hint"
      slotProps={{ inputLabel: { shrink: true } }}
    />
    <SelectInput source="channel" choices={enumChoices('AcquisitionChannel')} validate={required()} disabled={locked} />
    <TextInput source="amount" inputMode="decimal" validate={[required(), AMOUNT]} helperText="customer360.forms.amount_hint" />
    <TextInput source="currency" validate={[required(), CURRENCY]} helperText="customer360.forms.currency_hint" />
  </>
);
