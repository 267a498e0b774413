import type { DomainRoutes } from '../../../routing';

/** PLACEHOLDER (foundation): the advances area's screens and menu entries. */
export const advancesRoutes: DomainRoutes = {
  routes: [],
  bareRoutes: [],
  menu: [],
};
