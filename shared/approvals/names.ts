import { defineNames } from '../contract/define';

export const approvalsNames = defineNames({
  operations: [
    'approvals.inbox',
    'approvals.decided',
    'approvals.count',
    'approvals.decide',
    'approvals.transfer',
    'approvals.comment',
    'approvals.remind',
    'approvals.candidates',
    'approvals.impact',
    'approvals.unstaffed',
    'approvals.reassignees',
    'approvals.reassign',
  ],
  /** An approval task appeared or went away: refresh inbox, badge and the subject. */
  events: ['approvals.changed'],
  /**
   * Decide approval steps (and name a delegate for them); see the steps nobody can act on and
   * reassign any pending step (issue 7: nothing waits forever).
   */
  permissions: ['approvals.decide', 'approvals.reassign'],
  grants: {
    dept_head: ['approvals.decide'],
    executive: ['approvals.decide'],
    admin_office: ['approvals.decide', 'approvals.reassign'],
    // Finance verifies cash advances and reconciliations (their `finance` steps).
    finance: ['approvals.decide'],
    sysadmin: ['approvals.reassign'],
  },
});
