import { StopOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../../lazy';
import type { DomainRoutes } from '../../../routing';

const WatchlistPage = lazyScreen(() => import('./WatchlistPage'), 'WatchlistPage');

/** 黑名单: the admin office keeps the people and organisations the front desk must stop. */
export const watchlistRoutes: DomainRoutes = {
  routes: [
    { path: 'frontdesk/watchlist', element: <WatchlistPage />, permission: 'frontdesk.watch' },
  ],
  bareRoutes: [],
  menu: [
    {
      path: '/frontdesk/watchlist',
      labelKey: 'frontdeskWatch.nav',
      icon: <StopOutlined />,
      permission: 'frontdesk.watch',
      // After the bookings catalogue (36), before 审批委托 (40).
      order: 37,
    },
  ],
};
