import type { VisitMoneyView } from '../../../../../shared/expenses';

/**
 * The visit's cash advances on its money page: ask, withdraw, (finance) issue. PLACEHOLDER
 * (foundation): the advances area's helper writes it.
 */
export function AdvancesCard(_props: { money: VisitMoneyView }) {
  return null;
}
