import { Stack } from '@mui/material';
import { Datagrid, DateField, NumberField, SimpleList, useRecordContext, useTranslate } from 'react-admin';
import { enumLabelKey } from '../graphql/enums';
import type { SurveyResponse } from '../graphql/types';
import { EnumField } from '../shared/EnumField';
import { PersonalTextField } from '../shared/PersonalTextField';
import { useIsPhone } from '../shared/useIsPhone';
import { SCALE_MAX } from './scores';

/** "NPS answer: 9 of 10". */
const ScoreText = () => {
  const answer = useRecordContext<SurveyResponse>();
  const translate = useTranslate();
  if (!answer) return null;
  return <>{translate('customer360.timeline.survey_answer', { kind: translate(enumLabelKey('SurveyKind', answer.kind)), score: answer.score, max: SCALE_MAX[answer.kind] })}</>;
};

/**
 * On a phone, a survey answer in one list item: its kind and score, the comment (or the masked
 * chip), across customers whose it is, and when.
 */
export const SurveyResponseSimpleList = ({ withCustomer = false, rowClick = false }: { withCustomer?: boolean; rowClick?: 'show' | false }) => (
  <SimpleList
    rowClick={rowClick}
    primaryText={
      <span>
        <ScoreText />
      </span>
    }
    secondaryText={
      <Stack component="span" spacing={0.5}>
        {withCustomer && <PersonalTextField source="customer.name" sx={{ fontWeight: 500 }} />}
        <PersonalTextField source="comment" emptyText="—" />
      </Stack>
    }
    tertiaryText={<DateField source="respondedAt" showTime sx={{ float: 'right', ml: 1 }} />}
  />
);

/** A customer's survey responses, newest first (inside a ReferenceManyField). */
export const SurveyResponseGrid = () => {
  const isPhone = useIsPhone();
  if (isPhone) return <SurveyResponseSimpleList />;
  return (
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <DateField source="respondedAt" showTime sortable={false} />
      <EnumField source="kind" enumName="SurveyKind" chip sortable={false} />
      <NumberField source="score" sortable={false} />
      <PersonalTextField source="comment" sortable={false} emptyText="—" />
      <EnumField source="team" enumName="Team" sortable={false} emptyText="—" />
      <EnumField source="channel" enumName="Channel" sortable={false} emptyText="—" />
      <EnumField source="journeyStage" enumName="JourneyStage" sortable={false} emptyText="—" />
    </Datagrid>
  );
};
