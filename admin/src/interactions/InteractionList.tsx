import { Datagrid, DateField, List, TextField } from 'react-admin';
import { CustomerLinkField } from '../shared/CustomerLinkField';
import { EnumField } from '../shared/EnumField';
import { ListPagination } from '../shared/pagination';
import { interactionFilters } from './interactionFilters';
import { InteractionSlaField } from './InteractionSlaField';

/**
 * Interactions of every customer, newest first (sortable by time, the one order the API offers),
 * filtered as the API filters — "awaiting an answer" shows the inbound ones nobody has answered.
 */
export const InteractionList = () => (
  <List
    filters={interactionFilters}
    sort={{ field: 'occurredAt', order: 'DESC' }}
    perPage={25}
    pagination={<ListPagination />}
    exporter={false}
    empty={false}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateField source="occurredAt" showTime sortByOrder="DESC" />
      <CustomerLinkField label="resources.interactions.fields.customer" />
      <EnumField source="channel" enumName="Channel" sortable={false} />
      <EnumField source="direction" enumName="Direction" sortable={false} />
      <EnumField source="team" enumName="Team" sortable={false} />
      <TextField source="subject" sortable={false} emptyText="—" />
      <TextField source="staff.name" label="resources.interactions.fields.staff" sortable={false} emptyText="—" />
      <InteractionSlaField label="resources.interactions.fields.slaStatus" />
      <DateField source="respondedAt" showTime sortable={false} emptyText="—" />
      <DateField source="resolvedAt" showTime sortable={false} emptyText="—" />
    </Datagrid>
  </List>
);
