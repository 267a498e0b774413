// Cash advances and reconciliations are approved through the generic engine: each subject file
// registers its adapter when loaded.
import './advance-subject';
import './reconciliation-subject';

export { expensesHandlers } from './handlers';
// Expense lines own their receipts through the attachments module.
export { lineAsAttachmentOwner } from './receipts';
// The approved budget by category, kept when a request's round is approved (the dashboard's).
export { recordApprovedBudget } from './budgets';
// A cancelled visit withdraws its advances not handed out (in the cancel's transaction).
export { moneyMovedOn, withdrawAdvancesOf } from './advances';
