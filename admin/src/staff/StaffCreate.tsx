import { Create, SimpleForm } from 'react-admin';
import { StaffRoleInputs, StaffSignInInputs } from './StaffInputs';

/** A new staff account through staffCreate; the API's userErrors appear on their inputs. */
export const StaffCreate = () => (
  <Create redirect="list">
    <SimpleForm noValidate sx={{ maxWidth: 600 }}>
      <StaffSignInInputs />
      <StaffRoleInputs />
    </SimpleForm>
  </Create>
);
