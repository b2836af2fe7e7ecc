import AddCommentIcon from '@mui/icons-material/AddComment';
import { AutocompleteInput, DateTimeInput, ReferenceInput, required, SelectInput, TextInput, useDataProvider, useRecordContext } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useStaffIdentity } from '../auth/useStaffIdentity';
import { enumChoices } from '../graphql/enums';
import type { Customer } from '../graphql/types';
import { DialogButton } from '../shared/DialogButton';
import { FormDialog } from '../shared/FormDialog';

/** When we answered: inbound interactions only. */
const RespondedAtInput = () => {
  const direction = useWatch({ name: 'direction' });
  return direction === 'INBOUND' ? <DateTimeInput source="respondedAt" helperText="customer360.forms.inbound_only" /> : null;
};

/** Logs a touchpoint with the customer of the page (interactionLog); it appears at the top of the timeline. */
export const LogInteractionButton = () => {
  const customer = useRecordContext<Customer>();
  const dataProvider = useDataProvider();
  const { identity } = useStaffIdentity();
  if (!customer) return null;
  return (
    <DialogButton label="customer360.activity.log_interaction" icon={<AddCommentIcon />}>
      {({ open, close }) => (
        <FormDialog
          open={open}
          onClose={close}
          resource="interactions"
          title="customer360.activity.log_interaction"
          successMessage="customer360.activity.interaction_logged"
          defaultValues={{ channel: 'EMAIL', direction: 'OUTBOUND', team: identity?.team ?? null, staffId: identity?.id ?? null }}
          onSubmit={(values) => dataProvider.create('interactions', { data: { ...values, customerId: customer.id } })}
          testId="log-interaction-dialog"
        >
          <SelectInput source="channel" choices={enumChoices('Channel')} validate={required()} />
          <SelectInput source="direction" choices={enumChoices('Direction')} validate={required()} />
          <SelectInput source="team" choices={enumChoices('Team')} validate={required()} />
          <SelectInput source="journeyStage" choices={enumChoices('JourneyStage')} emptyText="customer360.forms.none" />
          <TextInput source="subject" fullWidth />
          <TextInput source="summary" multiline minRows={3} fullWidth />
          <ReferenceInput source="staffId" reference="staffUsers" filter={{ active: true }} sort={{ field: 'name', order: 'ASC' }} perPage={100}>
            <AutocompleteInput optionText="name" label="resources.interactions.fields.staff" />
          </ReferenceInput>
          <DateTimeInput source="occurredAt" helperText="customer360.forms.default_now" />
          <RespondedAtInput />
          <DateTimeInput source="resolvedAt" />
        </FormDialog>
      )}
    </DialogButton>
  );
};
