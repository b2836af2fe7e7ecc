import { Box, Typography } from '@mui/material';
import { DateField, RecordField, useRecordContext, useTranslate } from 'react-admin';
import { enumLabelKey } from '../graphql/enums';
import type { Handoff } from '../graphql/types';
import { PersonalTextField } from '../shared/PersonalTextField';

export const handoffStatusColors = {
  REQUESTED: 'warning',
  ACCEPTED: 'info',
  COMPLETED: 'success',
  REJECTED: 'error',
  CANCELLED: 'default',
} as const;

/** "Sales → Service": who hands over to whom. */
export const HandoffTeams = (_props: { label?: string }) => {
  const handoff = useRecordContext<Handoff>();
  const translate = useTranslate();
  if (!handoff) return null;
  const team = (value: string) => translate(enumLabelKey('Team', value));
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {translate('customer360.timeline.handoff_teams', { from: team(handoff.fromTeam), to: team(handoff.toTeam) })}
    </Typography>
  );
};

/** One of the handoff's texts: as written, "—" when empty, the masked chip when the viewer may not read it. */
const HandoffText = ({ source }: { source: keyof Handoff }) => (
  <RecordField source={source}>
    <PersonalTextField source={source} emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
  </RecordField>
);

/** What the receiving team needs to know, shown when a handoff row is expanded (or its sheet opened on a phone). */
export const HandoffDetails = () => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(2, 1fr)' }, gap: 2, py: 1 }}>
    <HandoffText source="summary" />
    <HandoffText source="customerGoals" />
    <HandoffText source="commitments" />
    <HandoffText source="keyContacts" />
    <HandoffText source="risks" />
    <HandoffText source="rejectionReason" />
    <HandoffText source="completionNote" />
    <HandoffText source="cancellationReason" />
    <RecordField source="acceptedAt" empty="—"><DateField source="acceptedAt" showTime emptyText="—" /></RecordField>
    <RecordField source="completedAt" empty="—"><DateField source="completedAt" showTime emptyText="—" /></RecordField>
    <RecordField source="rejectedAt" empty="—"><DateField source="rejectedAt" showTime emptyText="—" /></RecordField>
    <RecordField source="cancelledAt" empty="—"><DateField source="cancelledAt" showTime emptyText="—" /></RecordField>
  </Box>
);
