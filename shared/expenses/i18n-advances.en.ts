import type { expensesAdvancesZhCN } from './i18n-advances.zh-CN';
import type { Shape } from '../i18n/shape';

/** The advances screens' texts, in English. */
export const expensesAdvancesEn: Shape<typeof expensesAdvancesZhCN> = {
  expensesAdvances: {
    nav: 'Cash advances',
    title: 'Cash advances',
    empty: 'No cash advance for this visit yet.',
    limit:
      'Advances may total {{sharePct}}% of the approved budget of {{budgetFen}}, i.e. {{limitFen}}; {{availableFen}} is still available.',
    ask: 'Ask for an advance',
    edit: 'Change and resubmit',
    amount: 'Amount (CNY)',
    purpose: 'Purpose',
    purposePlaceholder: 'e.g. meals and transport during the visit',
    submit: 'Submit for approval',
    cancel: 'Withdraw',
    cancelConfirm:
      'Withdraw advance {{advance}} ({{amountFen}})? Its approval stops and it cannot be restored.',
    issue: 'Issue',
    issueTitle: 'Issue advance {{code}}-{{advance}}',
    issuedOn: 'Issued on',
    method: 'Method',
    seq: 'Advance {{advance}}',
    requestedBy: 'Asked by {{name}} on {{at}}',
    issuedBy: 'Issued by {{name}} on {{date}} ({{method}})',
    chain: 'Approval: ',
    inboxTag: 'Advance {{amount}}',
    page: {
      title: 'Cash advances',
      toIssue: 'To issue',
      outstanding: 'Issued, not cleared',
      emptyToIssue: 'No advance is waiting to be issued.',
      emptyOutstanding: 'No issued advance is outstanding.',
      code: 'Request no.',
      org: 'Organisation',
      host: 'Host',
      department: 'Department',
      amount: 'Amount',
      requestedAt: 'Asked on',
      issued: 'Issued',
      actions: 'Actions',
      more: 'Load more',
      total: '{{count}} in all',
    },
    errors: {
      overShare:
        'Advances may total at most {{sharePct}}% of the approved budget ({{limitFen}}); other advances already take {{otherFen}}, so at most {{availableFen}} can be asked.',
      notReturned: 'Only a returned advance can be changed and resubmitted.',
      notCancellable: 'This advance has been issued or is closed; it cannot be withdrawn.',
      notApproved: 'This advance is not approved (or already issued); it cannot be issued.',
      issuedInFuture: 'The issue date cannot be later than today.',
      visitCancelled: 'The visit is cancelled: no advance can be asked for or changed.',
      reconciling:
        "This visit's expenses have been submitted for reconciliation; advances can no longer be asked for or changed.",
      noApprover: {
        dept_head:
          'Cannot submit: nobody can give the department head approval. Ask the system administrator to set a department head, then submit again.',
        executive:
          'Cannot submit: there is no active executive who could approve. Ask the system administrator.',
        admin_office:
          'Cannot submit: there is nobody active in the admin office to file it. Ask the system administrator.',
        finance:
          'Cannot submit: there is no active finance officer to approve advances. Ask the system administrator to create one (role "Finance"), then submit again.',
      },
    },
    notices: {
      approved:
        'Advance approved: {{code}} advance {{advance}} ({{amount}}); finance will issue it.',
      returned: 'Advance returned: {{code}} advance {{advance}} ({{amount}}), {{by}}: {{reason}}',
      rejected: 'Advance rejected: {{code}} advance {{advance}} ({{amount}}), {{by}}: {{reason}}',
      cancelled: '{{by}} withdrew an advance: {{code}} advance {{advance}} ({{amount}})',
      issued: 'Advance issued: {{code}} advance {{advance}} ({{amount}}) on {{issuedOn}}.',
    },
    policy: {
      advanceShare: 'Advance limit (% of the approved budget)',
      advanceShareHelp:
        "A visit's advances together may not exceed this share of its approved budget.",
    },
  },
  // The audit log's labels of what an advance's entries keep.
  audit: {
    field: {
      advance: 'Advance no.',
      advanceAmount: 'Advance amount (CNY)',
      advancePurpose: 'Purpose of the advance',
      issuedOn: 'Issued on',
      issueMethod: 'Issued by way of',
    },
  },
  // The visit's timeline names the advance a decision was about (with its amount).
  requestViews: {
    event: {
      aboutAdvance: 'Advance {{advance}} ({{amount}})',
    },
  },
  // The approval engine's notices about an advance: the advance names itself (its params carry
  // `context: 'advance'`, so i18next reads notifications.approvalTask_advance, …).
  notifications: {
    approvalTask_advance: 'To approve: an advance of {{amount}} for visit {{code}} {{org}}',
    approvalTransferred_advance:
      '{{by}} passed the approval of an advance of {{amount}} for visit {{code}} {{org}} to you',
    approvalReminder_advance:
      '{{by}} asks you to decide on an advance of {{amount}} for visit {{code}} {{org}}',
    approvalUnstaffed_advance:
      'Nobody can approve the advance of {{amount}} for visit {{code}} {{org}}: assign an approver',
  },
};
