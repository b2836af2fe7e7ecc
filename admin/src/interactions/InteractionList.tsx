import { Datagrid, DateField, List, TextField } from 'react-admin';
import { CustomerLinkField } from '../shared/CustomerLinkField';
import { EnumField } from '../shared/EnumField';
import { SavedFiltersListActions } from '../savedFilters';
import { ListPagination } from '../shared/pagination';
import { PersonalTextField } from '../shared/PersonalTextField';
import { useIsPhone } from '../shared/useIsPhone';
import { InteractionSimpleList } from './InteractionGrid';
import { interactionFilters } from './interactionFilters';
import { InteractionSlaField } from './InteractionSlaField';

/**
 * Interactions of every customer, newest first (sortable by time, the one order the API offers),
 * filtered as the API filters — "awaiting an answer" shows the inbound ones nobody has answered.
 * On a phone, a simple list whose items open the interaction.
 */
export const InteractionList = () => {
  const isPhone = useIsPhone();
  return (
    <List
      filters={interactionFilters}
      sort={{ field: 'occurredAt', order: 'DESC' }}
      perPage={25}
      pagination={<ListPagination />}
      exporter={false}
      actions={<SavedFiltersListActions resource="INTERACTIONS" />}
      empty={false}
    >
      {isPhone ? (
        <InteractionSimpleList withCustomer rowClick="show" />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <DateField source="occurredAt" showTime sortByOrder="DESC" />
          <CustomerLinkField label="resources.interactions.fields.customer" />
          <EnumField source="channel" enumName="Channel" sortable={false} />
          <EnumField source="direction" enumName="Direction" sortable={false} />
          <EnumField source="team" enumName="Team" sortable={false} />
          <PersonalTextField source="subject" sortable={false} emptyText="—" />
          <TextField source="staff.name" label="resources.interactions.fields.staff" sortable={false} emptyText="—" />
          <InteractionSlaField label="resources.interactions.fields.slaStatus" />
          <DateField source="respondedAt" showTime sortable={false} emptyText="—" />
          <DateField source="resolvedAt" showTime sortable={false} emptyText="—" />
        </Datagrid>
      )}
    </List>
  );
};
