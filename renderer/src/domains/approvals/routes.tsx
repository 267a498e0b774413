import { CheckSquareOutlined } from '@ant-design/icons';
import type { DomainRoutes } from '../../routing';
import { ApprovalCountBadge } from './ApprovalCountBadge';
import { InboxPage } from './InboxPage';

export const approvalsRoutes: DomainRoutes = {
  routes: [{ path: 'approvals', element: <InboxPage />, permission: 'approvals.decide' }],
  menu: [
    {
      path: '/approvals',
      labelKey: 'nav.approvals',
      icon: <CheckSquareOutlined />,
      permission: 'approvals.decide',
      order: 20,
      badge: () => <ApprovalCountBadge />,
    },
  ],
};
