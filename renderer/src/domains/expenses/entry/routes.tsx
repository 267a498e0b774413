import type { DomainRoutes } from '../../../routing';

/** PLACEHOLDER (foundation): the entry area's screens and menu entries. */
export const entryRoutes: DomainRoutes = {
  routes: [],
  bareRoutes: [],
  menu: [],
};
