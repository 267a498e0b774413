import { defineNames } from '../contract/define';

export const departmentsNames = defineNames({
  operations: [
    'departments.list',
    'departments.create',
    'departments.update',
    'departments.delete',
  ],
  events: [],
  permissions: ['departments.manage'],
  grants: { sysadmin: ['departments.manage'] },
});
