import type { DomainRoutes } from '../../../routing';

/** The bookings screens of this area (see ../routes.tsx, which joins the areas). */
export const calendarRoutes: DomainRoutes = { routes: [], bareRoutes: [], menu: [] };
