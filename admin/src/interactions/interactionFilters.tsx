import { AutocompleteInput, DateInput, NullableBooleanInput, ReferenceInput, SelectArrayInput } from 'react-admin';
import { enumChoices } from '../graphql/enums';

/** The interaction list's filters (see toInteractionListFilter for the API's names); kept in the URL by react-admin. */
export const interactionFilters = [
  <NullableBooleanInput key="awaitingResponse" source="awaitingResponse" alwaysOn sx={{ minWidth: 200 }} />,
  <SelectArrayInput key="channel" source="channel" choices={enumChoices('Channel')} alwaysOn sx={{ minWidth: 160 }} />,
  <SelectArrayInput key="direction" source="direction" choices={enumChoices('Direction')} sx={{ minWidth: 160 }} />,
  <SelectArrayInput key="team" source="team" choices={enumChoices('Team')} alwaysOn sx={{ minWidth: 160 }} />,
  <SelectArrayInput key="journeyStage" source="journeyStage" choices={enumChoices('JourneyStage')} sx={{ minWidth: 180 }} />,
  <ReferenceInput key="staffId" source="staffId" reference="staffUsers" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
    <AutocompleteInput optionText="name" label="resources.interactions.fields.staffId" />
  </ReferenceInput>,
  <DateInput key="occurredAfter" source="occurredAfter" />,
  <DateInput key="occurredBefore" source="occurredBefore" />,
];
