import { DesktopOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../lazy';
import type { DomainRoutes } from '../../routing';

const AccountPage = lazyScreen(() => import('./AccountPage'), 'AccountPage');
const SessionsPage = lazyScreen(() => import('./SessionsPage'), 'SessionsPage');

/** Setup, sign-in and the lock screen are shown by the session, not routed. */
export const authRoutes: DomainRoutes = {
  routes: [
    { path: 'account', element: <AccountPage /> },
    { path: 'sessions', element: <SessionsPage />, permission: 'sessions.manage' },
  ],
  menu: [
    {
      // Right after the users: who is signed in where (issue 14).
      path: '/sessions',
      labelKey: 'sessions.nav',
      icon: <DesktopOutlined />,
      permission: 'sessions.manage',
      order: 50.5,
    },
  ],
};
