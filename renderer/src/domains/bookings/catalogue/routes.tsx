import { AppstoreOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../../lazy';
import type { DomainRoutes } from '../../../routing';

const CataloguePage = lazyScreen(() => import('./CataloguePage'), 'CataloguePage');
const FreePage = lazyScreen(() => import('./FreePage'), 'FreePage');

/** 资源目录 (resources and booking rules) and 空闲查询: for the admin office and the readers. */
export const catalogueRoutes: DomainRoutes = {
  routes: [
    { path: 'bookings/catalogue', element: <CataloguePage />, permission: 'bookings.read' },
    { path: 'bookings/free', element: <FreePage />, permission: 'bookings.read' },
  ],
  bareRoutes: [],
  menu: [
    {
      path: '/bookings/free',
      labelKey: 'bookingsCatalogue.nav.free',
      icon: <FieldTimeOutlined />,
      permission: 'bookings.read',
      // After 接待预订, 今日安排 and the calendar (31–33), before 审批委托 (40).
      order: 34,
    },
    {
      path: '/bookings/catalogue',
      labelKey: 'bookingsCatalogue.nav.catalogue',
      icon: <AppstoreOutlined />,
      permission: 'bookings.read',
      order: 36,
    },
  ],
};
