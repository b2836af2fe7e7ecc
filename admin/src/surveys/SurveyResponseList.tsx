import { Datagrid, DateField, List, NumberField } from 'react-admin';
import { CustomerLinkField } from '../shared/CustomerLinkField';
import { EnumField } from '../shared/EnumField';
import { SavedFiltersListActions } from '../savedFilters';
import { ListPagination } from '../shared/pagination';
import { PersonalTextField } from '../shared/PersonalTextField';
import { useIsPhone } from '../shared/useIsPhone';
import { SurveyResponseSimpleList } from './SurveyResponseGrid';
import { surveyResponseFilters } from './surveyResponseFilters';

/**
 * Survey answers of every customer, newest first or by score, filtered as the API filters; on a
 * phone, a simple list whose items open the answer.
 */
export const SurveyResponseList = () => {
  const isPhone = useIsPhone();
  return (
    <List
      filters={surveyResponseFilters}
      sort={{ field: 'respondedAt', order: 'DESC' }}
      perPage={25}
      pagination={<ListPagination />}
      exporter={false}
      actions={<SavedFiltersListActions resource="SURVEY_RESPONSES" />}
      empty={false}
    >
      {isPhone ? (
        <SurveyResponseSimpleList withCustomer rowClick="show" />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <DateField source="respondedAt" showTime sortByOrder="DESC" />
          <CustomerLinkField label="resources.surveyResponses.fields.customer" />
          <EnumField source="kind" enumName="SurveyKind" chip sortable={false} />
          <NumberField source="score" sortByOrder="ASC" />
          <EnumField source="team" enumName="Team" sortable={false} emptyText="—" />
          <EnumField source="channel" enumName="Channel" sortable={false} emptyText="—" />
          <EnumField source="journeyStage" enumName="JourneyStage" sortable={false} emptyText="—" />
          <PersonalTextField source="comment" sortable={false} emptyText="—" sx={{ display: 'inline-block', maxWidth: 320 }} />
        </Datagrid>
      )}
    </List>
  );
};
