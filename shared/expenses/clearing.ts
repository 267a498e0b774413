import type { Fen } from '../money';
import type { PaidBy } from './schema';

/** What settles between the company and the host once the visit's lines are verified. */
export interface Clearing {
  /** Advances issued to the host for this visit. */
  advanceFen: Fen;
  /** What the company bears of the lines the host paid (from the advance or himself). */
  companyPaysFen: Fen;
  /** The host's share of lines paid with the company card (over the cap, not reimbursable). */
  cardOwedFen: Fen;
  /** The host gives this back (the advance not used, and what he bears of the card's lines). */
  toReturnFen: Fen;
  /** The company pays the host this (what he paid himself beyond the advance). */
  toReimburseFen: Fen;
}

/**
 * The advance cleared against the lines (integer fen): the company covers its share of what the
 * host paid; the balance goes one way or the other. The worked example: an advance of 2,000.00
 * and 1,530.00 company-paid → return 470.00.
 */
export function clearAdvance(
  advanceFen: Fen,
  lines: readonly { paidBy: PaidBy; companyFen: Fen; borneByHostFen: Fen }[],
): Clearing {
  let companyPaysFen = 0;
  let cardOwedFen = 0;
  for (const l of lines) {
    if (l.paidBy === 'advance' || l.paidBy === 'host') companyPaysFen += l.companyFen;
    else if (l.paidBy === 'company_card') cardOwedFen += l.borneByHostFen;
  }
  const net = companyPaysFen - advanceFen - cardOwedFen;
  return {
    advanceFen,
    companyPaysFen,
    cardOwedFen,
    toReturnFen: net < 0 ? -net : 0,
    toReimburseFen: net > 0 ? net : 0,
  };
}
