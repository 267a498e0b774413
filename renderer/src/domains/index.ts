import type { DomainRoutes } from '../routing';
import { approvalsRoutes } from './approvals/routes';
import { auditRoutes } from './audit/routes';
import { backupsRoutes } from './backups/routes';
import { bookingsRoutes } from './bookings/routes';
import { authRoutes } from './auth/routes';
import { delegationsRoutes } from './delegations/routes';
import { departmentsRoutes } from './departments/routes';
import { expensesRoutes } from './expenses/routes';
import { frontdeskRoutes } from './frontdesk/routes';
import { homeRoutes } from './home/routes';
import { policyRoutes } from './policy/routes';
import { requestsRoutes } from './requests/routes';
import { settingsRoutes } from './settings/routes';
import { tasksRoutes } from './tasks/routes';
import { usersRoutes } from './users/routes';

/** Every domain's screens and menu entries, one line each. */
export const DOMAIN_ROUTES: readonly DomainRoutes[] = [
  homeRoutes,
  authRoutes,
  requestsRoutes,
  approvalsRoutes,
  bookingsRoutes,
  delegationsRoutes,
  usersRoutes,
  departmentsRoutes,
  auditRoutes,
  policyRoutes,
  settingsRoutes,
  backupsRoutes,
  tasksRoutes,
  frontdeskRoutes,
  expensesRoutes,
];
