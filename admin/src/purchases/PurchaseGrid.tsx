import { Stack } from '@mui/material';
import { Datagrid, DateField, SimpleList, TextField } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { PersonalTextField } from '../shared/PersonalTextField';
import { useIsPhone } from '../shared/useIsPhone';
import { PurchaseAmountField } from './PurchaseAmountField';

const kindColors = { REFUND: 'error', EXPANSION: 'success' } as const;

/**
 * On a phone, a purchase in one list item: the product, its kind and time (and across customers,
 * whose it is), the amount on the right.
 */
export const PurchaseSimpleList = ({ withCustomer = false, rowClick = false }: { withCustomer?: boolean; rowClick?: 'show' | false }) => (
  <SimpleList
    rowClick={rowClick}
    primaryText={<TextField source="product" emptyText="—" />}
    secondaryText={
      <Stack component="span" direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
        {withCustomer && <PersonalTextField source="customer.name" sx={{ fontWeight: 500 }} />}
        <EnumField source="kind" enumName="PurchaseKind" chip colors={kindColors} />
        <DateField source="purchasedAt" showTime />
      </Stack>
    }
    tertiaryText={
      <Stack component="span" sx={{ float: 'right', ml: 1 }}>
        <PurchaseAmountField source="amount" />
      </Stack>
    }
  />
);

/** A customer's purchases, newest first (inside a ReferenceManyField). */
export const PurchaseGrid = () => {
  const isPhone = useIsPhone();
  if (isPhone) return <PurchaseSimpleList />;
  return (
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <DateField source="purchasedAt" showTime sortable={false} />
      <TextField source="product" sortable={false} emptyText="—" />
      <EnumField source="kind" enumName="PurchaseKind" chip colors={kindColors} sortable={false} />
      <PurchaseAmountField source="amount" textAlign="right" sortable={false} />
      <TextField source="externalId" sortable={false} emptyText="—" />
    </Datagrid>
  );
};
