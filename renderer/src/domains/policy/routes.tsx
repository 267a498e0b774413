import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../lazy';
import type { DomainRoutes } from '../../routing';

const PolicyPage = lazyScreen(() => import('./PolicyPage'), 'PolicyPage');

export const policyRoutes: DomainRoutes = {
  routes: [{ path: 'policy', element: <PolicyPage />, permission: 'policy.manage' }],
  menu: [
    {
      path: '/policy',
      labelKey: 'nav.policy',
      icon: <SafetyCertificateOutlined />,
      permission: 'policy.manage',
      order: 80,
    },
  ],
};
