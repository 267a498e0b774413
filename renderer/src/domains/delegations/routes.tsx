import { SwapOutlined } from '@ant-design/icons';
import type { DomainRoutes } from '../../routing';
import { DelegationsPage } from './DelegationsPage';

export const delegationsRoutes: DomainRoutes = {
  routes: [{ path: 'delegations', element: <DelegationsPage />, permission: 'approvals.decide' }],
  menu: [
    {
      path: '/delegations',
      labelKey: 'nav.delegations',
      icon: <SwapOutlined />,
      permission: 'approvals.decide',
      order: 40,
    },
  ],
};
