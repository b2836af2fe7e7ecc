import { AccessDenied, Admin, CanAccess, CustomRoutes, Resource } from 'react-admin';
import { BrowserRouter, Route } from 'react-router';
import apiKeys from './apiKeys';
import { authProvider } from './auth/authProvider';
import { HomePage } from './auth/HomePage';
import { LoginPage } from './auth/LoginPage';
import customers from './customers';
import { Dashboard, DASHBOARD_PATH, DashboardLayout } from './dashboard';
import { dataProvider } from './dataProvider';
import acquisitionSpend from './acquisitionSpend';
import auditEvents from './audit';
import handoffs from './handoffs';
import interactions from './interactions';
import purchases from './purchases';
import staff from './staff';
import surveyResponses from './surveys';
import { i18nProvider, store } from './i18n';
import { darkTheme, lightTheme } from './theme';

/**
 * The customer360 console. Plain URLs (/customers/:id/show) rather than react-admin's default
 * hash URLs: the API answers every non-API path with index.html. Resources without views
 * (staffUsers, a customer's histories and timeline) are declared so react-admin knows their names.
 * What each role sees follows authProvider.canAccess (auth/permissions.ts); "/" sends each role to its own start page.
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
      dashboard={HomePage}
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
      <Resource name="staff" {...staff} />
      <Resource name="apiKeys" {...apiKeys} />
      <CustomRoutes>
        <Route
          path={DASHBOARD_PATH}
          element={
            <CanAccess resource="dashboard" action="list" accessDenied={<AccessDenied />}>
              <Dashboard />
            </CanAccess>
          }
        />
      </CustomRoutes>
    </Admin>
  </BrowserRouter>
);
