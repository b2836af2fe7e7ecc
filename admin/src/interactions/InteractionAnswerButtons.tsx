import DoneAllIcon from '@mui/icons-material/DoneAll';
import ReplyIcon from '@mui/icons-material/Reply';
import { Stack } from '@mui/material';
import { DateTimeInput, useDataProvider, useRecordContext } from 'react-admin';
import { useCan } from '../auth/useCan';
import type { Customer360DataProvider } from '../dataProvider';
import type { InteractionMark } from '../dataProvider/interactions';
import type { Interaction } from '../graphql/types';
import { DialogButton } from '../shared/DialogButton';
import { FormDialog } from '../shared/FormDialog';

/** One answer to record, with its time (empty: now); the API refuses a time before the interaction or in the future, on the field. */
const MarkButton = ({ mark }: { mark: InteractionMark }) => {
  const interaction = useRecordContext<Interaction>();
  const dataProvider = useDataProvider<Customer360DataProvider>();
  if (!interaction) return null;
  const source = mark === 'responded' ? 'respondedAt' : 'resolvedAt';
  return (
    <DialogButton
      label={`customer360.interactions.mark_${mark}`}
      icon={mark === 'responded' ? <ReplyIcon /> : <DoneAllIcon />}
      variant={mark === 'responded' ? 'contained' : 'outlined'}
    >
      {({ open, close }) => (
        <FormDialog
          open={open}
          onClose={close}
          resource="interactions"
          title={`customer360.interactions.mark_${mark}`}
          description={`customer360.interactions.mark_${mark}_hint`}
          successMessage={`customer360.interactions.marked_${mark}`}
          onSubmit={(values) => dataProvider.interactionMark(mark, { id: interaction.id, at: values[source] })}
          testId={`interaction-mark-${mark}-dialog`}
        >
          <DateTimeInput source={source} helperText="customer360.forms.default_now" />
        </FormDialog>
      )}
    </DialogButton>
  );
};

/**
 * What an interaction still waits for: an answer (inbound ones, once) and a resolution (once;
 * resolving an unanswered inbound one answers it too). Nothing once both are recorded.
 */
export const InteractionAnswerButtons = (_props: { label?: string }) => {
  const interaction = useRecordContext<Interaction>();
  const writesInteractions = useCan('write', 'interactions');
  if (!interaction || !writesInteractions) return null;
  const awaitsResponse = interaction.direction === 'INBOUND' && !interaction.respondedAt && !interaction.resolvedAt;
  const awaitsResolution = !interaction.resolvedAt;
  if (!awaitsResponse && !awaitsResolution) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} data-testid="interaction-answer-buttons">
      {awaitsResponse && <MarkButton mark="responded" />}
      {awaitsResolution && <MarkButton mark="resolved" />}
    </Stack>
  );
};
