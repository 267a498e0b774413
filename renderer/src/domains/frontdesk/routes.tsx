import type { DomainRoutes } from '../../routing';
import { deskRoutes } from './desk/routes';
import { privacyRoutes } from './privacy/routes';
import { walkInRoutes } from './walkins/routes';
import { watchlistRoutes } from './watchlist/routes';

/**
 * The front desk: the day's board, check-in and check-out, badges and the on-site list; walk-ins
 * (the desk registers, the host answers); the watchlist; the privacy notice and retention.
 */
const AREAS: readonly DomainRoutes[] = [deskRoutes, walkInRoutes, watchlistRoutes, privacyRoutes];

export const frontdeskRoutes: DomainRoutes = {
  routes: AREAS.flatMap((a) => a.routes),
  bareRoutes: AREAS.flatMap((a) => a.bareRoutes ?? []),
  menu: AREAS.flatMap((a) => a.menu),
};
