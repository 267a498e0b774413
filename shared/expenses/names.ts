import { defineNames } from '../contract/define';

/**
 * Post-visit money (issue 12): cash advances (借款), expense lines with receipts, their checks
 * against the tier cap of the people who really came, the reconciliation (报帐核销) through the
 * approval engine, finance's queue and period reports, and the dashboard.
 */
export const expensesNames = defineNames({
  operations: [
    // A visit's money: advances, lines, checks, budget vs actual, reconciliation (one read).
    'expenses.visit',
    // Cash advances.
    'expenses.saveAdvance',
    'expenses.cancelAdvance',
    'expenses.issueAdvance',
    'expenses.advances',
    // Expense lines.
    'expenses.saveLine',
    'expenses.deleteLine',
    'expenses.grantException',
    // Reconciliation.
    'expenses.submit',
    'expenses.returnLine',
    'expenses.archive',
    'expenses.reopen',
    'expenses.reconciliations',
    // Finance: period views, the lines behind every figure, the dashboard.
    'expenses.report',
    'expenses.lines',
    'expenses.dashboard',
  ],
  /** A visit's money changed (a line, an advance, the reconciliation): its pages read again. */
  events: ['expenses.changed'],
  permissions: [
    /** Ask for advances, record expense lines and submit the reconciliation of one's own visits. */
    'expenses.record',
    /** Issue advances, see every visit's money, verify reconciliations, archive settled visits. */
    'expenses.finance',
    /** Period reports, the lines behind them and the dashboard. */
    'expenses.report',
    /** Grant exceptions: over the cap, arranged outside the process, company-paid lodging. */
    'expenses.except',
    /** Reopen a settled or archived visit (audited). */
    'expenses.reopen',
  ],
  grants: {
    host: ['expenses.record'],
    finance: ['expenses.finance', 'expenses.report'],
    executive: ['expenses.report', 'expenses.except'],
    admin_office: ['expenses.report'],
    sysadmin: ['expenses.reopen'],
  },
});
