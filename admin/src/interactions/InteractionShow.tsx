import { Box, Stack, Typography } from '@mui/material';
import { DateField, NumberField, RecordField, Show, TextField, useRecordContext, useTranslate } from 'react-admin';
import { MASKED } from '../auth/permissions';
import type { Interaction } from '../graphql/types';
import { CustomerLinkField } from '../shared/CustomerLinkField';
import { EnumField } from '../shared/EnumField';
import { MaskedChip, PersonalTextField } from '../shared/PersonalTextField';
import { InteractionAnswerButtons } from './InteractionAnswerButtons';
import { InteractionSlaField } from './InteractionSlaField';

const InteractionHeading = () => {
  const interaction = useRecordContext<Interaction>();
  const translate = useTranslate();
  if (!interaction) return null;
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, mb: 2 }}>
      <Typography variant="h5" component="h1">
        {interaction.subject === MASKED ? <MaskedChip /> : interaction.subject || translate('resources.interactions.name', { smart_count: 1 })}
      </Typography>
      <InteractionSlaField />
      <InteractionAnswerButtons />
    </Stack>
  );
};

/** One interaction: who, when, on which channel, and whether it still waits for an answer (with the buttons that record it). */
export const InteractionShow = () => {
  return (
    <Show actions={false}>
      <Box sx={{ p: 2 }}>
        <InteractionHeading />
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(4, 1fr)' }, gap: 2 }}>
          <RecordField source="customer"><CustomerLinkField /></RecordField>
          <RecordField source="occurredAt"><DateField source="occurredAt" showTime /></RecordField>
          <RecordField source="channel"><EnumField source="channel" enumName="Channel" /></RecordField>
          <RecordField source="direction"><EnumField source="direction" enumName="Direction" /></RecordField>
          <RecordField source="team"><EnumField source="team" enumName="Team" /></RecordField>
          <RecordField source="journeyStage"><EnumField source="journeyStage" enumName="JourneyStage" emptyText="—" /></RecordField>
          <RecordField source="staff"><TextField source="staff.name" emptyText="—" /></RecordField>
          <RecordField source="responseDueAt"><DateField source="responseDueAt" showTime emptyText="—" /></RecordField>
          <RecordField source="respondedAt"><DateField source="respondedAt" showTime emptyText="—" /></RecordField>
          <RecordField source="resolvedAt"><DateField source="resolvedAt" showTime emptyText="—" /></RecordField>
          <RecordField source="externalId" empty="—" />
          <RecordField source="version"><NumberField source="version" /></RecordField>
          <RecordField source="summary" sx={{ gridColumn: { sm: 'span 2', lg: 'span 4' } }}>
            <PersonalTextField source="summary" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
          </RecordField>
        </Box>
      </Box>
    </Show>
  );
};
