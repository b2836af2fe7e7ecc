import { Chip, Stack, Tooltip } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  DateInput,
  DateTimeInput,
  NullableBooleanInput,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TextArrayInput,
  TextInput,
  useInput,
  useListContext,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { customerActivity } from '../dataProvider/customers';
import { enumLabelKey, enumChoices, type EnumName } from '../graphql/enums';

/** "CSAT below X % over the last N days": one filter, two inputs (dataProvider/customers.ts sends it once both are valid). */
const CsatBelowInput = (_props: { source: string; label?: string; alwaysOn?: boolean; defaultValue?: unknown }) => (
  <Stack direction="row" spacing={1}>
    <TextInput source="csatBelow.score" label="customer360.customers.filters.csat_below_score" inputMode="decimal" sx={{ width: 150 }} />
    <NumberInput source="csatBelow.withinDays" label="customer360.customers.filters.csat_within_days" min={1} step={1} sx={{ width: 170 }} />
  </Stack>
);

const ACTIVITY_NARROWINGS = [
  ['teams', 'Team', 'teams'],
  ['channels', 'Channel', 'channels'],
  ['journeyStages', 'JourneyStage', 'journey_stages'],
  ['surveyKinds', 'SurveyKind', 'survey_kinds'],
] as const satisfies readonly (readonly [string, EnumName, string])[];

/**
 * "Had an answer / purchase / inbound interaction / handoff in this period", as a dashboard point
 * sets it (dashboard/drillDown.ts activityFilter): shown read-only as a summary, so the person sees
 * what narrowed the list; the chip's delete (or the filter's own remove button) clears it.
 */
const ActivityFilterInput = ({ source }: { source: string; label?: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { hideFilter } = useListContext();
  const { field } = useInput({ source });
  const activity = customerActivity(field.value);
  // Picked from the filter menu with nothing set: only a dashboard chart sets it.
  if (!activity) return <Chip variant="outlined" label={translate('customer360.customers.filters.activity.hint')} sx={{ alignSelf: 'center' }} />;
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const parts = [
    translate(`customer360.customers.filters.activity.${activity.kind}`, {
      after: moment.format(new Date(activity.after)),
      before: moment.format(new Date(activity.before)),
    }),
  ];
  for (const [key, enumName, label] of ACTIVITY_NARROWINGS) {
    const values = activity[key];
    if (!values?.length) continue;
    parts.push(
      translate('customer360.customers.filters.activity.narrowing', {
        name: translate(`customer360.customers.filters.activity.${label}`),
        values: values.map((value) => translate(enumLabelKey(enumName, value))).join(', '),
      }),
    );
  }
  if (activity.currency) {
    parts.push(translate('customer360.customers.filters.activity.narrowing', { name: translate('customer360.customers.filters.activity.currency'), values: activity.currency }));
  }
  return (
    <Tooltip title={translate('customer360.customers.filters.activity.hint')}>
      <Chip data-testid="customer-activity-filter" label={parts.join(' · ')} onDelete={() => hideFilter(source)} sx={{ alignSelf: 'center', maxWidth: 640 }} />
    </Tooltip>
  );
};

/**
 * The customer list's filters, keyed by react-admin filter name (see toCustomerFilter for the
 * API's names). Amounts stay text so no decimal is ever parsed into a float.
 */
export const customerFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="churnRisk" source="churnRisk" choices={enumChoices('ChurnRisk')} sx={{ minWidth: 180 }} />,
  <SelectInput key="lifecycleStage" source="lifecycleStage" choices={enumChoices('LifecycleStage')} />,
  <SelectInput key="segment" source="segment" choices={enumChoices('Segment')} />,
  <SelectInput key="acquisitionChannel" source="acquisitionChannel" choices={enumChoices('AcquisitionChannel')} />,
  <ReferenceInput key="ownerId" source="ownerId" reference="staffUsers" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" label="resources.customers.fields.ownerId" />
  </ReferenceInput>,
  <SelectArrayInput key="ownerTeam" source="ownerTeam" choices={enumChoices('Team')} sx={{ minWidth: 180 }} />,
  <TextArrayInput key="tags" source="tags" helperText="customer360.customers.filters.tags_hint" sx={{ minWidth: 220 }} />,
  <NumberInput key="healthMin" source="healthMin" min={0} max={100} step={1} helperText="customer360.customers.filters.health_hint" />,
  <NumberInput key="healthMax" source="healthMax" min={0} max={100} step={1} helperText="customer360.customers.filters.health_hint" />,
  <TextInput key="lifetimeValueMin" source="lifetimeValueMin" inputMode="decimal" helperText="customer360.customers.filters.decimal_hint" />,
  <TextInput key="lifetimeValueMax" source="lifetimeValueMax" inputMode="decimal" helperText="customer360.customers.filters.decimal_hint" />,
  <SelectArrayInput key="latestNpsCategory" source="latestNpsCategory" choices={enumChoices('NpsCategory')} sx={{ minWidth: 180 }} />,
  <NullableBooleanInput key="hasOpenSlaBreach" source="hasOpenSlaBreach" />,
  <DateInput key="lastInteractionAfter" source="lastInteractionAfter" />,
  <DateInput key="lastInteractionBefore" source="lastInteractionBefore" helperText="customer360.customers.filters.never_contacted_included" />,
  <CsatBelowInput key="csatBelow" source="csatBelow" defaultValue={{ withinDays: 90 }} />,
  <BooleanInput key="includeArchived" source="includeArchived" />,
  // Moments, as a dashboard point or cohort cell sets them (dashboard/drillDown.ts).
  <DateTimeInput key="acquiredAfter" source="acquiredAfter" />,
  <DateTimeInput key="acquiredBefore" source="acquiredBefore" />,
  <DateTimeInput key="churnedAfter" source="churnedAfter" />,
  <DateTimeInput key="churnedBefore" source="churnedBefore" />,
  <DateTimeInput key="notChurnedBefore" source="notChurnedBefore" helperText="customer360.customers.filters.not_churned_hint" />,
  <ActivityFilterInput key="activity" source="activity" />,
];
