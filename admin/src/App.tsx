import { Admin, Resource } from 'react-admin';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import customers from './customers';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { darkTheme, lightTheme } from './theme';

/**
 * The customer360 console. Resources without a list (staffUsers and the customer's histories) are
 * declared so react-admin knows their names and labels for references.
 */
export const App = () => (
  <Admin
    title="customer360"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    theme={lightTheme}
    darkTheme={darkTheme}
    requireAuth
    disableTelemetry
  >
    <Resource name="customers" {...customers} />
    <Resource name="staffUsers" recordRepresentation="name" />
    <Resource name="interactions" />
    <Resource name="purchases" />
    <Resource name="surveyResponses" />
    <Resource name="handoffs" />
  </Admin>
);
