import { defineNames } from '../contract/define';

export const notificationsNames = defineNames({
  operations: ['notifications.list', 'notifications.markRead'],
  events: ['notifications.created'],
  permissions: [],
  grants: {},
});
