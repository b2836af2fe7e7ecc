import { DateInput, NumberInput, SelectArrayInput } from 'react-admin';
import { enumChoices } from '../graphql/enums';

/** The survey response list's filters (see toSurveyResponseListFilter); e.g. NPS detractors: NPS, score at most 6. */
export const surveyResponseFilters = [
  <SelectArrayInput key="kind" source="kind" choices={enumChoices('SurveyKind')} alwaysOn sx={{ minWidth: 160 }} />,
  <NumberInput key="scoreMin" source="scoreMin" min={0} max={10} step={1} alwaysOn sx={{ width: 140 }} />,
  <NumberInput key="scoreMax" source="scoreMax" min={0} max={10} step={1} alwaysOn sx={{ width: 140 }} />,
  <SelectArrayInput key="team" source="team" choices={enumChoices('Team')} sx={{ minWidth: 160 }} />,
  <SelectArrayInput key="channel" source="channel" choices={enumChoices('Channel')} sx={{ minWidth: 160 }} />,
  <SelectArrayInput key="journeyStage" source="journeyStage" choices={enumChoices('JourneyStage')} sx={{ minWidth: 180 }} />,
  <DateInput key="respondedAfter" source="respondedAfter" />,
  <DateInput key="respondedBefore" source="respondedBefore" />,
];
