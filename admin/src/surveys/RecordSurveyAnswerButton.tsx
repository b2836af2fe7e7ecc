import RateReviewIcon from '@mui/icons-material/RateReview';
import { useMemo } from 'react';
import { DateTimeInput, maxValue, minValue, NumberInput, required, SelectInput, TextInput, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useStaffIdentity } from '../auth/useStaffIdentity';
import { enumChoices, type SurveyKind } from '../graphql/enums';
import type { Customer } from '../graphql/types';
import { DialogButton } from '../shared/DialogButton';
import { FormDialog } from '../shared/FormDialog';
import { SCALE_MAX } from './scores';

const SCALE_MIN: Record<SurveyKind, number> = { CSAT: 1, NPS: 0, CES: 1 };

/** The score, held to the scale of the chosen survey (CSAT 1–5, NPS 0–10, CES 1–7); the API judges it again. */
const ScoreInput = () => {
  const translate = useTranslate();
  const kind = (useWatch({ name: 'kind' }) as SurveyKind | undefined) ?? 'CSAT';
  const [min, max] = [SCALE_MIN[kind], SCALE_MAX[kind]];
  const validate = useMemo(() => [required(), minValue(min), maxValue(max)], [min, max]);
  return (
    <NumberInput
      source="score"
      min={min}
      max={max}
      step={1}
      validate={validate}
      helperText={translate('customer360.forms.score_range', { min, max })}
    />
  );
};

/** Records a survey answer of the customer of the page (surveyResponseRecord). */
export const RecordSurveyAnswerButton = () => {
  const customer = useRecordContext<Customer>();
  const dataProvider = useDataProvider();
  const { identity } = useStaffIdentity();
  if (!customer) return null;
  return (
    <DialogButton label="customer360.activity.record_survey_answer" icon={<RateReviewIcon />}>
      {({ open, close }) => (
        <FormDialog
          open={open}
          onClose={close}
          resource="surveyResponses"
          title="customer360.activity.record_survey_answer"
          successMessage="customer360.activity.survey_answer_recorded"
          defaultValues={{ kind: 'CSAT', team: identity?.team ?? null }}
          onSubmit={(values) => dataProvider.create('surveyResponses', { data: { ...values, customerId: customer.id } })}
          testId="record-survey-answer-dialog"
        >
          <SelectInput source="kind" choices={enumChoices('SurveyKind')} validate={required()} />
          <ScoreInput />
          <TextInput source="comment" multiline minRows={2} fullWidth />
          <SelectInput source="team" choices={enumChoices('Team')} emptyText="customer360.forms.none" />
          <SelectInput source="channel" choices={enumChoices('Channel')} emptyText="customer360.forms.none" />
          <SelectInput source="journeyStage" choices={enumChoices('JourneyStage')} emptyText="customer360.forms.none" />
          <DateTimeInput source="respondedAt" helperText="customer360.forms.default_now" />
        </FormDialog>
      )}
    </DialogButton>
  );
};
