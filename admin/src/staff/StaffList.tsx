import { BooleanField, CreateButton, Datagrid, DateField, EditButton, EmailField, List, SearchInput, TextField, TopToolbar } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { StaffStepButtons } from './StaffButtons';

const staffFilters = [<SearchInput key="q" source="q" alwaysOn />];

const StaffListActions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/** Every staff account (ADMIN only), with who they are, their role, team and whether they may sign in. */
export const StaffList = () => (
  <List filters={staffFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={false} actions={<StaffListActions />}>
    <Datagrid rowClick={false} bulkActionButtons={false}>
      <TextField source="name" />
      <EmailField source="email" />
      <EnumField source="role" enumName="StaffRole" />
      <EnumField source="team" enumName="Team" emptyText="—" sortable={false} />
      <BooleanField source="active" sortable={false} />
      <DateField source="createdAt" />
      <EditButton />
      <StaffStepButtons label="customer360.staff.actions" />
    </Datagrid>
  </List>
);
