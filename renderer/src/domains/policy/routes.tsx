import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { DomainRoutes } from '../../routing';
import { PolicyPage } from './PolicyPage';

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
