import { AuditOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../lazy';
import type { DomainRoutes } from '../../routing';

const AuditPage = lazyScreen(() => import('./AuditPage'), 'AuditPage');

export const auditRoutes: DomainRoutes = {
  routes: [{ path: 'audit', element: <AuditPage />, permission: 'audit.read' }],
  menu: [
    {
      path: '/audit',
      labelKey: 'nav.audit',
      icon: <AuditOutlined />,
      permission: 'audit.read',
      order: 70,
    },
  ],
};
