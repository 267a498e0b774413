import type { DomainRoutes } from '../../../routing';

/** PLACEHOLDER (foundation): the reconcile area's screens and menu entries. */
export const reconcileRoutes: DomainRoutes = {
  routes: [],
  bareRoutes: [],
  menu: [],
};
