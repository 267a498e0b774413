import * as z from 'zod';
import type { NotificationView } from '../contract/types';
import { empty, op } from '../contract/spec';
import { id } from '../validation/fields';

export const notificationsOperations = {
  /** The newest 50, and how many are unread (counted up to 100: the badge shows "99+"). */
  'notifications.list': op<{ items: NotificationView[]; unread: number }>()({
    input: empty,
    access: 'session',
    write: false,
    passive: true,
  }),
  'notifications.markRead': op<null>()({
    input: z.strictObject({ ids: z.array(id).max(500) }),
    access: 'session',
    write: true,
  }),
  /** Every unread notification of the caller, however old. */
  'notifications.markAllRead': op<null>()({
    input: empty,
    access: 'session',
    write: true,
  }),
};

/** The kind of the notification a lockout sends the system administrators. */
export const ACCOUNT_LOCKED_KIND = 'account.locked';

export interface NotificationsEvents {
  'notifications.created': { notification: NotificationView };
}
