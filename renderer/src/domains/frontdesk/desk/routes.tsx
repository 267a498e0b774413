import { TeamOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../../lazy';
import type { DomainRoutes } from '../../../routing';

const BoardPage = lazyScreen(() => import('./BoardPage'), 'BoardPage');
const EndOfDayPage = lazyScreen(() => import('./EndOfDayPage'), 'EndOfDayPage');
const OnSitePrintPage = lazyScreen(() => import('./OnSitePrintPage'), 'OnSitePrintPage');
const BadgePrintPage = lazyScreen(() => import('./BadgePrintPage'), 'BadgePrintPage');

/** 今日访客 (the board, check-in and check-out), 日终签退, and the printed on-site list and badges. */
export const deskRoutes: DomainRoutes = {
  routes: [
    { path: 'frontdesk', element: <BoardPage />, permission: 'frontdesk.desk' },
    { path: 'frontdesk/end-of-day', element: <EndOfDayPage />, permission: 'frontdesk.desk' },
  ],
  // Printed: no sidebar.
  bareRoutes: [
    {
      path: 'frontdesk/print/on-site',
      element: <OnSitePrintPage />,
      permission: 'frontdesk.desk',
    },
    {
      path: 'frontdesk/print/badges/:day/:requestId',
      element: <BadgePrintPage />,
      permission: 'frontdesk.desk',
    },
  ],
  menu: [
    {
      path: '/frontdesk',
      labelKey: 'frontdeskDesk.nav',
      icon: <TeamOutlined />,
      permission: 'frontdesk.desk',
      // After 全部接待 (30), before 接待预订 (31).
      order: 30.5,
    },
  ],
};
