import type { ServiceContext } from '../../core/context';
import type { ExpenseLineView, VisitMoneyView } from '../../../shared/expenses';
import type { MoneyVisit } from './visit-facts';
import type { DomainHandlers } from '../../core/handler';
import { AppError } from '../../core/errors';
import type { ExpensesOp } from './handlers';

// PLACEHOLDER (foundation): the area's helper replaces these stubs.
const todo = (): never => {
  throw new AppError('NOT_FOUND', 'errors.requestNotFound');
};

export const reconciliationHandlers: Pick<
  DomainHandlers<ExpensesOp>,
  'expenses.submit' | 'expenses.returnLine' | 'expenses.archive' | 'expenses.reopen'
> = {
  'expenses.submit': async () => todo(),
  'expenses.returnLine': async () => todo(),
  'expenses.archive': async () => todo(),
  'expenses.reopen': async () => todo(),
};

/**
 * The reconciliation part of a visit's money page: its status, steps and clearing, the visit's
 * checks (what stops a submission) and the supplies still to return. The entry area's
 * `expenses.visit` calls this with the visit and its lines as views. PLACEHOLDER.
 */
export async function reconciliationPart(
  _ctx: ServiceContext,
  _visit: MoneyVisit,
  _lines: readonly ExpenseLineView[],
): Promise<Pick<VisitMoneyView, 'reconciliation' | 'checks' | 'suppliesToReturn'>> {
  return {
    reconciliation: {
      id: null,
      status: 'open',
      revision: 0,
      submittedAtMs: null,
      settledAtMs: null,
      returnedLineId: null,
      returnReason: '',
      steps: [],
      clearing: {
        advanceFen: 0,
        companyPaysFen: 0,
        cardOwedFen: 0,
        toReturnFen: 0,
        toReimburseFen: 0,
      },
      version: 1,
    },
    checks: [],
    suppliesToReturn: [],
  };
}
