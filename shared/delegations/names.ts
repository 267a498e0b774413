import { defineNames } from '../contract/define';

export const delegationsNames = defineNames({
  operations: ['delegations.list', 'delegations.create', 'delegations.revoke'],
  events: [],
  permissions: [],
  grants: {},
});
