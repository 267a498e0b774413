import type { DomainRoutes } from '../../routing';
import { calendarRoutes } from './calendar/routes';
import { catalogueRoutes } from './catalogue/routes';
import { planRoutes } from './plan/routes';

/** Bookings: the catalogue, the plans and booking forms, the calendar and day sheets. */
const AREAS: readonly DomainRoutes[] = [planRoutes, calendarRoutes, catalogueRoutes];

export const bookingsRoutes: DomainRoutes = {
  routes: AREAS.flatMap((a) => a.routes),
  bareRoutes: AREAS.flatMap((a) => a.bareRoutes ?? []),
  menu: AREAS.flatMap((a) => a.menu),
};
