import { Datagrid, DateField, List, NumberField, TextField } from 'react-admin';
import { CustomerLinkField } from '../shared/CustomerLinkField';
import { EnumField } from '../shared/EnumField';
import { ListPagination } from '../shared/pagination';
import { surveyResponseFilters } from './surveyResponseFilters';

/** Survey answers of every customer, newest first or by score, filtered as the API filters. */
export const SurveyResponseList = () => (
  <List
    filters={surveyResponseFilters}
    sort={{ field: 'respondedAt', order: 'DESC' }}
    perPage={25}
    pagination={<ListPagination />}
    exporter={false}
    empty={false}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateField source="respondedAt" showTime sortByOrder="DESC" />
      <CustomerLinkField label="resources.surveyResponses.fields.customer" />
      <EnumField source="kind" enumName="SurveyKind" chip sortable={false} />
      <NumberField source="score" sortByOrder="ASC" />
      <EnumField source="team" enumName="Team" sortable={false} emptyText="—" />
      <EnumField source="channel" enumName="Channel" sortable={false} emptyText="—" />
      <EnumField source="journeyStage" enumName="JourneyStage" sortable={false} emptyText="—" />
      <TextField source="comment" sortable={false} emptyText="—" sx={{ display: 'inline-block', maxWidth: 320 }} />
    </Datagrid>
  </List>
);
