import { lazyScreen } from '../../lazy';
import type { DomainRoutes } from '../../routing';

const AccountPage = lazyScreen(() => import('./AccountPage'), 'AccountPage');

/** Setup, sign-in and the lock screen are shown by the session, not routed. */
export const authRoutes: DomainRoutes = {
  routes: [{ path: 'account', element: <AccountPage /> }],
  menu: [],
};
