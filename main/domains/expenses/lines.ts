import type { DomainHandlers } from '../../core/handler';
import { AppError } from '../../core/errors';
import type { ExpensesOp } from './handlers';

// PLACEHOLDER (foundation): the area's helper replaces these stubs.
const todo = (): never => {
  throw new AppError('NOT_FOUND', 'errors.requestNotFound');
};

export const lineHandlers: Pick<
  DomainHandlers<ExpensesOp>,
  'expenses.visit' | 'expenses.saveLine' | 'expenses.deleteLine' | 'expenses.grantException'
> = {
  'expenses.visit': async () => todo(),
  'expenses.saveLine': async () => todo(),
  'expenses.deleteLine': async () => todo(),
  'expenses.grantException': async () => todo(),
};
