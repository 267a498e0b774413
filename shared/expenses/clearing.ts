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

/**
 * The clearing in plain words: which message says it and its params (amounts in fen, named
 * `…Fen` so each screen and notification shows them as money in its language). "借款 2,000.00，
 * 公司支付 1,530.00，应退回 470.00"; or the company pays the host the rest; or the two are even.
 */
export function clearingMessage(c: Clearing): {
  key: 'toReturn' | 'toReimburse' | 'even';
  params: {
    advanceFen: Fen;
    companyPaysFen: Fen;
    cardOwedFen: Fen;
    toReturnFen: Fen;
    toReimburseFen: Fen;
  };
} {
  const key = c.toReturnFen > 0 ? 'toReturn' : c.toReimburseFen > 0 ? 'toReimburse' : 'even';
  return {
    key,
    params: {
      advanceFen: c.advanceFen,
      companyPaysFen: c.companyPaysFen,
      cardOwedFen: c.cardOwedFen,
      toReturnFen: c.toReturnFen,
      toReimburseFen: c.toReimburseFen,
    },
  };
}
