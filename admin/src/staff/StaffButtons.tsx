import BlockIcon from '@mui/icons-material/Block';
import KeyIcon from '@mui/icons-material/Key';
import RestoreIcon from '@mui/icons-material/Restore';
import { Stack } from '@mui/material';
import { required, TextInput, useDataProvider, useRecordContext } from 'react-admin';
import type { Customer360DataProvider } from '../dataProvider';
import type { StaffMember, StaffStep } from '../dataProvider/staff';
import { DialogButton } from '../shared/DialogButton';
import { FormDialog } from '../shared/FormDialog';

const STEP_ICONS = { deactivate: <BlockIcon />, reactivate: <RestoreIcon />, resetPassword: <KeyIcon /> };
const STEP_DONE = { deactivate: 'deactivated', reactivate: 'reactivated', resetPassword: 'password_reset' };

/** One staff step in a confirming dialog: the API's refusal (e.g. deactivating yourself) shows in it. */
const StaffStepButton = ({ step }: { step: StaffStep }) => {
  const member = useRecordContext<StaffMember>();
  const dataProvider = useDataProvider<Customer360DataProvider>();
  if (!member) return null;
  return (
    <DialogButton label={`customer360.staff.steps.${step}`} icon={STEP_ICONS[step]} variant="text" color={step === 'deactivate' ? 'error' : 'primary'}>
      {({ open, close }) => (
        <FormDialog
          open={open}
          onClose={close}
          resource="staff"
          title={`customer360.staff.steps.${step}`}
          description={`customer360.staff.hints.${step}`}
          successMessage={`customer360.staff.${STEP_DONE[step]}`}
          onSubmit={(values) => dataProvider.staffStep(step, { id: member.id, password: values.password })}
          testId={`staff-${step}-dialog`}
        >
          {step === 'resetPassword' && (
            <TextInput source="password" type="password" validate={required()} helperText="customer360.staff.password_hint" autoComplete="new-password" fullWidth />
          )}
        </FormDialog>
      )}
    </DialogButton>
  );
};

/** What an admin can do to an account from the list: deactivate or reactivate it, give it a new password. */
export const StaffStepButtons = (_props: { label?: string }) => {
  const member = useRecordContext<StaffMember>();
  if (!member) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
      <StaffStepButton step={member.active ? 'deactivate' : 'reactivate'} />
      <StaffStepButton step="resetPassword" />
    </Stack>
  );
};
