import { Datagrid, DateField, List, TextField } from 'react-admin';
import { CustomerLinkField } from '../shared/CustomerLinkField';
import { EnumField } from '../shared/EnumField';
import { SavedFiltersListActions } from '../savedFilters';
import { ListPagination } from '../shared/pagination';
import { useIsPhone } from '../shared/useIsPhone';
import { PurchaseAmountField } from './PurchaseAmountField';
import { PurchaseSimpleList } from './PurchaseGrid';
import { purchaseFilters } from './purchaseFilters';

/**
 * Purchases and refunds of every customer, newest first or by amount, filtered as the API filters;
 * on a phone, a simple list whose items open the purchase.
 */
export const PurchaseList = () => {
  const isPhone = useIsPhone();
  return (
    <List
      filters={purchaseFilters}
      sort={{ field: 'purchasedAt', order: 'DESC' }}
      perPage={25}
      pagination={<ListPagination />}
      exporter={false}
      actions={<SavedFiltersListActions resource="PURCHASES" />}
      empty={false}
    >
      {isPhone ? (
        <PurchaseSimpleList withCustomer rowClick="show" />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <DateField source="purchasedAt" showTime sortByOrder="DESC" />
          <CustomerLinkField label="resources.purchases.fields.customer" />
          <TextField source="product" sortable={false} emptyText="—" />
          <EnumField source="kind" enumName="PurchaseKind" chip colors={{ REFUND: 'error', EXPANSION: 'success' }} sortable={false} />
          <PurchaseAmountField source="amount" textAlign="right" sortByOrder="DESC" />
          <TextField source="externalId" sortable={false} emptyText="—" />
        </Datagrid>
      )}
    </List>
  );
};
