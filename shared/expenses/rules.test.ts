import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPENSE_CATEGORIES, type ExpenseCategory } from '../policy';
import {
  budgetVsActual,
  invoiceKey,
  lineCap,
  lineChecks,
  outsideProcess,
  perHeadFen,
  splitLine,
  withinVisit,
  type LineCheckContext,
  type LineFacts,
  type VisitFacts,
} from './rules';
import { EXCEPTION_KINDS, PAID_BY } from './schema';

const budgetOf = (b: Partial<Record<ExpenseCategory, number>>) =>
  Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c, b[c] ?? 0])) as Record<
    ExpenseCategory,
    number
  >;

/** A B-tier visit (cap 130.00 per head) on 1–2 December with meals, gifts and lodging budgeted. */
const B: VisitFacts = {
  tier: 'B',
  mealCapFen: 13_000,
  canteenMealFen: null,
  mealPayer: 'company',
  arrivalDate: '2026-12-01',
  departureDate: '2026-12-02',
  companyPaysLodging: false,
  budget: budgetOf({ meals: 100_000, tobacco_alcohol: 50_000, gifts: 30_000, lodging: 80_000 }),
};

/** A D-tier visit: no meal cap, the staff canteen's 25.00 per head. */
const D: VisitFacts = {
  ...B,
  tier: 'D',
  mealCapFen: null,
  canteenMealFen: 2_500,
  budget: budgetOf({ meals: 20_000 }),
};

const line = (over: Partial<LineFacts> = {}): LineFacts => ({
  category: 'meals',
  spentOn: '2026-12-01',
  amountFen: 90_000,
  paidBy: 'advance',
  visitors: 4,
  companions: 2,
  invoiceKey: '012345A',
  receipts: 1,
  exceptions: [],
  ...over,
});

const noCtx: LineCheckContext = { sameInvoice: [], arrivedVisitors: null };
const codes = (v: VisitFacts, l: LineFacts, ctx = noCtx) =>
  lineChecks(v, l, ctx).map((c) => `${c.code}:${c.severity}`);

describe('the worked example and the split', () => {
  it('B-tier lunch, 4 visitors + 2 companions, 900.00 → 150.00 a head, 120.00 over the cap, borne by the host', () => {
    expect(splitLine(B, line())).toEqual({
      people: 6,
      perHeadFen: 15_000,
      capFen: 13_000,
      overCapFen: 12_000,
      borneByHostFen: 12_000,
      companyFen: 78_000,
      hostBears: 'over_cap',
    });
    expect(lineChecks(B, line(), noCtx)).toEqual([
      {
        code: 'over_cap',
        severity: 'warn',
        params: { perHeadFen: 15_000, capFen: 13_000, overFen: 12_000, people: 6 },
      },
    ]);
  });

  it.each([
    // [what, visit, line, split (perHead, cap, over, borne, company, why), checks]
    [
      'an executive allows the over-cap part: the company bears it all',
      B,
      line({ exceptions: ['over_cap'] }),
      [15_000, 13_000, 12_000, 0, 90_000, null],
      ['over_cap:info'],
    ],
    [
      'a lunch under the cap',
      B,
      line({ amountFen: 60_000 }),
      [10_000, 13_000, 0, 0, 60_000, null],
      [],
    ],
    [
      'D-tier company meal above the canteen standard',
      D,
      line({ amountFen: 15_000, visitors: 3, companions: 1 }),
      [3_750, 2_500, 5_000, 5_000, 10_000, 'over_cap'],
      ['over_canteen:warn'],
    ],
    [
      'D-tier canteen meal at the standard',
      D,
      line({ amountFen: 10_000, visitors: 3, companions: 1 }),
      [2_500, 2_500, 0, 0, 10_000, null],
      [],
    ],
    [
      'tobacco and alcohol are never inside the meal cap',
      B,
      line({ category: 'tobacco_alcohol', amountFen: 500_000 }),
      [83_333, null, 0, 0, 500_000, null],
      [],
    ],
    [
      'gifts are never inside the meal cap',
      B,
      line({ category: 'gifts', amountFen: 300_000 }),
      [50_000, null, 0, 0, 300_000, null],
      [],
    ],
    [
      'what the visitor paid costs nothing, needs no receipt, has no cap',
      B,
      line({ paidBy: 'visitor', receipts: 0 }),
      [15_000, null, 0, 0, 0, null],
      [],
    ],
    [
      'a category with no approved budget: arranged outside the process, not reimbursed',
      B,
      line({ category: 'sightseeing', amountFen: 40_000 }),
      [6_667, null, 0, 40_000, 0, 'outside_process'],
      ['outside_process:warn'],
    ],
    [
      'outside the process, allowed by an executive',
      B,
      line({ category: 'sightseeing', amountFen: 40_000, exceptions: ['outside_process'] }),
      [6_667, null, 0, 0, 40_000, null],
      ['outside_process:info'],
    ],
    [
      'company-paid lodging the request did not approve',
      B,
      line({ category: 'lodging', amountFen: 80_000, visitors: 2, companions: 0 }),
      [40_000, null, 0, 80_000, 0, 'lodging'],
      ['lodging_not_approved:warn'],
    ],
    [
      'lodging allowed by an executive',
      B,
      line({
        category: 'lodging',
        amountFen: 80_000,
        visitors: 2,
        companions: 0,
        exceptions: ['lodging'],
      }),
      [40_000, null, 0, 0, 80_000, null],
      ['lodging_not_approved:info'],
    ],
    [
      'lodging the request approved',
      { ...B, companyPaysLodging: true },
      line({ category: 'lodging', amountFen: 80_000, visitors: 2, companions: 0 }),
      [40_000, null, 0, 0, 80_000, null],
      [],
    ],
    [
      'lodging not budgeted at all: outside the process (not also "lodging not approved")',
      { ...B, budget: budgetOf({ meals: 1 }) },
      line({ category: 'lodging', amountFen: 80_000, visitors: 2, companions: 0 }),
      [40_000, null, 0, 80_000, 0, 'outside_process'],
      ['outside_process:warn'],
    ],
    [
      'a meal without a receipt is blocked',
      B,
      line({ amountFen: 60_000, receipts: 0 }),
      [10_000, 13_000, 0, 0, 60_000, null],
      ['no_receipt:block'],
    ],
    [
      'a meal two days before the visit',
      B,
      line({ amountFen: 60_000, spentOn: '2026-11-29' }),
      [10_000, 13_000, 0, 0, 60_000, null],
      ['outside_visit_dates:warn'],
    ],
  ] as const)('%s', (_what, visit, l, split, checks) => {
    const s = splitLine(visit, l);
    expect([
      s.perHeadFen,
      s.capFen,
      s.overCapFen,
      s.borneByHostFen,
      s.companyFen,
      s.hostBears,
    ]).toEqual(split);
    expect(codes(visit, l)).toEqual(checks);
  });

  it('the cap: meals only, the tier’s cap first, else the canteen amount, none when the visitor pays', () => {
    expect(lineCap(B, 'meals', 'host')).toEqual({ capFen: 13_000, kind: 'meal' });
    expect(lineCap(D, 'meals', 'company_card')).toEqual({ capFen: 2_500, kind: 'canteen' });
    expect(lineCap(B, 'meals', 'visitor')).toEqual({ capFen: null, kind: null });
    expect(lineCap(B, 'tobacco_alcohol', 'host')).toEqual({ capFen: null, kind: null });
    expect(lineCap({ ...B, mealCapFen: null }, 'meals', 'host')).toEqual({
      capFen: null,
      kind: null,
    });
  });

  it('outside the process: a category budgeted at 0', () => {
    expect(outsideProcess(B, 'meals')).toBe(false);
    expect(outsideProcess(B, 'venue')).toBe(true);
  });
});

