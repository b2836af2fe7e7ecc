import { Box, Stack } from '@mui/material';
import { CreateButton, Datagrid, DateField, EditButton, FilterButton, List, SimpleList, TextField, TopToolbar, type RaRecord } from 'react-admin';
import { useCan } from '../auth/useCan';
import type { Customer } from '../graphql/types';
import { HealthScoreField } from '../health/HealthScoreField';
import { LifetimeValueField } from '../purchases/LifetimeValueField';
import { EnumField } from '../shared/EnumField';
import { PersonalTextField } from '../shared/PersonalTextField';
import { SavedFiltersButton } from '../savedFilters';
import { ListPagination } from '../shared/pagination';
import { useIsPhone } from '../shared/useIsPhone';
import { CustomerBulkActions } from './CustomerBulkActions';
import { customerFilters } from './customerFilters';
import { ExportCsvButton } from './ExportCsvButton';
import { LifecycleStageField } from './LifecycleStageField';

/** The list's toolbar: filters, create, and the CSV export of everything the current filter selects. */
const CustomerListActions = () => (
  <TopToolbar>
    <FilterButton disableSaveQuery />
    <SavedFiltersButton resource="CUSTOMERS" />
    <CreateButton />
    <ExportCsvButton />
  </TopToolbar>
);

const archivedRowStyle = (record: RaRecord) => ((record as Customer).archivedAt ? { opacity: 0.6 } : {});

/** On a phone: one line per customer (name, then company and stage, health on the right); a tap opens the 360 page. */
const CustomerSimpleList = () => (
  <SimpleList
    rowClick="show"
    rowSx={archivedRowStyle}
    primaryText={<PersonalTextField source="name" />}
    secondaryText={
      <Stack component="span" direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
        <PersonalTextField source="company" />
        <LifecycleStageField source="lifecycleStage" />
      </Stack>
    }
    tertiaryText={
      <Box sx={{ float: 'right', ml: 1 }}>
        <HealthScoreField source="health" />
      </Box>
    }
  />
);

/**
 * Customers, searchable and filterable, with their health, lifetime value and last interaction
 * (one request per page); the API sorts by name, health, lifetime value, last interaction or creation.
 * Bulk changes (and the row checkboxes) only for roles that write customers.
 */
export const CustomerList = () => {
  const writesCustomers = useCan('write', 'customers');
  // The API refuses ordering by name to who may not read names (an ANALYST): newest first instead.
  const readsNames = useCan('read', 'personalData');
  const isPhone = useIsPhone();
  return (
    <List
      filters={customerFilters}
      sort={readsNames ? { field: 'name', order: 'ASC' } : { field: 'createdAt', order: 'DESC' }}
      perPage={25}
      pagination={<ListPagination />}
      exporter={false}
      actions={<CustomerListActions />}
    >
      {isPhone ? (
        <CustomerSimpleList />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={writesCustomers ? <CustomerBulkActions /> : false} rowSx={archivedRowStyle}>
          <PersonalTextField source="name" sortable={readsNames} />
          <PersonalTextField source="company" sortable={false} />
          <PersonalTextField source="email" email sortable={false} />
          <EnumField source="segment" enumName="Segment" sortable={false} />
          <LifecycleStageField source="lifecycleStage" sortable={false} />
          <HealthScoreField source="health" sortByOrder="ASC" />
          <LifetimeValueField source="lifetimeValue" sortByOrder="DESC" textAlign="right" />
          <DateField source="lastInteractionAt" showTime sortByOrder="DESC" emptyText="customer360.customers.never" />
          <EnumField source="acquisitionChannel" enumName="AcquisitionChannel" sortable={false} />
          <TextField source="owner.name" label="resources.customers.fields.owner" sortable={false} />
          <DateField source="createdAt" />
          <EditButton />
        </Datagrid>
      )}
    </List>
  );
};
