import type { AuthTables } from '../domains/auth/tables';
import type { UsersTables } from '../domains/users/tables';
import type { DepartmentsTables } from '../domains/departments/tables';
import type { AuditTables } from '../domains/audit/tables';
import type { SettingsTables } from '../domains/settings/tables';
import type { NotificationsTables } from '../domains/notifications/tables';
import type { PolicyTables } from '../domains/policy/tables';
import type { RequestsTables } from '../domains/requests/tables';
import type { ApprovalsTables } from '../domains/approvals/tables';
import type { DelegationsTables } from '../domains/delegations/tables';
import type { AttachmentsTables } from '../domains/attachments/tables';
import type { BookingsTables } from '../domains/bookings/tables';
import type { TasksTables } from '../domains/tasks/tables';
import type { ExpensesTables } from '../domains/expenses/tables';
import type { FrontdeskTables } from '../domains/frontdesk/tables';

/** Kysely's view of every table: each domain declares its own, one line each. */
export interface DB
  extends
    AuthTables,
    UsersTables,
    DepartmentsTables,
    AuditTables,
    SettingsTables,
    NotificationsTables,
    PolicyTables,
    RequestsTables,
    ApprovalsTables,
    DelegationsTables,
    AttachmentsTables,
    BookingsTables,
    TasksTables,
    FrontdeskTables,
    ExpensesTables {}
