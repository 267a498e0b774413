import { SaveOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../lazy';
import type { DomainRoutes } from '../../routing';

const BackupsPage = lazyScreen(() => import('./BackupsPage'), 'BackupsPage');

export const backupsRoutes: DomainRoutes = {
  routes: [{ path: 'settings/backups', element: <BackupsPage />, permission: 'backups.manage' }],
  menu: [
    {
      path: '/settings/backups',
      labelKey: 'backups.nav',
      icon: <SaveOutlined />,
      permission: 'backups.manage',
      order: 91,
    },
  ],
};