describe('line checks beyond the line', () => {
  it('the same invoice number elsewhere blocks, naming the requests once each', () => {
    const checks = lineChecks(B, line({ amountFen: 60_000 }), {
      sameInvoice: ['JD20261201-001', 'JD20261201-002', 'JD20261201-001'],
      arrivedVisitors: null,
    });
    expect(checks).toEqual([
      {
        code: 'duplicate_invoice',
        severity: 'block',
        params: { codes: 'JD20261201-001、JD20261201-002' },
      },
    ]);
  });

  it('no invoice number: never a duplicate', () => {
    expect(
      codes(B, line({ amountFen: 60_000, invoiceKey: '' }), {
        sameInvoice: ['JD20261201-001'],
        arrivedVisitors: null,
      }),
    ).toEqual([]);
  });

  it('people other than the arrivals are noted; as many as arrived are not', () => {
    const l = line({ amountFen: 60_000 });
    expect(codes(B, l, { sameInvoice: [], arrivedVisitors: 3 })).toEqual([
      'attendees_changed:info',
    ]);
    expect(codes(B, l, { sameInvoice: [], arrivedVisitors: 4 })).toEqual([]);
  });
});

describe('invoiceKey', () => {
  it.each([
    ['０１２ ３４-5a', '012345A'],
    ['012345A', '012345A'],
    ['  0123\u300045a ', '012345A'],
    ['No.12_34－56', 'NO.123456'],
    ['', ''],
  ])('%j → %j', (raw, key) => {
    expect(invoiceKey(raw)).toBe(key);
  });

  it('full-width, spaced and lower-case forms of one number are the same invoice', () => {
    expect(invoiceKey('０１２ ３４-5a')).toBe(invoiceKey('012345A'));
  });
});

describe('withinVisit: the visit’s days, one day either side', () => {
  it.each([
    ['2026-11-29', false],
    ['2026-11-30', true],
    ['2026-12-01', true],
    ['2026-12-02', true],
    ['2026-12-03', true],
    ['2026-12-04', false],
  ])('%s → %s', (date, within) => {
    expect(withinVisit(B, date)).toBe(within);
  });

  it('across a month and a year end', () => {
    const visit = { arrivalDate: '2027-01-01', departureDate: '2027-01-31' };
    expect(withinVisit(visit, '2026-12-31')).toBe(true);
    expect(withinVisit(visit, '2026-12-30')).toBe(false);
    expect(withinVisit(visit, '2027-02-01')).toBe(true);
    expect(withinVisit(visit, '2027-02-02')).toBe(false);
  });
});

