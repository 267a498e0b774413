/**
 * Operation and event names only, without schemas: the preload bundles this list to refuse
 * anything else, and must stay small. A test checks it equals the keys of `OPERATIONS`.
 */
export const OPERATION_NAMES = [
  'system.health',
  'setup.status',
  'setup.createAdmin',
  'auth.login',
  'auth.logout',
  'auth.session',
  'auth.lock',
  'auth.unlock',
  'auth.touch',
  'auth.changePassword',
  'auth.setLanguage',
  'users.list',
  'users.create',
  'users.update',
  'users.resetPassword',
  'users.unlock',
  'departments.list',
  'departments.create',
  'departments.update',
  'departments.delete',
  'audit.list',
  'settings.get',
  'settings.update',
  'notifications.list',
  'notifications.markRead',
  'policy.get',
  'policy.update',
  'requests.preview',
  'requests.saveDraft',
  'requests.submit',
  'requests.cancel',
  'requests.get',
  'requests.list',
  'approvals.inbox',
  'approvals.count',
  'approvals.decide',
  'approvals.transfer',
  'approvals.comment',
  'approvals.candidates',
  'delegations.list',
  'delegations.create',
  'delegations.revoke',
] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

export const EVENT_NAMES = ['notifications.created', 'approvals.changed'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && (OPERATION_NAMES as readonly string[]).includes(name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}
