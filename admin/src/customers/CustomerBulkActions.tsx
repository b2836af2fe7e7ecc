import LabelIcon from '@mui/icons-material/Label';
import LabelOffIcon from '@mui/icons-material/LabelOff';
import PersonIcon from '@mui/icons-material/PersonAddAlt1';
import TimelineIcon from '@mui/icons-material/Timeline';
import { Stack } from '@mui/material';
import type { ReactElement } from 'react';
import { AutocompleteInput, ReferenceInput, required, SelectInput, TextArrayInput } from 'react-admin';
import { tagList, type BulkChange } from '../dataProvider/customerBulk';
import { enumChoices, type LifecycleStage } from '../graphql/enums';
import { DialogButton } from '../shared/DialogButton';
import { BulkUpdateDialog } from './BulkUpdateDialog';

interface BulkButtonProps {
  name: 'assign_owner' | 'add_tags' | 'remove_tags' | 'change_stage';
  icon: ReactElement;
  toChange: (values: Record<string, unknown>) => BulkChange;
  description?: string;
  children: ReactElement;
}

const BulkButton = ({ name, icon, toChange, description, children }: BulkButtonProps) => (
  <DialogButton label={`customer360.bulk.${name}`} icon={icon} variant="text">
    {({ open, close }) => (
      <BulkUpdateDialog
        open={open}
        onClose={close}
        title={`customer360.bulk.${name}`}
        description={description}
        toChange={toChange}
        testId={`bulk-${name.replace('_', '-')}-dialog`}
      >
        {children}
      </BulkUpdateDialog>
    )}
  </DialogButton>
);

/** What can be done to the customers selected in the list at once: owner, tags, lifecycle stage. */
export const CustomerBulkActions = () => (
  <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }} data-testid="customer-bulk-actions">
    <BulkButton
      name="assign_owner"
      icon={<PersonIcon />}
      description="customer360.bulk.assign_owner_hint"
      toChange={(values) => ({ kind: 'owner', ownerId: typeof values.ownerId === 'string' && values.ownerId ? values.ownerId : null })}
    >
      <ReferenceInput source="ownerId" reference="staffUsers" filter={{ active: true }} sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <AutocompleteInput optionText="name" label="resources.customers.fields.ownerId" fullWidth />
      </ReferenceInput>
    </BulkButton>
    <BulkButton name="add_tags" icon={<LabelIcon />} toChange={(values) => ({ kind: 'tagsAdd', tags: tagList(values.tags) })}>
      <TextArrayInput source="tags" validate={required()} helperText="customer360.customers.filters.tags_hint" fullWidth />
    </BulkButton>
    <BulkButton name="remove_tags" icon={<LabelOffIcon />} toChange={(values) => ({ kind: 'tagsRemove', tags: tagList(values.tags) })}>
      <TextArrayInput source="tags" validate={required()} helperText="customer360.customers.filters.tags_hint" fullWidth />
    </BulkButton>
    <BulkButton
      name="change_stage"
      icon={<TimelineIcon />}
      description="customer360.lifecycle.change_stage_hint"
      toChange={(values) => ({ kind: 'lifecycleStage', lifecycleStage: values.lifecycleStage as LifecycleStage })}
    >
      <SelectInput source="lifecycleStage" choices={enumChoices('LifecycleStage').filter((choice) => choice.id !== 'CHURNED')} validate={required()} />
    </BulkButton>
  </Stack>
);
