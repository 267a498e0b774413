import { defineNames } from '../contract/define';

export const usersNames = defineNames({
  operations: [
    'users.list',
    'users.directory',
    'users.create',
    'users.update',
    'users.resetPassword',
    'users.unlock',
  ],
  events: [],
  permissions: [
    'users.manage',
    /** Read the people and departments lists (pickers, names on screens). */
    'directory.read',
  ],
  grants: {
    host: ['directory.read'],
    dept_head: ['directory.read'],
    executive: ['directory.read'],
    admin_office: ['directory.read'],
    front_desk: ['directory.read'],
    finance: ['directory.read'],
    sysadmin: ['directory.read', 'users.manage'],
  },
});