describe('budgetVsActual', () => {
  it('by category, what the visitor paid left out, variance in fen and basis points', () => {
    const r = budgetVsActual(B.budget, [
      { category: 'meals', amountFen: 90_000, paidBy: 'advance' },
      { category: 'meals', amountFen: 30_000, paidBy: 'host' },
      { category: 'meals', amountFen: 99_999, paidBy: 'visitor' },
      { category: 'venue', amountFen: 5_000, paidBy: 'company_card' },
    ]);
    const meals = r.rows.find((x) => x.category === 'meals');
    expect(meals).toEqual({
      category: 'meals',
      budgetFen: 100_000,
      actualFen: 120_000,
      varianceFen: 20_000,
      varianceBp: 2_000,
    });
    expect(r.rows.find((x) => x.category === 'venue')).toMatchObject({
      budgetFen: 0,
      actualFen: 5_000,
      varianceBp: null,
    });
    expect(r.budgetFen).toBe(260_000);
    expect(r.actualFen).toBe(125_000);
    expect(r.rows.map((x) => x.category)).toEqual([...EXPENSE_CATEGORIES]);
  });
});

// ───────────────────────────── properties ─────────────────────────────

const amount = fc.integer({ min: 1, max: 1_000_000_000 });
const people = fc.integer({ min: 1, max: 1_998 });

describe('properties (integer fen, no float in any result)', () => {
  it('per head × people is within people/2 fen of the amount: |p·n − a| ≤ n/2, i.e. each head within half a fen', () => {
    fc.assert(
      fc.property(amount, people, (a, n) => {
        const p = perHeadFen(a, n);
        expect(Number.isSafeInteger(p)).toBe(true);
        // Compared doubled, in integers: |2·p·n − 2·a| ≤ n.
        expect(Math.abs(2 * p * n - 2 * a)).toBeLessThanOrEqual(n);
      }),
      { numRuns: 2_000 },
    );
  });

  it('per head is exact when the people divide the amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), people, (p, n) => {
        expect(perHeadFen(p * n, n)).toBe(p);
      }),
    );
  });

  const facts = fc.record({
    mealCapFen: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
    canteenMealFen: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    companyPaysLodging: fc.boolean(),
    budget: fc.dictionary(
      fc.constantFrom(...EXPENSE_CATEGORIES),
      fc.integer({ min: 0, max: 1_000_000 }),
    ),
  });
  const lineFacts = fc.record({
    category: fc.constantFrom(...EXPENSE_CATEGORIES),
    amountFen: amount,
    paidBy: fc.constantFrom(...PAID_BY),
    visitors: fc.integer({ min: 0, max: 999 }),
    companions: fc.integer({ min: 0, max: 999 }),
    exceptions: fc.subarray([...EXCEPTION_KINDS]),
  });

  it('the split’s parts are integers and sum to the amount (to 0 for what the visitor paid)', () => {
    fc.assert(
      fc.property(facts, lineFacts, (f, l) => {
        fc.pre(l.visitors + l.companions > 0);
        const visit: VisitFacts = { ...B, ...f, budget: budgetOf(f.budget) };
        const s = splitLine(visit, line(l));
        for (const v of [s.perHeadFen, s.overCapFen, s.borneByHostFen, s.companyFen]) {
          expect(Number.isSafeInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
        if (s.capFen !== null) expect(Number.isSafeInteger(s.capFen)).toBe(true);
        expect(s.borneByHostFen + s.companyFen).toBe(l.paidBy === 'visitor' ? 0 : l.amountFen);
        expect(s.overCapFen).toBeLessThanOrEqual(l.amountFen);
        expect(s.borneByHostFen).toBeLessThanOrEqual(l.amountFen);
        expect(s.hostBears === null).toBe(s.borneByHostFen === 0);
      }),
      { numRuns: 2_000 },
    );
  });

  it('the budget’s totals are the sums of its rows, in integers', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...EXPENSE_CATEGORIES), fc.integer({ min: 0, max: 1e9 })),
        fc.array(
          fc.record({
            category: fc.constantFrom(...EXPENSE_CATEGORIES),
            amountFen: amount,
            paidBy: fc.constantFrom(...PAID_BY),
          }),
          { maxLength: 30 },
        ),
        (budget, lines) => {
          const r = budgetVsActual(budgetOf(budget), lines);
          expect(r.budgetFen).toBe(r.rows.reduce((s, x) => s + x.budgetFen, 0));
          expect(r.actualFen).toBe(r.rows.reduce((s, x) => s + x.actualFen, 0));
          expect(r.actualFen).toBe(
            lines.filter((l) => l.paidBy !== 'visitor').reduce((s, l) => s + l.amountFen, 0),
          );
          for (const x of r.rows) {
            expect(Number.isSafeInteger(x.varianceFen)).toBe(true);
            if (x.varianceBp !== null) expect(Number.isSafeInteger(x.varianceBp)).toBe(true);
          }
        },
      ),
    );
  });
});
