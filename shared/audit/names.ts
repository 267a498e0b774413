import { defineNames } from '../contract/define';

export const auditNames = defineNames({
  operations: ['audit.list'],
  events: [],
  permissions: ['audit.read'],
  grants: { sysadmin: ['audit.read'] },
});
