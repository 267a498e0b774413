import type { DomainHandlers } from '../../core/handler';
import { AppError } from '../../core/errors';
import type { ExpensesOp } from './handlers';

// PLACEHOLDER (foundation): the area's helper replaces these stubs.
const todo = (): never => {
  throw new AppError('NOT_FOUND', 'errors.requestNotFound');
};

export const financeHandlers: Pick<
  DomainHandlers<ExpensesOp>,
  'expenses.reconciliations' | 'expenses.report' | 'expenses.lines' | 'expenses.dashboard'
> = {
  'expenses.reconciliations': async () => todo(),
  'expenses.report': async () => todo(),
  'expenses.lines': async () => todo(),
  'expenses.dashboard': async () => todo(),
};
