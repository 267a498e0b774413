import type { DomainRoutes } from '../../routing';
import { advancesRoutes } from './advances/routes';
import { entryRoutes } from './entry/routes';
import { financeRoutes } from './finance/routes';
import { reconcileRoutes } from './reconcile/routes';

/**
 * Post-visit money: the host's expense entry per visit (lines, receipts, advances, submission),
 * finance's advances, queue, period reports and the dashboard, and the printed 核销单.
 */
const AREAS: readonly DomainRoutes[] = [
  entryRoutes,
  advancesRoutes,
  reconcileRoutes,
  financeRoutes,
];

export const expensesRoutes: DomainRoutes = {
  routes: AREAS.flatMap((a) => a.routes),
  bareRoutes: AREAS.flatMap((a) => a.bareRoutes ?? []),
  menu: AREAS.flatMap((a) => a.menu),
};
