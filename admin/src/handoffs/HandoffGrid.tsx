import { Box } from '@mui/material';
import { Datagrid, DateField, RecordField, TextField } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { HandoffStepButtons } from './HandoffStepButtons';

export const handoffStatusColors = {
  REQUESTED: 'warning',
  ACCEPTED: 'info',
  COMPLETED: 'success',
  REJECTED: 'error',
  CANCELLED: 'default',
} as const;

/** What the receiving team needs to know, shown when a handoff row is expanded. */
export const HandoffDetails = () => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(2, 1fr)' }, gap: 2, py: 1 }}>
    <RecordField source="summary" sx={{ whiteSpace: 'pre-wrap' }} />
    <RecordField source="customerGoals" sx={{ whiteSpace: 'pre-wrap' }} />
    <RecordField source="commitments" sx={{ whiteSpace: 'pre-wrap' }} />
    <RecordField source="keyContacts" empty="—" sx={{ whiteSpace: 'pre-wrap' }} />
    <RecordField source="risks" empty="—" sx={{ whiteSpace: 'pre-wrap' }} />
    <RecordField source="rejectionReason" empty="—" />
    <RecordField source="completionNote" empty="—" sx={{ whiteSpace: 'pre-wrap' }} />
    <RecordField source="cancellationReason" empty="—" sx={{ whiteSpace: 'pre-wrap' }} />
    <RecordField source="acceptedAt" empty="—"><DateField source="acceptedAt" showTime emptyText="—" /></RecordField>
    <RecordField source="completedAt" empty="—"><DateField source="completedAt" showTime emptyText="—" /></RecordField>
    <RecordField source="rejectedAt" empty="—"><DateField source="rejectedAt" showTime emptyText="—" /></RecordField>
    <RecordField source="cancelledAt" empty="—"><DateField source="cancelledAt" showTime emptyText="—" /></RecordField>
  </Box>
);

/** A customer's handoffs between teams, newest first (inside a ReferenceManyField); a row expands to its details. */
export const HandoffGrid = () => (
  <Datagrid bulkActionButtons={false} rowClick="expand" expand={<HandoffDetails />}>
    <DateField source="requestedAt" showTime sortable={false} />
    <EnumField source="fromTeam" enumName="Team" sortable={false} />
    <EnumField source="toTeam" enumName="Team" sortable={false} />
    <TextField source="fromStaff.name" label="resources.handoffs.fields.fromStaff" sortable={false} emptyText="—" />
    <TextField source="toStaff.name" label="resources.handoffs.fields.toStaff" sortable={false} emptyText="—" />
    <EnumField source="status" enumName="HandoffStatus" chip colors={handoffStatusColors} sortable={false} />
    <DateField source="dueAt" showTime sortable={false} />
    <TextField source="summary" sortable={false} />
    <HandoffStepButtons />
  </Datagrid>
);
