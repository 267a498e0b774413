import type { OperationName } from '../../shared/contract/names';
import type { DomainHandlers } from '../core/handler';
import { approvalsHandlers } from '../domains/approvals';
import { attachmentsHandlers } from '../domains/attachments';
import { auditHandlers } from '../domains/audit';
import { bookingsHandlers } from '../domains/bookings';
import { authHandlers } from '../domains/auth';
import { delegationsHandlers } from '../domains/delegations';
import { departmentsHandlers } from '../domains/departments';
import { notificationsHandlers } from '../domains/notifications';
import { policyHandlers } from '../domains/policy';
import { requestsHandlers } from '../domains/requests';
import { settingsHandlers } from '../domains/settings';
import { setupHandlers } from '../domains/setup';
import { tasksHandlers } from '../domains/tasks';
import { frontdeskHandlers } from '../domains/frontdesk';
import { expensesHandlers } from '../domains/expenses';
import { exportsHandlers } from '../domains/exports';
import { backupsHandlers } from '../domains/backups';
import { usersHandlers } from '../domains/users';

/** Every domain's handlers, one line each: the compiler fails if an operation has none. */
export const HANDLERS: DomainHandlers<OperationName> = {
  ...authHandlers,
  ...usersHandlers,
  ...departmentsHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...notificationsHandlers,
  ...policyHandlers,
  ...requestsHandlers,
  ...approvalsHandlers,
  ...delegationsHandlers,
  ...attachmentsHandlers,
  ...setupHandlers,
  ...bookingsHandlers,
  ...tasksHandlers,
  ...frontdeskHandlers,
  ...expensesHandlers,
  ...exportsHandlers,
  ...backupsHandlers,
};
