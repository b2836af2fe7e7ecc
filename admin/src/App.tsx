import { Admin, CustomRoutes, Resource } from 'react-admin';
import { BrowserRouter, Route } from 'react-router';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import customers from './customers';
import { Dashboard, DASHBOARD_PATH, DashboardLayout } from './dashboard';
import { dataProvider } from './dataProvider';
import acquisitionSpend from './acquisitionSpend';
import auditEvents from './audit';
import handoffs from './handoffs';
import interactions from './interactions';
import purchases from './purchases';
import surveyResponses from './surveys';
import { i18nProvider, store } from './i18n';
import { darkTheme, lightTheme } from './theme';

/**
 * The customer360 console. Plain URLs (/customers/:id/show) rather than react-admin's default
 * hash URLs: the API answers every non-API path with index.html. Resources without views
 * (staffUsers, a customer's histories and timeline) are declared so react-admin knows their names.
 */
export const App = () => (
  <BrowserRouter>
    <Admin
      title="customer360"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      store={store}
      loginPage={LoginPage}
      layout={DashboardLayout}
      theme={lightTheme}
      darkTheme={darkTheme}
      requireAuth
      disableTelemetry
    >
      <Resource name="customers" {...customers} />
      <Resource name="staffUsers" recordRepresentation="name" />
      <Resource name="interactions" {...interactions} />
      <Resource name="purchases" {...purchases} />
      <Resource name="surveyResponses" {...surveyResponses} />
      <Resource name="handoffs" {...handoffs} />
      <Resource name="timelineEvents" />
      <Resource name="acquisitionSpend" {...acquisitionSpend} />
      <Resource name="auditEvents" {...auditEvents} />
      <CustomRoutes>
        <Route path={DASHBOARD_PATH} element={<Dashboard />} />
      </CustomRoutes>
    </Admin>
  </BrowserRouter>
);
