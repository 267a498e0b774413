import { ScheduleOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../../lazy';
import type { DomainRoutes } from '../../../routing';

const ToPlanPage = lazyScreen(() => import('./ToPlanPage'), 'ToPlanPage');
const PlanPage = lazyScreen(() => import('./PlanPage'), 'PlanPage');

/** The plan area: 待预订 (the admin office's main bookings entry) and each request's plan. */
export const planRoutes: DomainRoutes = {
  routes: [
    { path: 'bookings', element: <ToPlanPage />, permission: 'bookings.read' },
    { path: 'bookings/plan/:requestId', element: <PlanPage />, permission: 'bookings.read' },
  ],
  bareRoutes: [],
  menu: [
    {
      path: '/bookings',
      labelKey: 'bookingsPlan.nav',
      icon: <ScheduleOutlined />,
      permission: 'bookings.read',
      // After 全部接待 (30), before 审批委托 (40).
      order: 31,
    },
  ],
};
