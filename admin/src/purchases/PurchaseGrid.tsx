import { Datagrid, DateField, TextField } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { PurchaseAmountField } from './PurchaseAmountField';

/** A customer's purchases, newest first (inside a ReferenceManyField). */
export const PurchaseGrid = () => (
  <Datagrid bulkActionButtons={false} rowClick={false}>
    <DateField source="purchasedAt" showTime sortable={false} />
    <TextField source="product" sortable={false} emptyText="—" />
    <EnumField source="kind" enumName="PurchaseKind" chip colors={{ REFUND: 'error', EXPANSION: 'success' }} sortable={false} />
    <PurchaseAmountField source="amount" textAlign="right" sortable={false} />
    <TextField source="externalId" sortable={false} emptyText="—" />
  </Datagrid>
);
