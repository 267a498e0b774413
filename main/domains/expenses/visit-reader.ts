import type { VisitMoneyView } from '../../../shared/expenses';
import type { ServiceContext } from '../../core/context';

/** Reads one visit's money as `expenses.visit` answers it (the entry area's service). */
export type VisitReader = (ctx: ServiceContext, requestId: number) => Promise<VisitMoneyView>;

let reader: VisitReader | null = null;

/**
 * The entry area registers its `expenses.visit` service here when it loads, so that the other
 * areas' writes answer with the visit's money without importing it (no circle of imports).
 */
export function setVisitReader(fn: VisitReader): void {
  reader = fn;
}

/** The visit's money as `expenses.visit` reads it; null while no reader is registered. */
export async function readVisit(
  ctx: ServiceContext,
  requestId: number,
): Promise<VisitMoneyView | null> {
  return reader ? reader(ctx, requestId) : null;
}
