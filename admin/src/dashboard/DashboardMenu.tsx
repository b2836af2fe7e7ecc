import InsightsIcon from '@mui/icons-material/Insights';
import { Layout, Menu, type LayoutProps } from 'react-admin';
import { LocaleFormats } from '../i18n/LocaleFormats';

export const DASHBOARD_PATH = '/dashboard';

/** react-admin's menu with the dashboard first, then every resource that has a list. */
export const DashboardMenu = () => (
  <Menu>
    <Menu.Item to={DASHBOARD_PATH} primaryText="customer360.dashboard.menu" leftIcon={<InsightsIcon />} />
    <Menu.ResourceItems />
  </Menu>
);

/**
 * react-admin's layout with that menu. The dashboard is a page of its own (/dashboard) rather than
 * react-admin's home page, so signing in still opens the customers list.
 */
export const DashboardLayout = ({ children, ...props }: LayoutProps) => (
  <Layout {...props} menu={DashboardMenu}>
    <LocaleFormats>{children}</LocaleFormats>
  </Layout>
);
