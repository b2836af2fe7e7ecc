import SendIcon from '@mui/icons-material/Send';
import { AutocompleteInput, ReferenceInput, required, SelectInput, TextInput, useDataProvider, useRecordContext } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useStaffIdentity } from '../auth/useStaffIdentity';
import { enumChoices } from '../graphql/enums';
import type { Customer } from '../graphql/types';
import { DialogButton } from '../shared/DialogButton';
import { FormDialog } from '../shared/FormDialog';

/** A particular member of the receiving team to take it on (optional; anyone in the team may accept). */
const ToStaffInput = () => {
  const toTeam = useWatch({ name: 'toTeam' });
  if (!toTeam) return null;
  return (
    <ReferenceInput source="toStaffId" reference="staffUsers" filter={{ active: true, team: toTeam }} sort={{ field: 'name', order: 'ASC' }} perPage={100}>
      <AutocompleteInput optionText="name" label="resources.handoffs.fields.toStaff" helperText="customer360.handoffs.to_staff_hint" />
    </ReferenceInput>
  );
};

/**
 * Hands the customer of the page to another team with the context it needs (handoffRequest). The
 * sending team is the user's own by default; managers and admins choose it.
 */
export const RequestHandoffButton = () => {
  const customer = useRecordContext<Customer>();
  const dataProvider = useDataProvider();
  const { identity } = useStaffIdentity();
  if (!customer) return null;
  return (
    <DialogButton label="customer360.activity.request_handoff" icon={<SendIcon />}>
      {({ open, close }) => (
        <FormDialog
          open={open}
          onClose={close}
          resource="handoffs"
          title="customer360.activity.request_handoff"
          description="customer360.handoffs.request_hint"
          successMessage="customer360.activity.handoff_requested"
          defaultValues={{ fromTeam: identity?.team ?? null }}
          onSubmit={(values) => dataProvider.create('handoffs', { data: { ...values, customerId: customer.id } })}
          testId="request-handoff-dialog"
        >
          <SelectInput source="toTeam" choices={enumChoices('Team')} validate={required()} />
          <SelectInput source="fromTeam" choices={enumChoices('Team')} helperText="customer360.handoffs.from_team_hint" emptyText="customer360.forms.none" />
          <ToStaffInput />
          <TextInput source="summary" validate={required()} multiline minRows={2} fullWidth />
          <TextInput source="customerGoals" validate={required()} multiline fullWidth />
          <TextInput source="commitments" validate={required()} multiline fullWidth />
          <TextInput source="keyContacts" multiline fullWidth />
          <TextInput source="risks" multiline fullWidth />
        </FormDialog>
      )}
    </DialogButton>
  );
};
