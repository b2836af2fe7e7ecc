import { DateInput, SelectArrayInput, TextInput } from 'react-admin';
import { enumChoices } from '../graphql/enums';

/** The purchase list's filters (see toPurchaseListFilter); amounts stay text, never parsed into floats. */
export const purchaseFilters = [
  <SelectArrayInput key="kind" source="kind" choices={enumChoices('PurchaseKind')} alwaysOn sx={{ minWidth: 180 }} />,
  <TextInput key="currency" source="currency" alwaysOn helperText="customer360.forms.currency_hint" sx={{ width: 140 }} />,
  <TextInput key="amountMin" source="amountMin" inputMode="decimal" helperText="customer360.customers.filters.decimal_hint" />,
  <TextInput key="amountMax" source="amountMax" inputMode="decimal" helperText="customer360.customers.filters.decimal_hint" />,
  <DateInput key="purchasedAfter" source="purchasedAfter" />,
  <DateInput key="purchasedBefore" source="purchasedBefore" />,
];
