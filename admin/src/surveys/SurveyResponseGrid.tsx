import { Datagrid, DateField, NumberField, TextField } from 'react-admin';
import { EnumField } from '../shared/EnumField';

/** A customer's survey responses, newest first (inside a ReferenceManyField). */
export const SurveyResponseGrid = () => (
  <Datagrid bulkActionButtons={false} rowClick={false}>
    <DateField source="respondedAt" showTime sortable={false} />
    <EnumField source="kind" enumName="SurveyKind" chip sortable={false} />
    <NumberField source="score" sortable={false} />
    <TextField source="comment" sortable={false} emptyText="—" />
    <EnumField source="team" enumName="Team" sortable={false} emptyText="—" />
    <EnumField source="channel" enumName="Channel" sortable={false} emptyText="—" />
    <EnumField source="journeyStage" enumName="JourneyStage" sortable={false} emptyText="—" />
  </Datagrid>
);
