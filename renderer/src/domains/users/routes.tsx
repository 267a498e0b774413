import { TeamOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../lazy';
import type { DomainRoutes } from '../../routing';

const UsersPage = lazyScreen(() => import('./UsersPage'), 'UsersPage');

export const usersRoutes: DomainRoutes = {
  routes: [{ path: 'users', element: <UsersPage />, permission: 'users.manage' }],
  menu: [
    {
      path: '/users',
      labelKey: 'nav.users',
      icon: <TeamOutlined />,
      permission: 'users.manage',
      order: 50,
    },
  ],
};
