import { CreateButton, Datagrid, DateField, EditButton, EmailField, FilterButton, List, TextField, TopToolbar, type RaRecord } from 'react-admin';
import type { Customer } from '../graphql/types';
import { HealthScoreField } from '../health/HealthScoreField';
import { LifetimeValueField } from '../purchases/LifetimeValueField';
import { EnumField } from '../shared/EnumField';
import { ListPagination } from '../shared/pagination';
import { CustomerBulkActions } from './CustomerBulkActions';
import { customerFilters } from './customerFilters';
import { ExportCsvButton } from './ExportCsvButton';
import { LifecycleStageField } from './LifecycleStageField';

/** The list's toolbar: filters, create, and the CSV export of everything the current filter selects. */
const CustomerListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportCsvButton />
  </TopToolbar>
);

const archivedRowStyle = (record: RaRecord) => ((record as Customer).archivedAt ? { opacity: 0.6 } : {});

/**
 * Customers, searchable and filterable, with their health, lifetime value and last interaction
 * (one request per page); the API sorts by name, health, lifetime value, last interaction or creation.
 */
export const CustomerList = () => (
  <List
    filters={customerFilters}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={25}
    pagination={<ListPagination />}
    exporter={false}
    actions={<CustomerListActions />}
  >
    <Datagrid rowClick="show" bulkActionButtons={<CustomerBulkActions />} rowSx={archivedRowStyle}>
      <TextField source="name" />
      <TextField source="company" sortable={false} />
      <EmailField source="email" sortable={false} />
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
  </List>
);
