import { Box, Typography } from '@mui/material';
import { DateField, NumberField, RecordField, Show, useRecordContext, useTranslate } from 'react-admin';
import { MASKED } from '../auth/permissions';
import { enumLabelKey } from '../graphql/enums';
import type { SurveyResponse } from '../graphql/types';
import { CustomerLinkField } from '../shared/CustomerLinkField';
import { EnumField } from '../shared/EnumField';
import { MaskedChip, PersonalTextField } from '../shared/PersonalTextField';
import { SCALE_MAX } from './scores';

/** "NPS answer: 9 of 10". */
const SurveyResponseHeading = () => {
  const answer = useRecordContext<SurveyResponse>();
  const translate = useTranslate();
  if (!answer) return null;
  return (
    <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
      {translate('customer360.timeline.survey_answer', {
        kind: translate(enumLabelKey('SurveyKind', answer.kind)),
        score: answer.score,
        max: SCALE_MAX[answer.kind],
      })}
    </Typography>
  );
};

/** The interaction the answer rates, when known. */
const RatedInteractionField = (_props: { source?: string }) => {
  const answer = useRecordContext<SurveyResponse & { interaction: { subject: string | null; channel: string } | null }>();
  const translate = useTranslate();
  const interaction = answer?.interaction;
  if (!interaction) return <Typography variant="body2">—</Typography>;
  if (interaction.subject === MASKED) return <MaskedChip />;
  return <Typography variant="body2">{interaction.subject || translate(enumLabelKey('Channel', interaction.channel))}</Typography>;
};

/** One survey answer: its score, comment, and which touchpoint it rated. */
export const SurveyResponseShow = () => {
  return (
    <Show actions={false}>
      <Box sx={{ p: 2 }}>
        <SurveyResponseHeading />
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(4, 1fr)' }, gap: 2 }}>
          <RecordField source="customer"><CustomerLinkField /></RecordField>
          <RecordField source="respondedAt"><DateField source="respondedAt" showTime /></RecordField>
          <RecordField source="kind"><EnumField source="kind" enumName="SurveyKind" /></RecordField>
          <RecordField source="score"><NumberField source="score" /></RecordField>
          <RecordField source="team"><EnumField source="team" enumName="Team" emptyText="—" /></RecordField>
          <RecordField source="channel"><EnumField source="channel" enumName="Channel" emptyText="—" /></RecordField>
          <RecordField source="journeyStage"><EnumField source="journeyStage" enumName="JourneyStage" emptyText="—" /></RecordField>
          <RecordField source="interaction"><RatedInteractionField /></RecordField>
          <RecordField source="externalId" empty="—" />
          <RecordField source="comment" sx={{ gridColumn: { sm: 'span 2', lg: 'span 4' }, whiteSpace: 'pre-wrap' }}>
            <PersonalTextField source="comment" emptyText="—" />
          </RecordField>
        </Box>
      </Box>
    </Show>
  );
};
