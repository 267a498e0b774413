import type { ServiceContext } from '../../core/context';
import type { AdvanceView } from '../../../shared/expenses';
import type { DomainHandlers } from '../../core/handler';
import { AppError } from '../../core/errors';
import type { ExpensesOp } from './handlers';

// PLACEHOLDER (foundation): the area's helper replaces these stubs.
const todo = (): never => {
  throw new AppError('NOT_FOUND', 'errors.requestNotFound');
};

export const advanceHandlers: Pick<
  DomainHandlers<ExpensesOp>,
  'expenses.saveAdvance' | 'expenses.cancelAdvance' | 'expenses.issueAdvance' | 'expenses.advances'
> = {
  'expenses.saveAdvance': async () => todo(),
  'expenses.cancelAdvance': async () => todo(),
  'expenses.issueAdvance': async () => todo(),
  'expenses.advances': async () => todo(),
};

/**
 * The advances of a visit as its money page shows them (with their steps). The entry area's
 * `expenses.visit` calls this. PLACEHOLDER: none yet.
 */
export async function advancesOf(_ctx: ServiceContext, _requestId: number): Promise<AdvanceView[]> {
  return [];
}
