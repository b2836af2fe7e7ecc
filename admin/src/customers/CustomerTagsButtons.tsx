import LabelIcon from '@mui/icons-material/Label';
import LabelOffIcon from '@mui/icons-material/LabelOff';
import { CheckboxGroupInput, required, TextArrayInput, useDataProvider, useRecordContext } from 'react-admin';
import type { Customer360DataProvider } from '../dataProvider';
import type { Customer } from '../graphql/types';
import { DialogButton } from '../shared/DialogButton';
import { FormDialog } from '../shared/FormDialog';

/** Adds tags to the customer of the page (customerTagsAdd: those already there are kept once). */
export const AddTagsButton = () => {
  const customer = useRecordContext<Customer>();
  const dataProvider = useDataProvider<Customer360DataProvider>();
  if (!customer) return null;
  return (
    <DialogButton label="customer360.tags.add" icon={<LabelIcon />}>
      {({ open, close }) => (
        <FormDialog
          open={open}
          onClose={close}
          resource="customers"
          title="customer360.tags.add"
          successMessage="customer360.tags.added"
          onSubmit={(values) => dataProvider.customerTags('add', customer.id, values.tags)}
          testId="add-tags-dialog"
        >
          <TextArrayInput source="tags" validate={required()} helperText="customer360.customers.filters.tags_hint" fullWidth />
        </FormDialog>
      )}
    </DialogButton>
  );
};

/** Removes some of the customer's tags (customerTagsRemove), ticked from those they have. */
export const RemoveTagsButton = () => {
  const customer = useRecordContext<Customer>();
  const dataProvider = useDataProvider<Customer360DataProvider>();
  if (!customer) return null;
  return (
    <DialogButton label="customer360.tags.remove" icon={<LabelOffIcon />} disabled={customer.tags.length === 0}>
      {({ open, close }) => (
        <FormDialog
          open={open}
          onClose={close}
          resource="customers"
          title="customer360.tags.remove"
          successMessage="customer360.tags.removed"
          onSubmit={(values) => dataProvider.customerTags('remove', customer.id, values.tags)}
          testId="remove-tags-dialog"
        >
          <CheckboxGroupInput source="tags" choices={customer.tags.map((tag) => ({ id: tag, name: tag }))} translateChoice={false} validate={required()} />
        </FormDialog>
      )}
    </DialogButton>
  );
};
