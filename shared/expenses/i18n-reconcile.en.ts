import type { expensesReconcileZhCN } from './i18n-reconcile.zh-CN';
import type { Shape } from '../i18n/shape';

/** The reconcile screens' texts, in English. */
export const expensesReconcileEn: Shape<typeof expensesReconcileZhCN> = {
  expensesReconcile: {
    nav: 'Reconciliation',
    inboxTag: 'Reconciliation {{amount}}',
    errors: {
      cancelWithMoney:
        'Visit {{code}} has expense lines or an advance handed out, so it cannot be cancelled: settle it through its reconciliation (with nothing spent, submit it without lines and the advance is returned in full).',
      badState: 'The reconciliation is {{status}}: this is not possible now.',
      visitUnderWay:
        'Visitors are still on site: the visit can be reconciled once everyone has left and it is completed.',
      settled:
        'The visit’s expenses are settled and cannot be submitted again; ask the system administrator to reopen it for a correction.',
      alreadySubmitted: 'The reconciliation has been submitted and is being reviewed.',
      noLines: 'There are no expense lines yet: nothing to submit.',
      blocked:
        'Checks failed ({{count}}: a missing receipt, an invoice used twice …): the reconciliation was not submitted.',
      notSettled: 'Only a settled visit can be archived or reopened.',
      noApprover: {
        dept_head:
          'Cannot submit: nobody can confirm as department head — the department has no active head. Ask the system administrator to set one, then submit.',
        finance:
          'Cannot submit: there is no active finance officer to verify it. Ask the system administrator to give someone the Finance role, then submit.',
        executive: 'Cannot submit: there is no active executive to approve it.',
        admin_office: 'Cannot submit: there is nobody active in the admin office to file it.',
      },
    },
    notice: {
      stepApproved: '{{by}} confirmed the reconciliation of visit {{code}} ({{org}})',
      returned: 'The reconciliation of visit {{code}} was returned by {{by}}: {{reason}}',
      lineReturned:
        'The reconciliation of visit {{code}} was returned by {{by}} ({{vendor}} {{amountFen}}): {{reason}}',
      reopened:
        'The system administrator {{by}} reopened the reconciliation of visit {{code}}: {{reason}}',
      settled: {
        toReturn:
          'Visit {{code}} is settled: advance {{advanceFen}}, paid by the company {{companyPaysFen}}, to return {{toReturnFen}}',
        toReimburse:
          'Visit {{code}} is settled: advance {{advanceFen}}, paid by the company {{companyPaysFen}}, the company owes you {{toReimburseFen}}',
        even: 'Visit {{code}} is settled: advance {{advanceFen}}, paid by the company {{companyPaysFen}}, nothing to return or reimburse',
      },
    },
    panel: {
      title: 'Reconciliation',
      status: 'Status',
      revision: 'Round {{revision}}',
      submittedAt: 'Submitted',
      settledAt: 'Settled',
      checks: 'Checks of the visit',
      noChecks: 'The visit passes every check.',
      clearing: 'Advance clearing',
      clearingPending: 'As the lines stand now (settled when finance approves)',
      clearingSettled: 'As settled',
      suppliesToReturn: 'Supplies whose return is not recorded yet',
      supplyBooking: 'Supply booking #{{id}}: {{label}}',
      returnedTitle: 'Returned by finance',
      returnedLine: 'Line returned: {{vendor}} {{amountFen}}',
      returnReason: 'Reason: {{reason}}',
      submit: 'Submit the reconciliation',
      resubmit: 'Resubmit',
      submitConfirm:
        'The department head confirms it, then finance verifies it; the lines cannot be changed meanwhile. Submit now?',
      submitted: 'The reconciliation was submitted',
      steps: 'Review',
      noSteps: 'Not submitted for review yet.',
      financeLines: 'Verify the lines',
      financeHint: 'A line with a problem can be returned to the host on its own.',
      returnThis: 'Return this line',
      returnTitle: 'Return the line: {{vendor}} {{amountFen}}',
      returnReasonLabel: 'Reason',
      returnReasonPlaceholder: 'What must be corrected or added',
      returnOk: 'Return',
      returnedOk: 'The line was returned',
      archive: 'Archive',
      archiveConfirm:
        'An archived visit is read-only; only the system administrator can reopen it. Archive now?',
      archived: 'Archived',
      archivedNote: 'This visit is archived and read-only.',
      reopen: 'Reopen',
      reopenTitle: 'Reopen a settled visit',
      reopenHint:
        'The host may then change the lines and submit again. The reopening is recorded in the audit log.',
      reopenReason: 'Why it is reopened',
      reopenOk: 'Reopen',
      reopened: 'Reopened',
      print: 'Print the reconciliation form',
      date: 'Date',
      vendor: 'Vendor',
      amount: 'Amount',
      category: 'Category',
    },
    print: {
      title: 'Reception Expense Reconciliation Form',
      back: 'Back',
      printButton: 'Print',
      hint: 'Print on A4, portrait.',
      notSettled: 'Not settled',
      loadFailed: 'The form could not be loaded.',
      code: 'Request no.',
      status: 'Status',
      printedAt: 'Printed {{time}}',
      summary: 'The visit',
      org: 'Organisation',
      tier: 'Tier',
      host: 'Host',
      department: 'Department',
      dates: 'Dates',
      datesValue: '{{from}} to {{to}}',
      visitors: 'Visitors',
      budget: 'Approved budget',
      lines: 'Expense lines',
      index: 'No.',
      date: 'Date',
      category: 'Category',
      vendor: 'Vendor',
      invoice: 'Invoice',
      paidBy: 'Paid by',
      people: 'People',
      amount: 'Amount',
      borneByHost: 'Host bears',
      company: 'Company',
      noLines: 'No expense lines',
      total: 'Total',
      totalCapitals: 'Total in words (大写)',
      companyCapitals: 'Company share in words (大写)',
      clearing: 'Advance clearing',
      advance: 'Advance',
      companyPays: 'Paid by the company (its share of what the host paid)',
      cardOwed: 'Host’s share of company-card lines',
      toReturn: 'To return to the company',
      toReimburse: 'The company reimburses',
      approvals: 'Review',
      step: 'Step',
      decidedBy: 'By',
      decision: 'Decision',
      decidedAt: 'When',
      comment: 'Comment',
      noApprovals: 'Not reviewed yet',
      signatures: 'Signatures',
      signHost: 'Prepared by (host)',
      signHead: 'Department head',
      signFinance: 'Finance',
      signCashier: 'Cashier',
      signDate: 'Date:',
    },
    clearing: {
      toReturn:
        'Advance {{advanceFen}}, paid by the company {{companyPaysFen}}, to return {{toReturnFen}}',
      toReimburse:
        'Advance {{advanceFen}}, paid by the company {{companyPaysFen}}, to reimburse {{toReimburseFen}}',
      even: 'Advance {{advanceFen}}, paid by the company {{companyPaysFen}}, nothing to return or reimburse',
      cardOwed:
        'Of that, {{cardOwedFen}} over the cap paid with the company card is borne by the host (included in what to return).',
    },
  },
  audit: {
    field: {
      amountFen: 'Amount',
      lines: 'Lines',
      vendor: 'Vendor',
    },
  },
  entities: {
    // The approval engine's entries name a reconciliation by its subject type.
    reconciliation: 'Reconciliation',
  },
  requestViews: {
    event: {
      aboutReconciliation: 'Expense reconciliation',
      reconciliation_submitted: 'submitted the reconciliation',
      settled: 'the reconciliation was settled',
      archived: 'archived',
      reopened: 'reopened the reconciliation',
    },
  },
  // The approval engine's notices about a reconciliation: it names itself (its params carry
  // `context: 'reconciliation'`, so i18next reads notifications.approvalTask_reconciliation, …).
  notifications: {
    approvalTask_reconciliation: 'To verify: the expense reconciliation of visit {{code}} {{org}}',
    approvalTransferred_reconciliation:
      '{{by}} passed the verification of the expense reconciliation of visit {{code}} {{org}} to you',
    approvalReminder_reconciliation:
      '{{by}} asks you to decide on the expense reconciliation of visit {{code}} {{org}}',
    approvalUnstaffed_reconciliation:
      'Nobody can verify the expense reconciliation of visit {{code}} {{org}}: assign an approver',
  },
};
