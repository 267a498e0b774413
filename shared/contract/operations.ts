import type * as z from 'zod';
import { approvalsOperations, type ApprovalsEvents } from '../approvals/contract';
import { attachmentsOperations } from '../attachments/contract';
import { auditOperations } from '../audit/contract';
import { bookingsOperations, type BookingsEvents } from '../bookings/contract';
import { frontdeskOperations, type FrontdeskEvents } from '../frontdesk/contract';
import { expensesOperations, type ExpensesEvents } from '../expenses/contract';
import { exportsOperations, type ExportsEvents } from '../exports/contract';
import { backupsOperations } from '../backups/contract';
import { authOperations, type AuthEvents } from '../auth/contract';
import { delegationsOperations } from '../delegations/contract';
import { departmentsOperations } from '../departments/contract';
import { notificationsOperations, type NotificationsEvents } from '../notifications/contract';
import { policyOperations } from '../policy/contract';
import { requestsOperations } from '../requests/contract';
import { settingsOperations } from '../settings/contract';
import { setupOperations } from '../setup/contract';
import { tasksOperations, type TasksEvents } from '../tasks/contract';
import { usersOperations } from '../users/contract';
import type { EventName, OperationName } from './names';
import type { OperationSpec } from './spec';

/** Every operation of every domain, one line each. */
export const OPERATIONS = {
  ...authOperations,
  ...usersOperations,
  ...departmentsOperations,
  ...auditOperations,
  ...settingsOperations,
  ...notificationsOperations,
  ...policyOperations,
  ...requestsOperations,
  ...approvalsOperations,
  ...delegationsOperations,
  ...attachmentsOperations,
  ...setupOperations,
  ...bookingsOperations,
  ...tasksOperations,
  ...frontdeskOperations,
  ...expensesOperations,
  ...exportsOperations,
  ...backupsOperations,
} satisfies Record<OperationName, OperationSpec<z.ZodType, unknown>>;

/** Payloads of main → renderer events, one line per domain that has events. */
export interface EventPayloads
  extends
    AuthEvents,
    NotificationsEvents,
    ApprovalsEvents,
    BookingsEvents,
    TasksEvents,
    FrontdeskEvents,
    ExpensesEvents,
    ExportsEvents {}

export type Operations = typeof OPERATIONS;
export type OpInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type OpParsed<N extends OperationName> = z.output<Operations[N]['input']>;
export type OpOutput<N extends OperationName> =
  Operations[N] extends OperationSpec<z.ZodType, infer O> ? O : never;
export type EventPayload<E extends EventName> = EventPayloads[E];
