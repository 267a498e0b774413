import { AuditOutlined, BarChartOutlined, DashboardOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../../lazy';
import type { DomainRoutes } from '../../../routing';

const QueuePage = lazyScreen(() => import('./QueuePage'), 'QueuePage');
const ReportPage = lazyScreen(() => import('./ReportPage'), 'ReportPage');
const LinesPage = lazyScreen(() => import('./LinesPage'), 'LinesPage');
const DashboardPage = lazyScreen(() => import('./DashboardPage'), 'DashboardPage');

/**
 * Finance: 报帐审核 (the reconciliation queue), 费用统计 (the period report and the lines behind
 * every figure) and 费用看板 (the dashboard, for finance, executives and the admin office).
 */
export const financeRoutes: DomainRoutes = {
  routes: [
    { path: 'finance', element: <QueuePage />, permission: 'expenses.finance' },
    { path: 'finance/report', element: <ReportPage />, permission: 'expenses.report' },
    { path: 'finance/lines', element: <LinesPage />, permission: 'expenses.report' },
    { path: 'dashboard', element: <DashboardPage />, permission: 'expenses.report' },
  ],
  bareRoutes: [],
  menu: [
    {
      path: '/finance',
      labelKey: 'expensesFinance.nav.queue',
      icon: <AuditOutlined />,
      permission: 'expenses.finance',
      order: 51,
    },
    {
      path: '/finance/report',
      labelKey: 'expensesFinance.nav.report',
      icon: <BarChartOutlined />,
      permission: 'expenses.report',
      // The lines are opened from the report's figures, so they are 费用统计, not 报帐审核.
      alsoFor: ['/finance/lines'],
      order: 53,
    },
    {
      path: '/dashboard',
      labelKey: 'expensesFinance.nav.dashboard',
      icon: <DashboardOutlined />,
      permission: 'expenses.report',
      order: 54,
    },
  ],
};
