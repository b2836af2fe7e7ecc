import InsightsIcon from '@mui/icons-material/Insights';
import { Layout, Menu, type LayoutProps } from 'react-admin';
import { useCan } from '../auth/useCan';
import { LocaleFormats } from '../i18n/LocaleFormats';

export const DASHBOARD_PATH = '/dashboard';

/**
 * react-admin's menu with the dashboard first (for roles that read metrics), then every resource
 * that has a list and that the role may open (authProvider.canAccess).
 */
export const DashboardMenu = () => {
  const readsMetrics = useCan('read', 'metrics');
  return (
    <Menu>
      {readsMetrics && <Menu.Item to={DASHBOARD_PATH} primaryText="customer360.dashboard.menu" leftIcon={<InsightsIcon />} />}
      <Menu.ResourceItems />
    </Menu>
  );
};

/**
 * react-admin's layout with that menu. The dashboard is a page of its own (/dashboard); the home
 * page sends each role to where it starts (auth/HomePage.tsx).
 */
export const DashboardLayout = ({ children, ...props }: LayoutProps) => (
  <Layout {...props} menu={DashboardMenu}>
    <LocaleFormats>{children}</LocaleFormats>
  </Layout>
);
