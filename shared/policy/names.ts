import { defineNames } from '../contract/define';

export const policyNames = defineNames({
  operations: ['policy.get', 'policy.update'],
  events: [],
  /** Edit the reception policy (a new version each time). */
  permissions: ['policy.manage'],
  grants: { sysadmin: ['policy.manage'] },
});
