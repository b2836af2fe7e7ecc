import { Stack } from '@mui/material';
import {
  AutocompleteInput,
  Datagrid,
  DateField,
  DateInput,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  SimpleList,
  TextField,
  TextInput,
} from 'react-admin';
import { AUDITED_ENTITY_TYPES } from '../dataProvider/auditEvents';
import { SavedFiltersListActions } from '../savedFilters';
import { ListPagination } from '../shared/pagination';
import { useIsPhone } from '../shared/useIsPhone';
import { AuditDiff, ChangedFieldsField, EntityTypeField } from './AuditDiff';

const ENTITY_TYPE_CHOICES = AUDITED_ENTITY_TYPES.map((type) => ({ id: type, name: `customer360.audit.entity_types.${type}` }));

const auditFilters = [
  <SelectInput key="entityType" source="entityType" choices={ENTITY_TYPE_CHOICES} alwaysOn />,
  <ReferenceInput key="actorId" source="actorId" reference="staffUsers" sort={{ field: 'name', order: 'ASC' }} perPage={100} alwaysOn>
    <AutocompleteInput optionText="name" label="resources.auditEvents.fields.actorId" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <ReferenceInput key="customerId" source="customerId" reference="customers" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" label="resources.auditEvents.fields.customerId" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <TextInput key="entityId" source="entityId" />,
  <DateInput key="since" source="since" />,
  <DateInput key="until" source="until" />,
];

/**
 * Every change made through the API, newest first (the one order the API keeps), read-only: who
 * changed what, and when; a row opens to the fields before and after. On a phone, a simple list of
 * who did what to which kind of object and the fields it changed.
 */
export const AuditEventList = () => {
  const isPhone = useIsPhone();
  return (
    <List filters={auditFilters} perPage={25} pagination={<ListPagination />} exporter={false} empty={false} actions={<SavedFiltersListActions resource="AUDIT_LOG" />}>
      {isPhone ? (
        <SimpleList
          rowClick={false}
          primaryText={<TextField source="actorLabel" />}
          secondaryText={
            <Stack component="span" spacing={0.5}>
              <span>
                <TextField source="action" /> · <EntityTypeField source="entityType" />
              </span>
              <ChangedFieldsField />
            </Stack>
          }
          tertiaryText={<DateField source="occurredAt" showTime sx={{ float: 'right', ml: 1 }} />}
        />
      ) : (
        <Datagrid rowClick="expand" expand={<AuditDiff />} bulkActionButtons={false}>
          <DateField source="occurredAt" showTime sortable={false} />
          <TextField source="actorLabel" sortable={false} />
          <TextField source="action" sortable={false} />
          <EntityTypeField source="entityType" sortable={false} />
          <ReferenceField source="customerId" reference="customers" link="show" sortable={false} emptyText="—" />
          <ChangedFieldsField label="customer360.audit.changed_fields" />
        </Datagrid>
      )}
    </List>
  );
};
