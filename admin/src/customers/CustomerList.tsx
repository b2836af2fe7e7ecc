import {
  AutocompleteInput,
  BooleanInput,
  Datagrid,
  DateField,
  EmailField,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  type RaRecord,
} from 'react-admin';
import { enumChoices } from '../graphql/enums';
import type { Customer } from '../graphql/types';
import { EnumField } from '../shared/EnumField';
import { ListPagination } from '../shared/pagination';
import { LifecycleStageField } from './LifecycleStageField';

const customerFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="lifecycleStage" source="lifecycleStage" choices={enumChoices('LifecycleStage')} />,
  <SelectInput key="segment" source="segment" choices={enumChoices('Segment')} />,
  <SelectInput key="acquisitionChannel" source="acquisitionChannel" choices={enumChoices('AcquisitionChannel')} />,
  <ReferenceInput key="ownerId" source="ownerId" reference="staffUsers" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" label="resources.customers.fields.ownerId" />
  </ReferenceInput>,
  <BooleanInput key="includeArchived" source="includeArchived" />,
];

const archivedRowStyle = (record: RaRecord) => ((record as Customer).archivedAt ? { opacity: 0.6 } : {});

/** Customers, searchable and filterable; the API sorts by name or creation time only. */
export const CustomerList = () => (
  <List
    filters={customerFilters}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={25}
    pagination={<ListPagination />}
    exporter={false}
  >
    <Datagrid rowClick="show" bulkActionButtons={false} rowSx={archivedRowStyle}>
      <TextField source="name" />
      <TextField source="company" sortable={false} />
      <EmailField source="email" sortable={false} />
      <EnumField source="segment" enumName="Segment" sortable={false} />
      <LifecycleStageField source="lifecycleStage" sortable={false} />
      <EnumField source="acquisitionChannel" enumName="AcquisitionChannel" sortable={false} />
      <TextField source="owner.name" label="resources.customers.fields.owner" sortable={false} />
      <DateField source="createdAt" />
    </Datagrid>
  </List>
);
