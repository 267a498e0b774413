import type { DomainRoutes } from '../../../routing';
import { PrintFormPage } from './PrintFormPage';

/** The printed 接待费用报销核销单 of a visit (bare: outside the app layout, like the request's form). */
export const reconcileRoutes: DomainRoutes = {
  routes: [],
  bareRoutes: [{ path: 'expenses/:requestId/print', element: <PrintFormPage /> }],
  menu: [],
};
