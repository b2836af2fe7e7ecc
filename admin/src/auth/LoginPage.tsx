import { Login, LoginForm, PasswordInput, TextInput, email, required, useTranslate } from 'react-admin';

/** react-admin's login card, asking for the staff member's email instead of a username. */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <LoginForm>
        <TextInput
          autoFocus
          source="email"
          type="email"
          label={translate('customer360.auth.email')}
          autoComplete="username"
          validate={[required(), email()]}
        />
        <PasswordInput
          source="password"
          label={translate('ra.auth.password')}
          autoComplete="current-password"
          validate={required()}
        />
      </LoginForm>
    </Login>
  );
};
