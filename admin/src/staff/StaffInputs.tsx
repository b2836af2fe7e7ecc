import { email, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../graphql/enums';

/** Name, role and team, as both the create and the edit form take them; the API checks that the team fits the role. */
export const StaffRoleInputs = () => (
  <>
    <TextInput source="name" validate={required()} fullWidth />
    <SelectInput source="role" choices={enumChoices('StaffRole')} validate={required()} />
    <SelectInput source="team" choices={enumChoices('Team')} emptyText="customer360.staff.no_team" helperText="customer360.staff.team_hint" />
  </>
);

/** Sign-in email and the first password, only when creating. */
export const StaffSignInInputs = () => (
  <>
    <TextInput source="email" type="email" validate={[required(), email()]} fullWidth />
    <TextInput source="password" type="password" validate={required()} helperText="customer360.staff.password_hint" autoComplete="new-password" fullWidth />
  </>
);
