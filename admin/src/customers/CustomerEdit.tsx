import { useMemo } from 'react';
import { Edit, SaveButton, SimpleForm, Toolbar, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { asFormRecord } from '../dataProvider/customerWrites';
import { isConflictError } from '../dataProvider/mutations';
import type { Customer } from '../graphql/types';
import { ConflictReloadButton } from '../shared/ConflictReloadButton';
import { formErrorsOf, messageOf } from '../shared/writeErrors';
import { CustomerProfileInputs } from './CustomerInputs';

const CustomerEditTitle = () => {
  const customer = useRecordContext<Customer>();
  const translate = useTranslate();
  return <span>{translate('customer360.customers.edit_title', { name: customer?.name ?? '' })}</span>;
};

/** Saving only: nothing is deleted (customers are archived from their 360 page). */
const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** The form on the stored customer, the owner as `ownerId` (its input's source). */
const CustomerEditForm = () => {
  const customer = useRecordContext<Customer>();
  const record = useMemo(() => (customer ? asFormRecord(customer) : undefined), [customer]);
  return (
    <SimpleForm record={record} toolbar={<SaveOnlyToolbar />} noValidate sx={{ maxWidth: 960 }}>
      <CustomerProfileInputs />
    </SimpleForm>
  );
};

/**
 * A customer's profile through customerUpdate, sent with the version the form was opened with
 * (pessimistic: the page waits for the API's answer). userErrors land on their inputs; a CONFLICT
 * keeps the input and says that someone else changed the customer, with a reload.
 */
export const CustomerEdit = () => {
  const notify = useNotify();
  const onError = (error: unknown) => {
    if (isConflictError(error)) {
      notify(error.message, { type: 'error', autoHideDuration: null, action: <ConflictReloadButton /> });
    } else if (!formErrorsOf(error)) {
      notify(messageOf(error), { type: 'error' });
    }
    // Field errors: the form shows them on their inputs and says so (react-admin's invalid-form notice).
  };
  return (
    <Edit mutationMode="pessimistic" redirect="show" title={<CustomerEditTitle />} mutationOptions={{ onError }}>
      <CustomerEditForm />
    </Edit>
  );
};
