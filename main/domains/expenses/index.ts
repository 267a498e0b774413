// Cash advances and reconciliations are approved through the generic engine: each subject file
// registers its adapter when loaded.
import './advance-subject';
import './reconciliation-subject';

export { expensesHandlers } from './handlers';
// Expense lines own their receipts through the attachments module.
export { lineAsAttachmentOwner } from './receipts';
