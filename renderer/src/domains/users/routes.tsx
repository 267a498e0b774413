import { TeamOutlined } from '@ant-design/icons';
import type { DomainRoutes } from '../../routing';
import { UsersPage } from './UsersPage';

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
