import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearAdvance, clearingMessage } from './clearing';
import { PAID_BY, type PaidBy } from './schema';

const line = (paidBy: PaidBy, companyFen: number, borneByHostFen = 0) => ({
  paidBy,
  companyFen,
  borneByHostFen,
});

describe('clearAdvance', () => {
  it.each([
    {
      name: 'the worked example: advance 2,000.00, 1,530.00 company-paid → return 470.00',
      advance: 200_000,
      lines: [line('advance', 78_000, 12_000), line('advance', 75_000)],
      want: { companyPaysFen: 153_000, cardOwedFen: 0, toReturnFen: 47_000, toReimburseFen: 0 },
    },
    {
      name: 'no advance, the host paid himself: the company reimburses its share',
      advance: 0,
      lines: [line('host', 30_000, 5_000)],
      want: { companyPaysFen: 30_000, cardOwedFen: 0, toReturnFen: 0, toReimburseFen: 30_000 },
    },
    {
      name: 'the advance was not enough: the rest is reimbursed',
      advance: 100_000,
      lines: [line('advance', 80_000), line('host', 45_000)],
      want: { companyPaysFen: 125_000, cardOwedFen: 0, toReturnFen: 0, toReimburseFen: 25_000 },
    },
    {
      name: 'exactly used up: even',
      advance: 50_000,
      lines: [line('advance', 50_000)],
      want: { companyPaysFen: 50_000, cardOwedFen: 0, toReturnFen: 0, toReimburseFen: 0 },
    },
    {
      name: 'the company card’s over-cap part is owed by the host',
      advance: 0,
      lines: [line('company_card', 78_000, 12_000)],
      want: { companyPaysFen: 0, cardOwedFen: 12_000, toReturnFen: 12_000, toReimburseFen: 0 },
    },
    {
      name: 'what the visitor paid settles nothing',
      advance: 20_000,
      lines: [line('visitor', 0), line('advance', 15_000)],
      want: { companyPaysFen: 15_000, cardOwedFen: 0, toReturnFen: 5_000, toReimburseFen: 0 },
    },
    {
      name: 'card debt offsets a reimbursement',
      advance: 0,
      lines: [line('host', 10_000), line('company_card', 50_000, 3_000)],
      want: { companyPaysFen: 10_000, cardOwedFen: 3_000, toReturnFen: 0, toReimburseFen: 7_000 },
    },
    {
      name: 'nothing at all',
      advance: 0,
      lines: [],
      want: { companyPaysFen: 0, cardOwedFen: 0, toReturnFen: 0, toReimburseFen: 0 },
    },
  ])('$name', ({ advance, lines, want }) => {
    expect(clearAdvance(advance, lines)).toEqual({ advanceFen: advance, ...want });
  });

  const fen = fc.integer({ min: 0, max: 1_000_000_000 });
  const lines = fc.array(
    fc.record({ paidBy: fc.constantFrom(...PAID_BY), companyFen: fen, borneByHostFen: fen }),
    { maxLength: 40 },
  );

  it('balances: advance + to reimburse − to return = company pays − card owed', () => {
    fc.assert(
      fc.property(fen, lines, (advance, ls) => {
        const c = clearAdvance(advance, ls);
        expect(c.advanceFen + c.toReimburseFen - c.toReturnFen).toBe(
          c.companyPaysFen - c.cardOwedFen,
        );
      }),
    );
  });

  it('is integer fen, never negative, and goes one way only', () => {
    fc.assert(
      fc.property(fen, lines, (advance, ls) => {
        const c = clearAdvance(advance, ls);
        for (const v of Object.values(c)) {
          expect(Number.isSafeInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
        expect(c.toReturnFen === 0 || c.toReimburseFen === 0).toBe(true);
      }),
    );
  });

  it('sums its lines: company pays = the company part of what the host paid', () => {
    fc.assert(
      fc.property(fen, lines, (advance, ls) => {
        const c = clearAdvance(advance, ls);
        const paidByHost = ls.filter((l) => l.paidBy === 'advance' || l.paidBy === 'host');
        expect(c.companyPaysFen).toBe(paidByHost.reduce((s, l) => s + l.companyFen, 0));
        const card = ls.filter((l) => l.paidBy === 'company_card');
        expect(c.cardOwedFen).toBe(card.reduce((s, l) => s + l.borneByHostFen, 0));
      }),
    );
  });

  it('does not depend on the order of the lines', () => {
    fc.assert(
      fc.property(fen, lines, (advance, ls) => {
        expect(clearAdvance(advance, [...ls].reverse())).toEqual(clearAdvance(advance, ls));
      }),
    );
  });
});

describe('clearingMessage', () => {
  it.each([
    [{ toReturnFen: 47_000, toReimburseFen: 0 }, 'toReturn'],
    [{ toReturnFen: 0, toReimburseFen: 1 }, 'toReimburse'],
    [{ toReturnFen: 0, toReimburseFen: 0 }, 'even'],
  ] as const)('%o says %s', (c, key) => {
    const m = clearingMessage({ advanceFen: 1, companyPaysFen: 2, cardOwedFen: 3, ...c });
    expect(m.key).toBe(key);
    expect(m.params).toEqual({ advanceFen: 1, companyPaysFen: 2, cardOwedFen: 3, ...c });
  });
});
