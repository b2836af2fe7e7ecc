import { Edit, SaveButton, SimpleForm, TextField, Toolbar, useNotify } from 'react-admin';
import { isConflictError } from '../dataProvider/mutations';
import { ConflictReloadButton } from '../shared/ConflictReloadButton';
import { formErrorsOf, messageOf } from '../shared/writeErrors';
import { StaffRoleInputs } from './StaffInputs';

const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Name, role and team through staffUpdate, with the version the form was opened with; accounts are deactivated from the list, never deleted. */
export const StaffEdit = () => {
  const notify = useNotify();
  const onError = (error: unknown) => {
    if (isConflictError(error)) notify(error.message, { type: 'error', autoHideDuration: null, action: <ConflictReloadButton /> });
    else if (!formErrorsOf(error)) notify(messageOf(error), { type: 'error' });
  };
  return (
    <Edit mutationMode="pessimistic" redirect="list" mutationOptions={{ onError }}>
      <SimpleForm toolbar={<SaveOnlyToolbar />} noValidate sx={{ maxWidth: 600 }}>
        <TextField source="email" />
        <StaffRoleInputs />
      </SimpleForm>
    </Edit>
  );
};
