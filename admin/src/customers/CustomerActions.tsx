import { Divider, Stack } from '@mui/material';
import { EditButton, useTranslate } from 'react-admin';
import { useCan } from '../auth/useCan';
import { RequestHandoffButton } from '../handoffs/RequestHandoffButton';
import { LogInteractionButton } from '../interactions/LogInteractionButton';
import { RecordPurchaseButton } from '../purchases/RecordPurchaseButton';
import { RecordSurveyAnswerButton } from '../surveys/RecordSurveyAnswerButton';
import { ArchiveOrRestoreButton, ChangeOwnerButton, ChangeStageButton, MarkChurnedButton } from './CustomerLifecycleButtons';
import { AddTagsButton, RemoveTagsButton } from './CustomerTagsButtons';

/**
 * What can be done from the 360 page without leaving it: record what happened (an interaction, a
 * purchase, a survey answer, a handoff), then the record's own steps (edit, owner, stage, churn,
 * archive). Each opens a dialog; on success the cards and the timeline refresh.
 */
export const CustomerActions = () => {
  const translate = useTranslate();
  // Only what the signed-in role may write (auth/permissions.ts); an ANALYST gets no actions at all.
  const writes = {
    interactions: useCan('write', 'interactions'),
    purchases: useCan('write', 'purchases'),
    surveys: useCan('write', 'surveys'),
    handoffs: useCan('write', 'handoffs'),
    customers: useCan('write', 'customers'),
  };
  if (!Object.values(writes).some(Boolean)) return null;
  return (
    <Stack
      direction="row"
      spacing={1}
      component="nav"
      aria-label={translate('customer360.customers.actions')}
      sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, px: 2, pt: 1.5 }}
      data-testid="customer-actions"
    >
      {writes.interactions && <LogInteractionButton />}
      {writes.purchases && <RecordPurchaseButton />}
      {writes.surveys && <RecordSurveyAnswerButton />}
      {writes.handoffs && <RequestHandoffButton />}
      {writes.customers && (
        <>
          <Divider orientation="vertical" flexItem />
          <EditButton />
          <ChangeOwnerButton />
          <ChangeStageButton />
          <AddTagsButton />
          <RemoveTagsButton />
          <MarkChurnedButton />
          <ArchiveOrRestoreButton />
        </>
      )}
    </Stack>
  );
};
