import type { VisitMoneyView } from '../../../../../shared/expenses';

/**
 * The reconciliation on a visit's money page: the visit's checks, the clearing in plain words,
 * submit, the steps, (finance) return a line; settled, archive, reopen, print. PLACEHOLDER
 * (foundation): the reconciliation area's helper writes it.
 */
export function ReconcilePanel(_props: { money: VisitMoneyView }) {
  return null;
}
