import type { DomainRoutes } from '../../../routing';

// PLACEHOLDER (issue 11, in progress): this area's screens are added here (see ../routes.tsx).
export const deskRoutes: DomainRoutes = { routes: [], bareRoutes: [], menu: [] };
