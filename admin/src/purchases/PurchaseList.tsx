import { Datagrid, DateField, List, TextField } from 'react-admin';
import { CustomerLinkField } from '../shared/CustomerLinkField';
import { EnumField } from '../shared/EnumField';
import { ListPagination } from '../shared/pagination';
import { PurchaseAmountField } from './PurchaseAmountField';
import { purchaseFilters } from './purchaseFilters';

/** Purchases and refunds of every customer, newest first or by amount, filtered as the API filters. */
export const PurchaseList = () => (
  <List
    filters={purchaseFilters}
    sort={{ field: 'purchasedAt', order: 'DESC' }}
    perPage={25}
    pagination={<ListPagination />}
    exporter={false}
    empty={false}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateField source="purchasedAt" showTime sortByOrder="DESC" />
      <CustomerLinkField label="resources.purchases.fields.customer" />
      <TextField source="product" sortable={false} emptyText="—" />
      <EnumField source="kind" enumName="PurchaseKind" chip colors={{ REFUND: 'error', EXPANSION: 'success' }} sortable={false} />
      <PurchaseAmountField source="amount" textAlign="right" sortByOrder="DESC" />
      <TextField source="externalId" sortable={false} emptyText="—" />
    </Datagrid>
  </List>
);
