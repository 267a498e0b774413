import { defineNames } from '../contract/define';

export const notificationsNames = defineNames({
  operations: ['notifications.list', 'notifications.markRead', 'notifications.markAllRead'],
  events: ['notifications.created'],
  permissions: [],
  grants: {},
});
