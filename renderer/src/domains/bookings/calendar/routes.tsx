import { CalendarOutlined, ScheduleOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../../lazy';
import type { DomainRoutes } from '../../../routing';

const CalendarPage = lazyScreen(() => import('./CalendarPage'), 'CalendarPage');
const TodayPage = lazyScreen(() => import('./TodayPage'), 'TodayPage');
const TripSheetPage = lazyScreen(() => import('./SheetPages'), 'TripSheetPage');
const RoomSheetPage = lazyScreen(() => import('./SheetPages'), 'RoomSheetPage');

/** The calendar, the admin office's 今日安排 and the printed day sheets (see ../routes.tsx). */
export const calendarRoutes: DomainRoutes = {
  routes: [
    { path: 'bookings/calendar', element: <CalendarPage />, permission: 'bookings.read' },
    { path: 'bookings/today', element: <TodayPage />, permission: 'bookings.read' },
  ],
  // The printable sheets: no sidebar, A4 print CSS.
  bareRoutes: [
    { path: 'bookings/print/trips/:date', element: <TripSheetPage />, permission: 'bookings.read' },
    { path: 'bookings/print/rooms/:date', element: <RoomSheetPage />, permission: 'bookings.read' },
  ],
  menu: [
    {
      path: '/bookings/today',
      labelKey: 'bookingsCalendar.nav.today',
      icon: <ScheduleOutlined />,
      permission: 'bookings.read',
      // After 接待预订 (31); then the calendar, 空闲查询 and 资源目录; before 代理审批 (40).
      order: 32,
    },
    {
      path: '/bookings/calendar',
      labelKey: 'bookingsCalendar.nav.calendar',
      icon: <CalendarOutlined />,
      permission: 'bookings.read',
      order: 33,
    },
  ],
};
