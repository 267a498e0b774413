import { SwapOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../lazy';
import type { DomainRoutes } from '../../routing';

const DelegationsPage = lazyScreen(() => import('./DelegationsPage'), 'DelegationsPage');

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
