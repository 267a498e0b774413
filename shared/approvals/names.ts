import { defineNames } from '../contract/define';

export const approvalsNames = defineNames({
  operations: [
    'approvals.inbox',
    'approvals.count',
    'approvals.decide',
    'approvals.transfer',
    'approvals.comment',
    'approvals.candidates',
    'approvals.impact',
  ],
  /** An approval task appeared or went away: refresh inbox, badge and the subject. */
  events: ['approvals.changed'],
  /** Decide approval steps (and name a delegate for them). */
  permissions: ['approvals.decide'],
  grants: {
    dept_head: ['approvals.decide'],
    executive: ['approvals.decide'],
    admin_office: ['approvals.decide'],
  },
});
