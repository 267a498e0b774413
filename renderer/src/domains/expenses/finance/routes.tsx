import type { DomainRoutes } from '../../../routing';

/** PLACEHOLDER (foundation): the finance area's screens and menu entries. */
export const financeRoutes: DomainRoutes = {
  routes: [],
  bareRoutes: [],
  menu: [],
};
