import AcceptIcon from '@mui/icons-material/AssignmentTurnedIn';
import CancelIcon from '@mui/icons-material/CancelScheduleSend';
import CompleteIcon from '@mui/icons-material/TaskAlt';
import RejectIcon from '@mui/icons-material/ThumbDownAlt';
import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { required, TextInput, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { mayAnswerHandoff, mayWithdrawHandoff } from '../auth/permissions';
import { useStaffIdentity } from '../auth/useStaffIdentity';
import type { Customer360DataProvider } from '../dataProvider';
import type { HandoffStep } from '../dataProvider/handoffs';
import { isConflictError } from '../dataProvider/mutations';
import type { Handoff } from '../graphql/types';
import { ConflictReloadButton } from '../shared/ConflictReloadButton';
import { DialogButton } from '../shared/DialogButton';
import { FormDialog } from '../shared/FormDialog';
import { THUMB_HEIGHT } from '../shared/useIsPhone';
import { messageOf } from '../shared/writeErrors';

/** The handoff of the row and a way to take one step on it, with the version the row was read at. */
function useHandoffStep() {
  const handoff = useRecordContext<Handoff>();
  const dataProvider = useDataProvider<Customer360DataProvider>();
  const run = (step: HandoffStep, values: Record<string, unknown> = {}) =>
    dataProvider.handoffStep(step, { ...values, id: handoff!.id, version: handoff!.version ?? 1 });
  return { handoff, run };
}

/** Accepting needs no input: one click, and the API's refusal (not your team, already answered) in words. */
const AcceptButton = () => {
  const { run } = useHandoffStep();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [saving, setSaving] = useState(false);
  const accept = async () => {
    setSaving(true);
    try {
      await run('accept');
      notify('customer360.handoffs.accepted', { type: 'success' });
      refresh();
    } catch (error) {
      if (isConflictError(error)) {
        notify(error.message, { type: 'error', autoHideDuration: null, action: <ConflictReloadButton /> });
      } else {
        // Not your team (FORBIDDEN), already answered (INVALID_TRANSITION): the API's own words.
        const message = messageOf(error);
        notify('customer360.handoffs.accept_refused', { type: 'error', messageArgs: { message: translate(message, { _: message }) } });
      }
    } finally {
      setSaving(false);
    }
  };
  return (
    <Button
      size="small"
      variant="contained"
      startIcon={<AcceptIcon />}
      disabled={saving}
      onClick={(event) => {
        event.stopPropagation();
        void accept();
      }}
    >
      {translate('customer360.handoffs.steps.accept')}
    </Button>
  );
};

/** A step that asks for a text first: the reject's reason (required), the completion's note, the cancellation's reason. */
const StepWithTextButton = ({ step, source, isRequired }: { step: Exclude<HandoffStep, 'accept'>; source: 'reason' | 'note'; isRequired?: boolean }) => {
  const { run } = useHandoffStep();
  const icons = { complete: <CompleteIcon />, reject: <RejectIcon />, cancel: <CancelIcon /> };
  return (
    <DialogButton
      label={`customer360.handoffs.steps.${step}`}
      icon={icons[step]}
      variant={step === 'complete' ? 'contained' : 'text'}
      color={step === 'reject' ? 'error' : step === 'cancel' ? 'inherit' : 'primary'}
    >
      {({ open, close }) => (
        <FormDialog
          open={open}
          onClose={close}
          resource="handoffs"
          title={`customer360.handoffs.dialogs.${step}`}
          submitLabel={`customer360.handoffs.steps.${step}`}
          successMessage={`customer360.handoffs.${step === 'complete' ? 'completed' : step === 'reject' ? 'rejected' : 'cancelled'}`}
          onSubmit={(values) => run(step, { [source]: values[source] })}
          testId={`handoff-${step}-dialog`}
        >
          <TextInput
            source={source}
            label={`customer360.handoffs.fields.${step}_${source}`}
            validate={isRequired ? required() : undefined}
            multiline
            minRows={2}
            fullWidth
          />
        </FormDialog>
      )}
    </DialogButton>
  );
};

/**
 * The steps a handoff can take from where it stands: REQUESTED → accept or reject; ACCEPTED →
 * complete; both → cancel. Shown only to who may take them, as the API enforces (auth/permissions.ts):
 * the receiving team, a MANAGER or an ADMIN answer; the requester and the sending team may also withdraw.
 * fullWidth: one button a line, each as wide as the sheet and a thumb high (a phone's handoff sheet).
 */
export const HandoffStepButtons = ({ fullWidth = false }: { label?: string; fullWidth?: boolean }) => {
  const handoff = useRecordContext<Handoff>();
  const { identity } = useStaffIdentity();
  if (!handoff || (handoff.status !== 'REQUESTED' && handoff.status !== 'ACCEPTED')) return null;
  const answers = mayAnswerHandoff(identity, handoff.toTeam);
  const withdraws = mayWithdrawHandoff(identity, { fromTeam: handoff.fromTeam, requestedById: handoff.fromStaff?.id });
  if (!answers && !withdraws) return null;
  return (
    <Stack
      direction={fullWidth ? 'column' : 'row'}
      spacing={1}
      sx={
        fullWidth
          ? { '& > span': { display: 'block' }, '& .MuiButton-root': { width: '100%', minHeight: THUMB_HEIGHT } }
          : { flexWrap: 'wrap', rowGap: 1, minWidth: 220 }
      }
      data-testid="handoff-steps"
    >
      {answers && handoff.status === 'REQUESTED' && <AcceptButton />}
      {answers && handoff.status === 'REQUESTED' && <StepWithTextButton step="reject" source="reason" isRequired />}
      {answers && handoff.status === 'ACCEPTED' && <StepWithTextButton step="complete" source="note" />}
      {withdraws && <StepWithTextButton step="cancel" source="reason" />}
    </Stack>
  );
};
