import type { expensesNames } from '../../../shared/expenses/names';
import type { DomainHandlers } from '../../core/handler';
import { advanceHandlers } from './advances';
import { financeHandlers } from './finance';
import { lineHandlers } from './lines';
import { reconciliationHandlers } from './reconciliation';

export type ExpensesOp = (typeof expensesNames.operations)[number];

/** One handler per operation, from the area that owns it. */
export const expensesHandlers: DomainHandlers<ExpensesOp> = {
  ...lineHandlers,
  ...advanceHandlers,
  ...reconciliationHandlers,
  ...financeHandlers,
};
