/** The business dashboard: its page, its route and the menu entry that leads to it. */
export { Dashboard } from './Dashboard';
export { DASHBOARD_PATH, DashboardLayout, DashboardMenu } from './DashboardMenu';
