import type { VisitMoneyView } from '../../../shared/expenses';
import type { ServiceContext } from '../../core/context';

/** Reads a visit's money page (the entry area's `expenses.visit`): every write answers with it. */
export type VisitReader = (ctx: ServiceContext, requestId: number) => Promise<VisitMoneyView>;

let reader: VisitReader | null = null;

/** The entry area sets the reader when it loads (lines.ts); the other areas' writes use it. */
export function setVisitReader(fn: VisitReader): void {
  reader = fn;
}

/** The visit's money page as the caller sees it after a write. */
export function readVisit(ctx: ServiceContext, requestId: number): Promise<VisitMoneyView> {
  if (!reader) throw new Error('the expenses entry area has not set the visit reader');
  return reader(ctx, requestId);
}
