import { Stack } from '@mui/material';
import { Datagrid, DateField, SimpleList, TextField, useRecordContext, useTranslate } from 'react-admin';
import { enumLabelKey } from '../graphql/enums';
import type { Interaction } from '../graphql/types';
import { EnumField } from '../shared/EnumField';
import { PersonalTextField } from '../shared/PersonalTextField';
import { useIsPhone } from '../shared/useIsPhone';
import { InteractionAnswerButtons } from './InteractionAnswerButtons';
import { InteractionSlaField } from './InteractionSlaField';

const InteractionSummary = () => (
  <PersonalTextField source="summary" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
);

/** "Inbound · Email · Service": how the interaction came about, in one line. */
const InteractionMedium = () => {
  const interaction = useRecordContext<Interaction>();
  const translate = useTranslate();
  if (!interaction) return null;
  return (
    <>
      {[enumLabelKey('Direction', interaction.direction), enumLabelKey('Channel', interaction.channel), enumLabelKey('Team', interaction.team)]
        .map((key) => translate(key))
        .join(' · ')}
    </>
  );
};

/**
 * On a phone, an interaction in one list item: its subject (or the masked chip), the customer
 * (across customers) and how it came about, its time and response SLA.
 */
export const InteractionSimpleList = ({ withCustomer = false, rowClick = false }: { withCustomer?: boolean; rowClick?: 'show' | false }) => (
  <SimpleList
    rowClick={rowClick}
    primaryText={<PersonalTextField source="subject" emptyText="—" />}
    secondaryText={
      <Stack component="span" direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
        {withCustomer && <PersonalTextField source="customer.name" sx={{ fontWeight: 500 }} />}
        <span>
          <InteractionMedium />
        </span>
        <InteractionSlaField />
      </Stack>
    }
    tertiaryText={<DateField source="occurredAt" showTime sx={{ float: 'right', ml: 1 }} />}
  />
);

/** A customer's interactions, newest first (inside a ReferenceManyField); a row expands to its summary. */
export const InteractionGrid = () => {
  const isPhone = useIsPhone();
  if (isPhone) return <InteractionSimpleList rowClick="show" />;
  return (
    <Datagrid bulkActionButtons={false} rowClick="expand" expand={<InteractionSummary />}>
      <DateField source="occurredAt" showTime sortable={false} />
      <EnumField source="channel" enumName="Channel" sortable={false} />
      <EnumField source="direction" enumName="Direction" sortable={false} />
      <EnumField source="team" enumName="Team" sortable={false} />
      <EnumField source="journeyStage" enumName="JourneyStage" sortable={false} emptyText="—" />
      <PersonalTextField source="subject" sortable={false} emptyText="—" />
      <TextField source="staff.name" label="resources.interactions.fields.staff" sortable={false} emptyText="—" />
      <DateField source="respondedAt" showTime sortable={false} emptyText="—" />
      <DateField source="resolvedAt" showTime sortable={false} emptyText="—" />
      <InteractionAnswerButtons label="customer360.interactions.actions" />
    </Datagrid>
  );
};
