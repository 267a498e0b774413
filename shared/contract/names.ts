import { approvalsNames } from '../approvals/names';
import { attachmentsNames } from '../attachments/names';
import { auditNames } from '../audit/names';
import { bookingsNames } from '../bookings/names';
import { authNames } from '../auth/names';
import { delegationsNames } from '../delegations/names';
import { departmentsNames } from '../departments/names';
import { expensesNames } from '../expenses/names';
import { exportsNames } from '../exports/names';
import { backupsNames } from '../backups/names';
import { frontdeskNames } from '../frontdesk/names';
import { notificationsNames } from '../notifications/names';
import { policyNames } from '../policy/names';
import { requestsNames } from '../requests/names';
import { settingsNames } from '../settings/names';
import { setupNames } from '../setup/names';
import { tasksNames } from '../tasks/names';
import { usersNames } from '../users/names';

/**
 * Every domain's names, one line each. Names only, without schemas: the preload bundles this list
 * to refuse anything else, and must stay small. A test checks it equals the keys of `OPERATIONS`.
 */
export const DOMAIN_NAMES = [
  authNames,
  usersNames,
  departmentsNames,
  auditNames,
  settingsNames,
  notificationsNames,
  policyNames,
  requestsNames,
  approvalsNames,
  delegationsNames,
  attachmentsNames,
  setupNames,
  bookingsNames,
  tasksNames,
  frontdeskNames,
  expensesNames,
  exportsNames,
  backupsNames,
] as const;

type Domain = (typeof DOMAIN_NAMES)[number];
export type OperationName = Domain['operations'][number];
export type EventName = Domain['events'][number];
export type PermissionName = Domain['permissions'][number];

export const OPERATION_NAMES: readonly OperationName[] = DOMAIN_NAMES.flatMap((d) => d.operations);
export const EVENT_NAMES: readonly EventName[] = DOMAIN_NAMES.flatMap((d) => d.events);
export const PERMISSION_NAMES: readonly PermissionName[] = DOMAIN_NAMES.flatMap(
  (d) => d.permissions,
);

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && (OPERATION_NAMES as readonly string[]).includes(name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}
