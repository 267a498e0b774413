import { defineNames } from '../contract/define';

export const settingsNames = defineNames({
  operations: ['settings.get', 'settings.update'],
  events: [],
  permissions: ['settings.manage'],
  grants: { sysadmin: ['settings.manage'] },
});
