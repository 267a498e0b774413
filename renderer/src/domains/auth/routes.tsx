import type { DomainRoutes } from '../../routing';
import { AccountPage } from './AccountPage';

/** Setup, sign-in and the lock screen are shown by the session, not routed. */
export const authRoutes: DomainRoutes = {
  routes: [{ path: 'account', element: <AccountPage /> }],
  menu: [],
};
