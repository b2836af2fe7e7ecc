import ArchiveIcon from '@mui/icons-material/Archive';
import PersonIcon from '@mui/icons-material/ManageAccounts';
import StageIcon from '@mui/icons-material/Flag';
import ChurnIcon from '@mui/icons-material/PersonOff';
import UnarchiveIcon from '@mui/icons-material/Unarchive';
import { DateTimeInput, required, SelectInput, TextInput, useDataProvider, useRecordContext } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { Customer360DataProvider } from '../dataProvider';
import type { CustomerAction } from '../dataProvider/customerWrites';
import { enumChoices, type LifecycleStage } from '../graphql/enums';
import type { Customer } from '../graphql/types';
import { DialogButton } from '../shared/DialogButton';
import { FormDialog } from '../shared/FormDialog';
import { OwnerInput } from './CustomerInputs';

/**
 * The lifecycle steps of the 360 page, each a dialog calling its own mutation with the version the
 * page read: change owner, change stage, mark churned, archive and restore.
 */

/** The customer of the page and a way to run one step on it. */
function useLifecycleStep() {
  const customer = useRecordContext<Customer>();
  const dataProvider = useDataProvider<Customer360DataProvider>();
  const run = (action: CustomerAction, values: Record<string, unknown> = {}) =>
    dataProvider.customerAction(action, { ...values, id: customer!.id, version: customer!.version });
  return { customer, run };
}

export const ChangeOwnerButton = () => {
  const { customer, run } = useLifecycleStep();
  if (!customer) return null;
  return (
    <DialogButton label="customer360.lifecycle.change_owner" icon={<PersonIcon />} variant="text">
      {({ open, close }) => (
        <FormDialog
          open={open}
          onClose={close}
          resource="customers"
          title="customer360.lifecycle.change_owner"
          successMessage="customer360.lifecycle.owner_changed"
          defaultValues={{ ownerId: customer.owner?.id ?? null }}
          onSubmit={(values) => run('changeOwner', { ownerId: values.ownerId ?? null })}
          testId="change-owner-dialog"
        >
          <OwnerInput />
        </FormDialog>
      )}
    </DialogButton>
  );
};

/** Forward only (LEAD → PROSPECT → CUSTOMER), or a churned customer won back; churning has its own step. */
const NEXT_STAGE: Record<LifecycleStage, LifecycleStage> = { LEAD: 'PROSPECT', PROSPECT: 'CUSTOMER', CUSTOMER: 'CUSTOMER', CHURNED: 'CUSTOMER' };
const STAGE_CHOICES = enumChoices('LifecycleStage').filter((choice) => choice.id !== 'CHURNED');

/** The acquisition moment, asked only when the customer becomes a CUSTOMER for the first time. */
const AcquiredAtInput = ({ firstTime }: { firstTime: boolean }) => {
  const stage = useWatch({ name: 'lifecycleStage' });
  if (!firstTime || stage !== 'CUSTOMER') return null;
  return <DateTimeInput source="acquiredAt" helperText="customer360.forms.default_now" />;
};

export const ChangeStageButton = () => {
  const { customer, run } = useLifecycleStep();
  if (!customer) return null;
  return (
    <DialogButton label="customer360.lifecycle.change_stage" icon={<StageIcon />} variant="text">
      {({ open, close }) => (
        <FormDialog
          open={open}
          onClose={close}
          resource="customers"
          title="customer360.lifecycle.change_stage"
          description="customer360.lifecycle.change_stage_hint"
          successMessage="customer360.lifecycle.stage_changed"
          defaultValues={{ lifecycleStage: NEXT_STAGE[customer.lifecycleStage] }}
          onSubmit={(values) => run('changeLifecycleStage', { lifecycleStage: values.lifecycleStage, acquiredAt: values.acquiredAt })}
          testId="change-stage-dialog"
        >
          <SelectInput source="lifecycleStage" choices={STAGE_CHOICES} validate={required()} />
          <AcquiredAtInput firstTime={customer.acquiredAt === null} />
        </FormDialog>
      )}
    </DialogButton>
  );
};

export const MarkChurnedButton = () => {
  const { customer, run } = useLifecycleStep();
  if (!customer || customer.lifecycleStage !== 'CUSTOMER') return null;
  return (
    <DialogButton label="customer360.lifecycle.mark_churned" icon={<ChurnIcon />} variant="text" color="error">
      {({ open, close }) => (
        <FormDialog
          open={open}
          onClose={close}
          resource="customers"
          title="customer360.lifecycle.mark_churned"
          successMessage="customer360.lifecycle.churned"
          onSubmit={(values) => run('markChurned', { reason: values.reason, churnedAt: values.churnedAt })}
          testId="mark-churned-dialog"
        >
          <TextInput source="reason" label="customer360.lifecycle.churn_reason" validate={required()} multiline minRows={2} fullWidth />
          <DateTimeInput source="churnedAt" helperText="customer360.forms.default_now" />
        </FormDialog>
      )}
    </DialogButton>
  );
};

/** Archive hides the customer from lists (nothing is deleted); restore brings them back. */
export const ArchiveOrRestoreButton = () => {
  const { customer, run } = useLifecycleStep();
  if (!customer) return null;
  const archived = customer.archivedAt !== null;
  const key = archived ? 'restore' : 'archive';
  return (
    <DialogButton label={`customer360.lifecycle.${key}`} icon={archived ? <UnarchiveIcon /> : <ArchiveIcon />} variant="text">
      {({ open, close }) => (
        <FormDialog
          open={open}
          onClose={close}
          resource="customers"
          title={`customer360.lifecycle.${key}`}
          description={`customer360.lifecycle.${key}_confirm`}
          successMessage={archived ? 'customer360.lifecycle.restored' : 'customer360.lifecycle.archived'}
          onSubmit={() => run(key)}
          testId={`${key}-dialog`}
        />
      )}
    </DialogButton>
  );
};
