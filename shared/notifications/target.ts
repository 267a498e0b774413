/**
 * Where a notification leads: the record it is about, or the page where its reader acts on it.
 * Stored with the notification (JSON); the bell opens `targetPath` and marks it read.
 */
export type NotificationTarget =
  | { type: 'request'; id: number }
  /** A walk-in at the front desk: its host's answer page. */
  | { type: 'walkIn'; id: number }
  | { type: 'users' | 'account' };

/** The app's path for a target; null: the notification leads nowhere (older ones). */
export function targetPath(target: NotificationTarget | null): string | null {
  if (!target) return null;
  switch (target.type) {
    case 'request':
      return `/requests/${target.id}`;
    case 'walkIn':
      return `/walk-ins/${target.id}`;
    case 'users':
      return '/users';
    case 'account':
      return '/account';
  }
}
