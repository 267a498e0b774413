/**
 * Post-visit money: the vocabulary every area shares. Its keys must match i18n.zh-CN.ts.
 */
import { expensesAdvancesEn } from './i18n-advances.en';
import { expensesEntryEn } from './i18n-entry.en';
import { expensesFinanceEn } from './i18n-finance.en';
import { expensesReconcileEn } from './i18n-reconcile.en';
import { mergeCatalogs } from '../i18n/merge';

const common = {
  expensesHome: {
    title: 'Finance',
    toVerify: 'Reconciliations to verify',
    toIssue: 'Advances to issue',
    outstanding: 'Advances outstanding',
  },
  expenses: {
    invoiceType: {
      vat_special: 'Special VAT invoice',
      vat_ordinary: 'Ordinary VAT invoice',
      electronic: 'Electronic invoice',
      none: 'No invoice',
    },
    paidBy: {
      company_card: 'Company card',
      advance: 'Cash advance',
      host: 'Host personally',
      visitor: 'Visitor',
    },
    issueMethod: { cash: 'Cash', bank_transfer: 'Bank transfer' },
    exceptionKind: {
      over_cap: 'Over-cap exception',
      outside_process: 'Outside-process exception',
      lodging: 'Company-paid lodging',
    },
    advanceStatus: {
      approving: 'In approval',
      approved: 'Approved, not issued',
      issued: 'Issued',
      cleared: 'Cleared',
      returned: 'Returned',
      rejected: 'Rejected',
      cancelled: 'Withdrawn',
    },
    reconciliationStatus: {
      open: 'Not submitted',
      approving: 'In review',
      returned: 'Returned',
      settled: 'Settled',
    },
    hostBears: {
      over_cap: 'Over cap, borne by the host',
      outside_process: 'Outside the process, not reimbursed',
      lodging: 'Lodging not approved, not reimbursed',
    },
    checks: {
      over_cap:
        '{{perHeadFen}} per head, above the tier cap of {{capFen}}; {{overFen}} over the cap is borne by the host.',
      over_canteen:
        '{{perHeadFen}} per head, above the staff-canteen standard of {{capFen}}; {{overFen}} is borne by the host.',
      no_receipt: 'No receipt: upload a photo or PDF of the invoice or receipt.',
      duplicate_invoice:
        'This invoice number is already used by another line ({{codes}}); an invoice is reimbursed once.',
      outside_visit_dates:
        'The date is outside the visit ({{fromDate}} to {{toDate}}, one day either side allowed).',
      outside_process:
        'No approved budget for this category (arranged outside the process): not reimbursed unless an executive allows it.',
      lodging_not_approved:
        'The request did not approve company-paid lodging: not reimbursed unless an executive allows it.',
      attendees_changed:
        'The front desk recorded {{arrived}} visitors; this line says {{entered}}.',
      no_lines: 'No expense lines yet.',
      line_returned: 'Finance returned a line: correct it before submitting again.',
      supplies_not_returned:
        'Supplies issued for the visit are not yet recorded as returned: the admin office records them first.',
      advance_not_issued: 'An approved advance has not been issued.',
      over_budget: 'Actual spend {{actualFen}} is over the budget of {{budgetFen}}.',
    },
    errors: {
      amountPositive: 'The amount must be above 0.',
      noAttendees: 'At least one person must attend.',
      noInvoiceReason: 'Say why there is no invoice.',
      invoiceNoRequired: 'Enter the invoice number.',
      visitNotFound: 'No such visit, or you may not see its money.',
      lineNotFound: 'That expense line does not exist or was deleted.',
      advanceNotFound: 'That advance does not exist.',
      staleLine: 'Someone just changed this line. Refresh and try again.',
      staleAdvance: 'Someone just changed this advance. Refresh and try again.',
      staleReconciliation: 'Someone just changed this reconciliation. Refresh and try again.',
      notEditable:
        'This visit’s expenses cannot be changed now (submitted for review, settled or archived).',
      notHost: 'Only the visit’s host records its expenses and asks for advances.',
      visitNotApproved: 'The visit is not approved yet: no expenses or advances.',
      ownException: 'You cannot grant an exception on a visit you host: ask another executive.',
      periodTooLong: 'A period is at most 10 years long.',
      archived:
        'This visit is archived and read-only; ask the system administrator to reopen it for a correction.',
    },
  },
  entities: {
    // An advance as the approval engine names it (its decisions' audit entries).
    advance: 'Cash advance',
    expense_line: 'Expense line',
    expense_advance: 'Cash advance',
    expense_reconciliation: 'Reconciliation',
  },
  ops: {
    expenses: {
      saveAdvance: 'Ask for a cash advance',
      cancelAdvance: 'Withdraw a cash advance',
      issueAdvance: 'Issue a cash advance',
      saveLine: 'Save an expense line',
      deleteLine: 'Delete an expense line',
      grantException: 'Grant an expense exception',
      submit: 'Submit the reconciliation',
      returnLine: 'Return an expense line',
      archive: 'Archive a visit',
      reopen: 'Reopen a settled visit',
    },
    exports: {
      start: 'Export',
    },
  },
};

// The area parts merge section by section (two parts may both add to `audit` or `entities`; the
// same message twice throws), rather than spread, where a later part would drop an earlier one's.
export const expensesEn = mergeCatalogs(
  expensesEntryEn,
  expensesAdvancesEn,
  expensesReconcileEn,
  expensesFinanceEn,
  common,
);
