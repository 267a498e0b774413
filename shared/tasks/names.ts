import { defineNames } from '../contract/define';

export const tasksNames = defineNames({
  operations: ['tasks.mine', 'tasks.ofRequest', 'tasks.complete', 'tasks.reopen'],
  events: ['tasks.changed'],
  permissions: [],
  grants: {},
});
