import { CheckSquareOutlined, HistoryOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../lazy';
import type { DomainRoutes } from '../../routing';
import { ApprovalCountBadge } from './ApprovalCountBadge';

const DecidedPage = lazyScreen(() => import('./DecidedPage'), 'DecidedPage');
const InboxPage = lazyScreen(() => import('./InboxPage'), 'InboxPage');

export const approvalsRoutes: DomainRoutes = {
  routes: [
    { path: 'approvals', element: <InboxPage />, permission: 'approvals.decide' },
    { path: 'approvals/decided', element: <DecidedPage />, permission: 'approvals.decide' },
  ],
  menu: [
    {
      path: '/approvals',
      labelKey: 'nav.approvals',
      icon: <CheckSquareOutlined />,
      permission: 'approvals.decide',
      order: 20,
      badge: () => <ApprovalCountBadge />,
    },
    {
      path: '/approvals/decided',
      labelKey: 'decided.nav',
      icon: <HistoryOutlined />,
      permission: 'approvals.decide',
      order: 21,
    },
  ],
};
