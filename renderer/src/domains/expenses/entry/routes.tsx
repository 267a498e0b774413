import { lazyScreen } from '../../../lazy';
import type { DomainRoutes } from '../../../routing';

const VisitMoneyPage = lazyScreen(() => import('./VisitMoneyPage'), 'VisitMoneyPage');

/**
 * 费用报帐 of a visit: its lines, receipts, checks and budget against the actuals, with the
 * advances and the reconciliation beside them. Anyone signed in may open it: main answers "not
 * found" to whoever may not read the visit's money.
 */
export const entryRoutes: DomainRoutes = {
  routes: [{ path: 'expenses/:requestId', element: <VisitMoneyPage /> }],
  bareRoutes: [],
  menu: [],
};
