import { Typography } from '@mui/material';
import { Datagrid, DateField, TextField, useRecordContext } from 'react-admin';
import type { Interaction } from '../graphql/types';
import { EnumField } from '../shared/EnumField';
import { InteractionAnswerButtons } from './InteractionAnswerButtons';

const InteractionSummary = () => {
  const interaction = useRecordContext<Interaction>();
  return (
    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
      {interaction?.summary || '—'}
    </Typography>
  );
};

/** A customer's interactions, newest first (inside a ReferenceManyField); a row expands to its summary. */
export const InteractionGrid = () => (
  <Datagrid bulkActionButtons={false} rowClick="expand" expand={<InteractionSummary />}>
    <DateField source="occurredAt" showTime sortable={false} />
    <EnumField source="channel" enumName="Channel" sortable={false} />
    <EnumField source="direction" enumName="Direction" sortable={false} />
    <EnumField source="team" enumName="Team" sortable={false} />
    <EnumField source="journeyStage" enumName="JourneyStage" sortable={false} emptyText="—" />
    <TextField source="subject" sortable={false} emptyText="—" />
    <TextField source="staff.name" label="resources.interactions.fields.staff" sortable={false} emptyText="—" />
    <DateField source="respondedAt" showTime sortable={false} emptyText="—" />
    <DateField source="resolvedAt" showTime sortable={false} emptyText="—" />
    <InteractionAnswerButtons label="customer360.interactions.actions" />
  </Datagrid>
);
