import { Datagrid, DateField, List, SelectArrayInput, SimpleList, TextInput, useRecordContext } from 'react-admin';
import type { AcquisitionSpend } from '../dataProvider/acquisitionSpend';
import { enumChoices } from '../graphql/enums';
import { useMoneyFormat } from '../purchases/money';
import { EnumField } from '../shared/EnumField';
import { ListPagination } from '../shared/pagination';
import { useIsPhone } from '../shared/useIsPhone';
import { MonthField } from './MonthField';

const spendFilters = [
  <TextInput key="from" source="from" type="month" alwaysOn slotProps={{ inputLabel: { shrink: true } }} helperText={false} />,
  <TextInput key="to" source="to" type="month" alwaysOn slotProps={{ inputLabel: { shrink: true } }} helperText={false} />,
  <SelectArrayInput key="channel" source="channel" choices={enumChoices('AcquisitionChannel')} alwaysOn sx={{ minWidth: 200 }} />,
];

/** The exact amount with its currency. */
export const SpendAmountField = (_props: { label?: string; textAlign?: 'right'; sortable?: boolean }) => {
  const spend = useRecordContext<AcquisitionSpend>();
  const formatMoney = useMoneyFormat();
  return spend ? <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{formatMoney(spend.amount, spend.currency)}</span> : null;
};

/**
 * What each acquisition channel cost per month, newest month first: the last twelve months unless
 * the "from" and "to" months say otherwise (the API answers a period at once, by month and channel).
 * On a phone, a simple list: the channel, the month, the amount on the right.
 */
export const AcquisitionSpendList = () => {
  const isPhone = useIsPhone();
  return (
    <List filters={spendFilters} sort={{ field: 'periodStart', order: 'DESC' }} perPage={25} pagination={<ListPagination />} exporter={false}>
      {isPhone ? (
        <SimpleList
          rowClick="show"
          primaryText={<EnumField source="channel" enumName="AcquisitionChannel" />}
          secondaryText={<MonthField source="periodStart" />}
          tertiaryText={
            <span style={{ float: 'right' }}>
              <SpendAmountField />
            </span>
          }
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <MonthField source="periodStart" />
          <EnumField source="channel" enumName="AcquisitionChannel" sortable={false} />
          <SpendAmountField label="resources.acquisitionSpend.fields.amount" textAlign="right" sortable={false} />
          <DateField source="updatedAt" showTime sortable={false} />
        </Datagrid>
      )}
    </List>
  );
};
