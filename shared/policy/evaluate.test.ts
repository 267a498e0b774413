import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import {
  emptyRequestBody,
  requestBodySchema,
  type BudgetLine,
  type MealPlan,
  type Needs,
  type RequestBody,
  type Visitor,
} from '../requests/schema';
import {
  blocking,
  CHECK_CODES,
  CHECK_FIELD,
  companionsRatio,
  estimateBudget,
  plannedCarTrips,
  plannedGiftCount,
  evaluateChecks,
  mealCapFen,
  mealExpenseFen,
  mealMoneyCheck,
  mealPayerIsChosen,
  planChain,
  type CheckCode,
  type PolicyCheck,
} from './evaluate';
import {
  DEFAULT_POLICY,
  EXPENSE_CATEGORIES,
  ORG_CATEGORIES,
  TIERS,
  type ExpenseCategory,
  type Policy,
} from './policy';

/** "Today" of the frozen test clock (2026-11-27 in Asia/Shanghai). */
const TODAY = '2026-11-27';

function visitor(name: string, extra: Partial<Visitor> = {}): Visitor {
  return { name, title: '', phone: '', idType: null, idNumber: '', notes: '', ...extra };
}

/** The user id of a company leader (holds `executive`): the base body's companion. */
const LEADER = 7;
const EXECUTIVES: ReadonlySet<number> = new Set([LEADER]);

/**
 * A C-tier client visit on 2026-12-01: 2 visitors, 1 companion (a company leader), one lunch at
 * the cap. No checks.
 */
function body(overrides: Partial<RequestBody> = {}, needs: Partial<Needs> = {}): RequestBody {
  const b = emptyRequestBody();
  return {
    ...b,
    orgName: '华东精密仪器有限公司',
    orgCategory: 'client',
    tier: 'C',
    purpose: '洽谈年度采购合同',
    arrivalDate: '2026-12-01',
    arrivalTime: '09:30',
    departureDate: '2026-12-01',
    departureTime: '17:00',
    visitors: [visitor('陈立'), visitor('Anna Müller')],
    companions: [{ userId: LEADER, name: '王副总' }],
    ...overrides,
    needs: {
      ...b.needs,
      meals: [{ date: '2026-12-01', meal: 'lunch', perHeadFen: null }],
      ...needs,
    },
  };
}

const checksOf = (b: RequestBody, otherVisitDates: string[] = [], policy = DEFAULT_POLICY) =>
  evaluateChecks(b, policy, { today: TODAY, otherVisitDates, executiveUserIds: EXECUTIVES });
const codes = (cs: PolicyCheck[]) => cs.map((c) => `${c.code}:${c.severity}`);
const lunch = (perHeadFen: number | null): MealPlan => ({
  date: '2026-12-01',
  meal: 'lunch',
  perHeadFen,
});
const line = (category: ExpenseCategory, amountFen: number, reason = ''): BudgetLine => ({
  category,
  amountFen,
  reason,
});
const many = (n: number) => Array.from({ length: n }, (_, i) => visitor(`访客${i + 1}`));
const staff = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ userId: null, name: `陪同${i}` }));

describe('companionsRatio (the rule the form shows live)', () => {
  it.each([
    [2, 1, 1, false],
    [2, 2, 1, true],
    [1, 1, 1, false],
    [1, 2, 1, true],
    [3, 1, 1, false],
    [3, 2, 1, true],
    [0, 3, 1, false],
  ])('%i visitors, %i accompanying: at most %i, over %s', (visitors, companions, max, over) => {
    expect(companionsRatio(visitors, companions, DEFAULT_POLICY)).toEqual({ max, over });
  });
});

describe('companionsRatio: the host always accompanies (never fewer than one)', () => {
  it.each([
    // visitors, companions, ratio, max, over
    [1, 1, 0.5, 1, false],
    [1, 2, 0.5, 1, true],
    [1, 1, 0, 1, false],
    [5, 1, 0.1, 1, false],
    [5, 2, 0.1, 1, true],
    [10, 1, 0.05, 1, false],
    [4, 3, 0.5, 2, true],
  ])(
    '%i visitors, %i accompanying, ratio %d: at most %i, over %s',
    (visitors, companions, companionRatioMax, max, over) => {
      expect(companionsRatio(visitors, companions, { companionRatioMax })).toEqual({ max, over });
    },
  );

  it('the check states the allowance of one for a single visitor', () => {
    expect(codes(checksOf(body({ visitors: many(1) })))).toEqual([]);
    expect(checksOf(body({ visitors: many(1), companions: staff(2) }))).toEqual([
      {
        code: 'companions_ratio',
        severity: 'warn',
        params: { companions: 2, visitors: 1, max: 1 },
      },
    ]);
  });
});

describe('evaluateChecks: every check code and its severity', () => {
  it('the base body passes every check', () => {
    expect(checksOf(body())).toEqual([]);
  });

  // [label, body, other visit dates, expected "code:severity" list in order]
  const table: [string, RequestBody, string[], string[]][] = [
    // lead_time / arrival_in_past
    [
      'A one day ahead',
      body({ orgCategory: 'government', tier: 'A', arrivalDate: '2026-11-28' }),
      [],
      ['lead_time:block'],
    ],
    [
      'A arriving today',
      body({ orgCategory: 'government', tier: 'A', arrivalDate: TODAY }),
      [],
      ['lead_time:block'],
    ],
    [
      'A two days ahead',
      body({ orgCategory: 'government', tier: 'A', arrivalDate: '2026-11-29' }),
      [],
      [],
    ],
    [
      'A one day ahead, retroactive (not yet happened: refused, no notice skipped)',
      body({
        orgCategory: 'government',
        tier: 'A',
        arrivalDate: '2026-11-28',
        retroactive: true,
        retroactiveReason: '领导临时决定',
      }),
      [],
      ['retroactive_in_future:block'],
    ],
    [
      'A arriving today, retroactive',
      body({
        orgCategory: 'government',
        tier: 'A',
        arrivalDate: TODAY,
        retroactive: true,
        retroactiveReason: '领导临时决定',
      }),
      [],
      [],
    ],
    [
      'C next week, retroactive',
      body({ arrivalDate: '2026-12-04', retroactive: true, retroactiveReason: '补办' }),
      [],
      ['retroactive_in_future:block'],
    ],
    [
      'A in the past, retroactive',
      body({
        orgCategory: 'government',
        tier: 'A',
        arrivalDate: '2026-11-20',
        retroactive: true,
        retroactiveReason: '事后补办',
      }),
      [],
      [],
    ],
    // B (a VP accompanies) needs the same 2 days' notice as A by default.
    [
      'B one day ahead',
      body({ orgCategory: 'key_client', tier: 'B', arrivalDate: '2026-11-28' }),
      [],
      ['lead_time:block'],
    ],
    [
      'B two days ahead',
      body({ orgCategory: 'key_client', tier: 'B', arrivalDate: '2026-11-29' }),
      [],
      [],
    ],
    ['C arriving tomorrow', body({ arrivalDate: '2026-11-28' }), [], []],

    // no_leader_companion
    [
      'A with a company leader among the companions',
      body({ orgCategory: 'government', tier: 'A' }),
      [],
      [],
    ],
    [
      'A without a company leader',
      body({ orgCategory: 'government', tier: 'A', companions: staff(1) }),
      [],
      ['no_leader_companion:warn'],
    ],
    [
      'A whose companion is a user but not an executive',
      body({ orgCategory: 'government', tier: 'A', companions: [{ userId: 8, name: '李经理' }] }),
      [],
      ['no_leader_companion:warn'],
    ],
    [
      'A with no companions at all',
      body({ orgCategory: 'government', tier: 'A', companions: [] }),
      [],
      ['no_leader_companion:warn'],
    ],
    ['C without a company leader', body({ companions: staff(1) }), [], []],
    [
      'top leaders of the visiting organisation at A',
      body({ orgCategory: 'top_leaders', tier: 'A' }),
      [],
      [],
    ],
    [
      'top leaders of the visiting organisation lowered to B',
      body({ orgCategory: 'top_leaders', tier: 'B', tierOverrideReason: '对方领导临时改派副手' }),
      [],
      ['tier_override:approval'],
    ],
    ['C arriving today', body({ arrivalDate: TODAY }), [], []],
    ['C yesterday', body({ arrivalDate: '2026-11-26' }), [], ['arrival_in_past:block']],
    [
      'A yesterday (past wins over lead time)',
      body({ orgCategory: 'government', tier: 'A', arrivalDate: '2026-11-26' }),
      [],
      ['arrival_in_past:block'],
    ],
    [
      'C last week, retroactive',
      body({ arrivalDate: '2026-11-20', retroactive: true, retroactiveReason: '补办' }),
      [],
      [],
    ],
    ['no arrival date yet (draft)', body({ arrivalDate: '' }), ['2026-12-01'], []],

    // companions_ratio
    ['1 companion for 2 visitors (exactly ½)', body(), [], []],
    ['2 companions for 2 visitors', body({ companions: staff(2) }), [], ['companions_ratio:warn']],
    ['1 companion for 1 visitor (the host)', body({ visitors: many(1) }), [], []],
    [
      '2 companions for 1 visitor',
      body({ visitors: many(1), companions: staff(2) }),
      [],
      ['companions_ratio:warn'],
    ],
    ['1 companion for 3 visitors', body({ visitors: many(3) }), [], []],
    ['3 companions for 6 visitors', body({ visitors: many(6), companions: staff(3) }), [], []],
    [
      '4 companions for 6 visitors',
      body({ visitors: many(6), companions: staff(4) }),
      [],
      ['companions_ratio:warn'],
    ],
    ['companions with no visitors yet (draft)', body({ visitors: [] }), [], []],

    // repeat_visit
    ['same org 15 days before', body(), ['2026-11-16'], ['repeat_visit:warn']],
    ['same org 15 days after', body(), ['2026-12-16'], ['repeat_visit:warn']],
    ['same org the same day', body(), ['2026-12-01'], ['repeat_visit:warn']],
    ['same org 16 days before', body(), ['2026-11-15'], []],
    ['same org 16 days after', body(), ['2026-12-17'], []],

    // meal_over_cap
    ['C lunch at the cap (100 元)', body({}, { meals: [lunch(10000)] }), [], []],
    [
      'C lunch 1 fen over the cap',
      body({}, { meals: [lunch(10001)] }),
      [],
      ['meal_over_cap:approval'],
    ],
    ['C lunch under the cap', body({}, { meals: [lunch(8000)] }), [], []],
    [
      'A lunch 1 fen over 150 元',
      body({ orgCategory: 'government', tier: 'A' }, { meals: [lunch(15001)] }),
      [],
      ['meal_over_cap:approval'],
    ],
    [
      'A lunch at 150 元',
      body({ orgCategory: 'government', tier: 'A' }, { meals: [lunch(15000)] }),
      [],
      [],
    ],
    [
      'B lunch 1 fen over 130 元',
      body({ orgCategory: 'key_client', tier: 'B' }, { meals: [lunch(13001)] }),
      [],
      ['meal_over_cap:approval'],
    ],
    [
      'D lunch above the canteen amount',
      body({ orgCategory: 'supplier', tier: 'D' }, { meals: [lunch(2501)] }),
      [],
      ['meal_over_cap:approval'],
    ],
    [
      'D lunch at the canteen amount',
      body({ orgCategory: 'supplier', tier: 'D' }, { meals: [lunch(2500)] }),
      [],
      [],
    ],

    // company_lodging
    ['hotel paid by the visitor', body({}, { hotelNights: 2, hotelRooms: 2 }), [], []],
    [
      'hotel paid by the company',
      body({}, { hotelNights: 1, hotelRooms: 1, companyPaysLodging: true }),
      [],
      ['company_lodging:approval'],
    ],

    // tier_override / tier_override_reason
    [
      'client raised to B without a reason',
      body({ tier: 'B' }),
      [],
      ['tier_override:approval', 'tier_override_reason:block'],
    ],
    [
      'client raised to B with a reason',
      body({ tier: 'B', tierOverrideReason: '对方董事长亲自带队' }),
      [],
      ['tier_override:approval'],
    ],
    [
      'whitespace is no reason',
      body({ tier: 'B', tierOverrideReason: '   ' }),
      [],
      ['tier_override:approval', 'tier_override_reason:block'],
    ],
    [
      'government lowered to C with a reason',
      body({ orgCategory: 'government', tier: 'C', tierOverrideReason: '基层工作人员来访' }),
      [],
      ['tier_override:approval'],
    ],

    // budget_over_estimate
    [
      'gifts line above its estimate, no reason',
      body({ budget: [line('gifts', 50000)] }),
      [],
      ['budget_over_estimate:block'],
    ],
    [
      'gifts line above its estimate, with a reason',
      body({ budget: [line('gifts', 50000, '客户周年纪念')] }),
      [],
      ['budget_over_estimate:warn'],
    ],
    ['meals line at its estimate, no reason', body({ budget: [line('meals', 30000)] }), [], []],
    ['meals line under its estimate, no reason', body({ budget: [line('meals', 20000)] }), [], []],
    [
      'meals line 1 fen above its estimate, no reason (and so above the cap per head)',
      body({ budget: [line('meals', 30001)] }),
      [],
      ['meal_over_cap:approval', 'budget_over_estimate:block'],
    ],
    [
      'two lines above, one with a reason',
      body({ budget: [line('tobacco_alcohol', 20000), line('venue', 100, '鲜花')] }),
      [],
      ['budget_over_estimate:block', 'budget_over_estimate:warn'],
    ],

    // budget_over_threshold (20 000 元)
    [
      'total exactly 20 000 元',
      body({ budget: [line('other', 1_970_000, '设备演示')] }),
      [],
      ['budget_over_estimate:warn'],
    ],
    [
      'total 1 fen over 20 000 元',
      body({ budget: [line('other', 1_970_001, '设备演示')] }),
      [],
      ['budget_over_estimate:warn', 'budget_over_threshold:approval'],
    ],
    [
      'air tickets for 16 visitors',
      body({ visitors: many(16) }, { returnTickets: true }),
      [],
      ['budget_over_threshold:approval'],
    ],

    // vehicles
    ['C pickup', body({}, { pickup: true }), [], ['vehicle_on_request:warn']],
    ['C two car trips', body({}, { carTrips: 2 }), [], ['vehicle_on_request:warn']],
    [
      'C pickup with the car justified',
      body({}, { pickup: true, carJustification: '来宾携带检测仪器，需专车接送' }),
      [],
      [],
    ],
    [
      'C pickup, justification only spaces',
      body({}, { pickup: true, carJustification: '  ' }),
      [],
      ['vehicle_on_request:warn'],
    ],
    [
      'A pickup',
      body({ orgCategory: 'government', tier: 'A' }, { pickup: true, dropoff: true }),
      [],
      [],
    ],
    ['B dropoff', body({ orgCategory: 'key_client', tier: 'B' }, { dropoff: true }), [], []],
    [
      'D pickup',
      body({ orgCategory: 'supplier', tier: 'D' }, { pickup: true }),
      [],
      ['vehicle_not_eligible:approval'],
    ],
    ['D without a car', body({ orgCategory: 'supplier', tier: 'D' }), [], []],

    // id_check_digit
    [
      'resident ID with a wrong check digit',
      body({
        visitors: [
          visitor('陈立'),
          visitor('王五', { idType: 'resident_id', idNumber: '110105194912310021' }),
        ],
      }),
      [],
      ['id_check_digit:warn'],
    ],
    [
      'resident ID with the right check digit X',
      body({
        visitors: [
          visitor('陈立', { idType: 'resident_id', idNumber: '11010519491231002X' }),
          visitor('王五'),
        ],
      }),
      [],
      [],
    ],
    [
      'resident ID with a lower-case x',
      body({
        visitors: [
          visitor('陈立', { idType: 'resident_id', idNumber: '11010519491231002x' }),
          visitor('王五'),
        ],
      }),
      [],
      [],
    ],
    [
      'a passport number is not checked',
      body({
        visitors: [
          visitor('Anna', { idType: 'passport', idNumber: '110105194912310021' }),
          visitor('王五'),
        ],
      }),
      [],
      [],
    ],
  ];

  it.each(table)('%s', (_label, b, others, expected) => {
    expect(codes(checksOf(b, others))).toEqual(expected);
  });

  it('the table covers every check code', () => {
    const seen = new Set(table.flatMap(([, b, o]) => checksOf(b, o).map((c) => c.code)));
    expect([...seen].sort()).toEqual([...CHECK_CODES].sort());
  });

  it('lead_time names the tier, the notice needed, the notice given and the earliest date', () => {
    const [c] = checksOf(body({ orgCategory: 'government', tier: 'A', arrivalDate: '2026-11-28' }));
    expect(c).toEqual({
      code: 'lead_time',
      severity: 'block',
      params: { tier: 'A', days: 2, lead: 1, earliestDate: '2026-11-29' },
    });
  });

  it.each([
    // tier, minLeadDays, today, earliest allowed arrival (calendar days, across month and year)
    ['A', 2, '2026-12-01', '2026-12-03'],
    ['B', 2, '2026-12-30', '2027-01-01'],
    ['C', 3, '2027-02-27', '2027-03-02'],
    ['D', 1, '2028-02-28', '2028-02-29'],
  ] as const)(
    'notice per tier: %s with %i days filed on %s can arrive on %s',
    (tier, days, today, earliest) => {
      const policy: Policy = {
        ...DEFAULT_POLICY,
        tiers: {
          ...DEFAULT_POLICY.tiers,
          [tier]: { ...DEFAULT_POLICY.tiers[tier], minLeadDays: days },
        },
        suggestedTier: { ...DEFAULT_POLICY.suggestedTier, client: tier },
      };
      const ctx = { today, otherVisitDates: [], executiveUserIds: EXECUTIVES };
      const dayBefore = new Date(Date.parse(earliest) - 86_400_000).toISOString().slice(0, 10);
      const blocked = evaluateChecks(body({ tier, arrivalDate: dayBefore }), policy, ctx);
      expect(blocked.find((c) => c.code === 'lead_time')?.params).toEqual({
        tier,
        days,
        lead: days - 1,
        earliestDate: earliest,
      });
      const ok = evaluateChecks(body({ tier, arrivalDate: earliest }), policy, ctx);
      expect(ok.some((c) => c.code === 'lead_time')).toBe(false);
    },
  );

  it('companions_ratio states the numbers', () => {
    expect(checksOf(body({ visitors: many(5), companions: staff(3) }))).toEqual([
      {
        code: 'companions_ratio',
        severity: 'warn',
        params: { companions: 3, visitors: 5, max: 2 },
      },
    ]);
  });

  it('repeat_visit counts every other visit inside the window', () => {
    expect(checksOf(body(), ['2026-11-20', '2026-12-10', '2026-10-01'])).toEqual([
      { code: 'repeat_visit', severity: 'warn', params: { days: 15, count: 2 } },
    ]);
  });

  it('meal_over_cap reports the cap, the worst planned amount and how many meals', () => {
    const b = body({}, { meals: [lunch(12000), lunch(null), { ...lunch(15000), meal: 'dinner' }] });
    expect(checksOf(b)).toEqual([
      {
        code: 'meal_over_cap',
        severity: 'approval',
        params: { capFen: 10000, worstFen: 15000, count: 2 },
      },
    ]);
  });

  it('budget_over_estimate names the line', () => {
    expect(checksOf(body({ budget: [line('gifts', 50000)] }))[0]?.params).toEqual({
      category: 'gifts',
      estimateFen: 0,
      amountFen: 50000,
    });
  });

  it('id_check_digit names the visitor and the row (1-based)', () => {
    const b = body({
      visitors: [
        visitor('陈立'),
        visitor('王五', { idType: 'resident_id', idNumber: '110105194912310021' }),
      ],
    });
    expect(checksOf(b)[0]?.params).toEqual({ name: '王五', row: 2 });
  });

  it('repeat-visit window and companion ratio follow the policy', () => {
    const policy: Policy = { ...DEFAULT_POLICY, repeatVisitDays: 30, companionRatioMax: 1 };
    expect(codes(checksOf(body({ companions: staff(2) }), ['2026-11-05'], policy))).toEqual([
      'repeat_visit:warn',
    ]);
  });

  it('blocking() keeps only blocks', () => {
    const cs = checksOf(body({ tier: 'B', budget: [line('gifts', 1)] }, { pickup: true }));
    expect(codes(cs)).toEqual([
      'tier_override:approval',
      'tier_override_reason:block',
      'budget_over_estimate:block',
    ]);
    expect(codes(blocking(cs))).toEqual([
      'tier_override_reason:block',
      'budget_over_estimate:block',
    ]);
  });
});

describe('estimateBudget', () => {
  const lineOf = (b: RequestBody, c: ExpenseCategory, policy = DEFAULT_POLICY) =>
    estimateBudget(b, policy).lines.find((l) => l.category === c);

  it('has one line per expense category, in order', () => {
    expect(estimateBudget(body(), DEFAULT_POLICY).lines.map((l) => l.category)).toEqual([
      ...EXPENSE_CATEGORIES,
    ]);
  });

  it.each([
    // tier, category, visitors, companions, meals (per head or null = cap), expected meals fen
    ['C', 'client', 2, 1, [null], 30000],
    ['C', 'client', 2, 1, [null, 8000, null], 84000],
    ['C', 'client', 5, 0, [null, null], 100000],
    ['A', 'government', 4, 2, [null, 14000], 174000],
    ['B', 'key_client', 3, 1, [null], 52000],
    ['D', 'supplier', 3, 1, [null], 10000],
    ['D', 'supplier', 3, 1, [null, 0], 10000],
    ['C', 'client', 2, 1, [], 0],
  ] as const)(
    'meals: %s tier, %i visitors + %i companions, meals %j → %i fen',
    (tier, orgCategory, v, c, meals, expected) => {
      const b = body(
        { tier, orgCategory, visitors: many(v), companions: staff(c) },
        { meals: meals.map((m) => lunch(m)) },
      );
      const budget = estimateBudget(b, DEFAULT_POLICY);
      expect(budget.headcount).toBe(v + c);
      expect(lineOf(b, 'meals')).toEqual({
        category: 'meals',
        estimateFen: expected,
        amountFen: expected,
        reason: '',
      });
    },
  );

  it('mealCapFen: A 150 元, B 130 元, C 100 元, D the canteen amount', () => {
    expect(TIERS.map((t) => mealCapFen(DEFAULT_POLICY, t))).toEqual([15000, 13000, 10000, 2500]);
  });

  it('tobacco, alcohol and gifts are never inside the meals line', () => {
    const plain = body();
    const withExtras = body(
      { budget: [line('tobacco_alcohol', 60000, '宴请用酒')] },
      { gifts: true },
    );
    expect(lineOf(withExtras, 'meals')).toEqual(lineOf(plain, 'meals'));
    expect(lineOf(withExtras, 'tobacco_alcohol')).toEqual({
      category: 'tobacco_alcohol',
      estimateFen: 0,
      amountFen: 60000,
      reason: '宴请用酒',
    });
    expect(lineOf(withExtras, 'gifts')?.estimateFen).toBe(2 * 20000);
    expect(estimateBudget(withExtras, DEFAULT_POLICY).totalFen).toBe(30000 + 60000 + 40000);
  });

  it('gifts: one per visitor unless a count is given', () => {
    expect(lineOf(body({}, { gifts: true, giftCount: 5 }), 'gifts')?.estimateFen).toBe(100000);
    expect(lineOf(body({}, { gifts: false, giftCount: 5 }), 'gifts')?.estimateFen).toBe(0);
  });

  it.each([
    [{ carTrips: 0, pickup: false, dropoff: false }, 0],
    [{ carTrips: 0, pickup: true, dropoff: false }, 1],
    [{ carTrips: 0, pickup: true, dropoff: true }, 2],
    [{ carTrips: 3, pickup: true, dropoff: true }, 3],
    [{ carTrips: 1, pickup: false, dropoff: false }, 1],
  ] as const)('car trips planned for %j: %i', (needs, expected) => {
    expect(plannedCarTrips(needs)).toBe(expected);
  });

  it.each([
    [0, 4, 4],
    [0, 0, 0],
    [2, 4, 2],
    [6, 1, 6],
  ] as const)('gift count %i with %i visitors plans %i', (giftCount, visitors, expected) => {
    expect(plannedGiftCount({ giftCount }, visitors)).toBe(expected);
  });

  it('lodging is estimated only when the company pays', () => {
    expect(lineOf(body({}, { hotelNights: 2, hotelRooms: 3 }), 'lodging')?.estimateFen).toBe(0);
    expect(
      lineOf(body({}, { hotelNights: 2, hotelRooms: 3, companyPaysLodging: true }), 'lodging')
        ?.estimateFen,
    ).toBe(2 * 3 * 45000);
  });

  it.each([
    [{ pickup: true }, 20000],
    [{ pickup: true, dropoff: true }, 40000],
    [{ pickup: true, carTrips: 5 }, 100000],
    [{}, 0],
  ] as const)('vehicles %j → %i fen', (needs, expected) => {
    expect(lineOf(body({}, needs), 'vehicles')?.estimateFen).toBe(expected);
  });

  it('tickets per visitor, sightseeing per person, signs once, photographer as other', () => {
    const b = body(
      { visitors: many(3), companions: staff(1) },
      {
        returnTickets: true,
        sightseeing: true,
        banner: true,
        welcomeSign: true,
        tableCards: true,
        photographer: true,
        meetingRoom: true,
      },
    );
    expect(lineOf(b, 'tickets')?.estimateFen).toBe(3 * 120000);
    expect(lineOf(b, 'sightseeing')?.estimateFen).toBe(4 * 30000);
    expect(lineOf(b, 'venue')?.estimateFen).toBe(30000);
    expect(lineOf(b, 'other')?.estimateFen).toBe(80000);
  });

  it('the host’s amount replaces the estimate, keeping the estimate beside it', () => {
    const b = body({ budget: [line('meals', 25000, '')] });
    expect(lineOf(b, 'meals')).toEqual({
      category: 'meals',
      estimateFen: 30000,
      amountFen: 25000,
      reason: '',
    });
    expect(estimateBudget(b, DEFAULT_POLICY).totalFen).toBe(25000);
  });
});

describe('planChain', () => {
  const chainOf = (b: RequestBody, policy = DEFAULT_POLICY) =>
    planChain(b, policy, checksOf(b, [], policy)).map((s) => `${s.kind}:${s.reason}`);

  it.each([
    ['C', body(), ['dept_head:base', 'admin_office:base']],
    ['D', body({ orgCategory: 'supplier', tier: 'D' }), ['dept_head:base', 'admin_office:base']],
    [
      'B',
      body({ orgCategory: 'key_client', tier: 'B' }),
      ['dept_head:base', 'executive:base', 'admin_office:base'],
    ],
    [
      'A',
      body({ orgCategory: 'government', tier: 'A' }),
      ['dept_head:base', 'executive:base', 'admin_office:base'],
    ],
  ] as const)('tier %s base chain', (_tier, b, expected) => {
    expect(chainOf(b)).toEqual(expected);
  });

  it.each([
    [
      'company lodging',
      body({}, { hotelNights: 1, hotelRooms: 1, companyPaysLodging: true }),
      'company_lodging',
    ],
    ['a meal over the cap', body({}, { meals: [lunch(12000)] }), 'meal_over_cap'],
    [
      'a tier override',
      body({ orgCategory: 'government', tierOverrideReason: '普通来访' }),
      'tier_override',
    ],
    [
      'a budget over 20 000 元',
      body({ visitors: many(16) }, { returnTickets: true }),
      'budget_over_threshold',
    ],
  ] as const)('C with %s gets an executive before the admin office', (_label, b, reason) => {
    expect(chainOf(b)).toEqual(['dept_head:base', `executive:${reason}`, 'admin_office:base']);
  });

  it('D with a car gets an executive (vehicle not eligible)', () => {
    expect(chainOf(body({ orgCategory: 'supplier', tier: 'D' }, { pickup: true }))).toEqual([
      'dept_head:base',
      'executive:vehicle_not_eligible',
      'admin_office:base',
    ]);
  });

  it('C with several triggers gets exactly one executive step', () => {
    const b = body(
      { orgCategory: 'government', tierOverrideReason: '普通来访' },
      { meals: [lunch(12000)], hotelNights: 1, hotelRooms: 1, companyPaysLodging: true },
    );
    const chain = chainOf(b);
    expect(chain.filter((s) => s.startsWith('executive:'))).toHaveLength(1);
    expect(chain).toHaveLength(3);
    expect(chain.at(-1)).toBe('admin_office:base');
  });

  it.each(['A', 'B'] as const)('never duplicates the executive for %s', (tier) => {
    const b = body(
      { tier, orgCategory: 'client', tierOverrideReason: '重要客户' },
      {
        meals: [lunch(20000)],
        hotelNights: 1,
        hotelRooms: 1,
        companyPaysLodging: true,
        returnTickets: true,
      },
    );
    expect(chainOf(b)).toEqual(['dept_head:base', 'executive:base', 'admin_office:base']);
  });

  it('warnings never add an executive', () => {
    const b = body({ companions: staff(3) }, { pickup: true });
    expect(codes(checksOf(b))).toEqual(['companions_ratio:warn', 'vehicle_on_request:warn']);
    expect(chainOf(b)).toEqual(['dept_head:base', 'admin_office:base']);
  });

  it('a trigger switched off in the policy adds nothing', () => {
    const policy: Policy = {
      ...DEFAULT_POLICY,
      chains: {
        ...DEFAULT_POLICY.chains,
        executiveWhen: { ...DEFAULT_POLICY.chains.executiveWhen, companyPaidLodging: false },
      },
    };
    const b = body({}, { hotelNights: 1, hotelRooms: 1, companyPaysLodging: true });
    expect(chainOf(b, policy)).toEqual(['dept_head:base', 'admin_office:base']);
  });

  it('appends the executive when the base chain has no filing step', () => {
    const policy: Policy = {
      ...DEFAULT_POLICY,
      chains: {
        ...DEFAULT_POLICY.chains,
        base: { ...DEFAULT_POLICY.chains.base, C: ['dept_head'] },
      },
    };
    const b = body({}, { meals: [lunch(12000)] });
    expect(chainOf(b, policy)).toEqual(['dept_head:base', 'executive:meal_over_cap']);
  });
});

// ------------------------------------------------------------------ properties

const visitorArb: fc.Arbitrary<Visitor> = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 8 }),
    id: fc.constantFrom<[Visitor['idType'], string]>(
      [null, ''],
      ['resident_id', '11010519491231002X'],
      ['resident_id', '110105194912310021'],
      ['passport', 'E12345678'],
    ),
  })
  .map(({ name, id: [idType, idNumber] }) => visitor(name, { idType, idNumber }));

const mealArb: fc.Arbitrary<MealPlan> = fc.record({
  date: fc.integer({ min: 0, max: 5 }).map((n) => addDays('2026-12-01', n)),
  meal: fc.constantFrom('breakfast', 'lunch', 'dinner'),
  perHeadFen: fc.option(fc.integer({ min: 0, max: 30000 }), { nil: null }),
});

const budgetArb: fc.Arbitrary<BudgetLine[]> = fc.uniqueArray(
  fc.record({
    category: fc.constantFrom(...EXPENSE_CATEGORIES),
    amountFen: fc.integer({ min: 0, max: 3_000_000 }),
    reason: fc.constantFrom('', '特殊需要'),
  }),
  { selector: (l) => l.category, maxLength: 4 },
);

const bodyArb: fc.Arbitrary<RequestBody> = fc
  .record({
    orgCategory: fc.constantFrom(...ORG_CATEGORIES),
    tier: fc.constantFrom(...TIERS),
    tierOverrideReason: fc.constantFrom('', '领导指示'),
    arrivalOffset: fc.integer({ min: -20, max: 40 }),
    retroactive: fc.boolean(),
    visitors: fc.array(visitorArb, { maxLength: 20 }),
    companions: fc.integer({ min: 0, max: 10 }),
    meals: fc.array(mealArb, { maxLength: 6 }),
    budget: budgetArb,
    pickup: fc.boolean(),
    dropoff: fc.boolean(),
    carTrips: fc.integer({ min: 0, max: 5 }),
    hotelNights: fc.integer({ min: 0, max: 4 }),
    hotelRooms: fc.integer({ min: 0, max: 4 }),
    companyPaysLodging: fc.boolean(),
    gifts: fc.boolean(),
    giftCount: fc.integer({ min: 0, max: 30 }),
    banner: fc.boolean(),
    photographer: fc.boolean(),
    sightseeing: fc.boolean(),
    returnTickets: fc.boolean(),
  })
  .map((r) =>
    body(
      {
        orgCategory: r.orgCategory,
        tier: r.tier,
        tierOverrideReason: r.tierOverrideReason,
        arrivalDate: addDays(TODAY, r.arrivalOffset),
        departureDate: addDays(TODAY, r.arrivalOffset + 1),
        retroactive: r.retroactive,
        retroactiveReason: r.retroactive ? '补办' : '',
        visitors: r.visitors,
        companions: staff(r.companions),
        budget: r.budget,
      },
      {
        meals: r.meals,
        pickup: r.pickup,
        dropoff: r.dropoff,
        carTrips: r.carTrips,
        hotelNights: r.hotelNights,
        hotelRooms: r.hotelRooms,
        companyPaysLodging: r.companyPaysLodging,
        gifts: r.gifts,
        giftCount: r.giftCount,
        banner: r.banner,
        photographer: r.photographer,
        sightseeing: r.sightseeing,
        returnTickets: r.returnTickets,
      },
    ),
  );

const otherDatesArb = fc.array(
  fc.integer({ min: -30, max: 60 }).map((n) => addDays(TODAY, n)),
  { maxLength: 3 },
);

describe('properties', () => {
  it('the budget total is the sum of its lines, every line non-negative', () => {
    fc.assert(
      fc.property(bodyArb, (b) => {
        const budget = estimateBudget(b, DEFAULT_POLICY);
        expect(budget.totalFen).toBe(budget.lines.reduce((s, l) => s + l.amountFen, 0));
        expect(budget.lines).toHaveLength(EXPENSE_CATEGORIES.length);
        for (const l of budget.lines) {
          expect(Number.isSafeInteger(l.estimateFen) && l.estimateFen >= 0).toBe(true);
        }
      }),
    );
  });

  it('the meals line never shrinks when visitors or companions are added', () => {
    fc.assert(
      fc.property(
        bodyArb,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        (b, moreVisitors, moreCompanions) => {
          const bigger: RequestBody = {
            ...b,
            visitors: [...b.visitors, ...many(moreVisitors)],
            companions: [...b.companions, ...staff(moreCompanions)],
          };
          const meals = (x: RequestBody) =>
            estimateBudget(x, DEFAULT_POLICY).lines.find((l) => l.category === 'meals')
              ?.estimateFen ?? -1;
          expect(meals(bigger)).toBeGreaterThanOrEqual(meals(b));
        },
      ),
    );
  });

  it('adding a companion never removes a check (except an over-estimate line the larger estimate now covers)', () => {
    fc.assert(
      fc.property(bodyArb, otherDatesArb, (b, others) => {
        const more: RequestBody = { ...b, companions: [...b.companions, ...staff(1)] };
        const before = new Set(codes(checksOf(b, others)));
        const after = new Set(codes(checksOf(more, others)));
        const lost = [...before].filter((c) => !after.has(c));
        // A meals line is a total: spread over more people it can fall back under the cap.
        const mealsLine = b.budget.some((l) => l.category === 'meals');
        expect(
          lost.filter(
            (c) =>
              !c.startsWith('budget_over_estimate:') &&
              !(mealsLine && c === 'meal_over_cap:approval'),
          ),
        ).toEqual([]);
        // Without amounts set by the host, nothing at all is lost.
        if (b.budget.length === 0) expect(lost).toEqual([]);
      }),
    );
  });

  it('a host amount for meals that the larger headcount covers is no longer over the estimate', () => {
    const b = body({ budget: [line('meals', 35000)] });
    expect(codes(checksOf(b))).toEqual(['meal_over_cap:approval', 'budget_over_estimate:block']);
    expect(codes(checksOf({ ...b, companions: staff(2) }))).toEqual(['companions_ratio:warn']);
  });

  it('ticking retroactive never lets a visit still to come through: it is blocked on the arrival date', () => {
    fc.assert(
      fc.property(bodyArb, otherDatesArb, (b, others) => {
        const retro = { ...b, retroactive: true, retroactiveReason: '补办' };
        const blocks = blocking(checksOf(retro, others));
        const future = b.arrivalDate > TODAY;
        expect(blocks.some((c) => c.code === 'retroactive_in_future')).toBe(future);
        if (future) expect(blocks.some((c) => CHECK_FIELD[c.code] === 'arrivalDate')).toBe(true);
        // A genuine retroactive request (today or earlier) has no date check at all.
        else
          expect(
            checksOf(retro, others).filter((c) => CHECK_FIELD[c.code] === 'arrivalDate'),
          ).toEqual([]);
      }),
    );
  });

  it('a body whose tier is the suggested one has no tier override', () => {
    fc.assert(
      fc.property(bodyArb, otherDatesArb, (b, others) => {
        const onSuggested = { ...b, tier: DEFAULT_POLICY.suggestedTier[b.orgCategory] };
        const found = checksOf(onSuggested, others).map((c) => c.code);
        expect(found).not.toContain<CheckCode>('tier_override');
        expect(found).not.toContain<CheckCode>('tier_override_reason');
      }),
    );
  });

  it('a chain is the base chain plus at most one executive, always ending in filing', () => {
    fc.assert(
      fc.property(bodyArb, (b) => {
        const chain = planChain(b, DEFAULT_POLICY, checksOf(b)).map((s) => s.kind);
        expect([
          ['dept_head', 'admin_office'],
          ['dept_head', 'executive', 'admin_office'],
        ]).toContainEqual(chain);
        if (b.tier === 'A' || b.tier === 'B') expect(chain).toHaveLength(3);
      }),
    );
  });
});

describe('planChain: a head is not his own approver', () => {
  const kinds = (steps: ReturnType<typeof planChain>) =>
    steps.map((s) => `${s.kind}:${s.reason}${s.skipped ? ':skipped' : ''}`);
  it.each([
    [
      'C without an executive: his step goes to an executive',
      {},
      ['executive:host_is_head', 'admin_office:base'],
    ],
    [
      'C with company lodging (an executive anyway): his step is skipped',
      {
        needs: {
          ...emptyRequestBody().needs,
          companyPaysLodging: true,
          hotelNights: 1,
          hotelRooms: 1,
        },
      },
      ['dept_head:host_is_head:skipped', 'executive:company_lodging', 'admin_office:base'],
    ],
  ] as const)('%s', (_name, overrides, expected) => {
    const body = { ...emptyRequestBody(), ...overrides };
    const checks = evaluateChecks(body, DEFAULT_POLICY, {
      today: '2026-11-27',
      otherVisitDates: [],
    });
    expect(kinds(planChain(body, DEFAULT_POLICY, checks, { hostIsHead: true }))).toEqual(expected);
    expect(planChain(body, DEFAULT_POLICY, checks).some((s) => s.reason === 'host_is_head')).toBe(
      false,
    );
  });
});

// ------------------------------------------------------------ one meal check (issue 7.3)

describe('one meal check, however the money is entered', () => {
  /** A C-tier visit of 4 visitors and 2 accompanying staff: 6 people at each meal. */
  const six = (budget: BudgetLine[], meals: MealPlan[], extra: Partial<RequestBody> = {}) =>
    body({ visitors: many(4), companions: staff(2), budget, ...extra }, { meals });
  const mealCheck = (b: RequestBody) => checksOf(b).find((c) => c.code === 'meal_over_cap');
  const chainOf = (b: RequestBody) =>
    planChain(b, DEFAULT_POLICY, checksOf(b)).map((s) => `${s.kind}:${s.reason}`);
  const dinner = (perHeadFen: number | null): MealPlan => ({
    ...lunch(perHeadFen),
    meal: 'dinner',
  });
  const withExecutive = ['dept_head:base', 'executive:meal_over_cap', 'admin_office:base'];

  it('120 元 per head and a 720.00 meals line for 6 people give the same check and chain', () => {
    const perHead = six([], [lunch(12000)]);
    const asLine = six([line('meals', 72000, '客户宴请')], [lunch(null)]);
    const expected = {
      code: 'meal_over_cap',
      severity: 'approval',
      params: { capFen: 10000, worstFen: 12000, count: 1 },
    };
    expect(mealCheck(perHead)).toEqual(expected);
    expect(mealCheck(asLine)).toEqual(expected);
    expect(chainOf(perHead)).toEqual(withExecutive);
    expect(chainOf(asLine)).toEqual(withExecutive);
    // The line above its estimate still wants its reason, as before.
    expect(codes(checksOf(asLine))).toEqual([
      'meal_over_cap:approval',
      'budget_over_estimate:warn',
    ]);
  });

  it.each([
    // label, budget lines, meals, expected meal check (count, worst) or null
    ['a line at the cap for 6 people', [line('meals', 60000)], [lunch(null)], null],
    ['a line 1 fen above the cap', [line('meals', 60001, 'x')], [lunch(null)], [1, 10001]],
    [
      'a line spread over two meals × 6 people',
      [line('meals', 144000, 'x')],
      [lunch(null), dinner(null)],
      [2, 12000],
    ],
    [
      'the same line over two meals stays under the cap when it is 1 000 元',
      [line('meals', 120000, 'x')],
      [lunch(null), dinner(null)],
      null,
    ],
    [
      'a per-head amount keeps its money; the rest of the line goes to the other meal',
      [line('meals', 120000, 'x')],
      [lunch(8000), dinner(null)],
      [1, 12000],
    ],
    [
      'per-head amounts plus a line above their sum: the excess is spread over every meal',
      [line('meals', 132000, 'x')],
      [lunch(9000), dinner(9000)],
      [2, 11000],
    ],
    [
      'a line below the per-head amounts does not hide them',
      [line('meals', 10000)],
      [lunch(12000), dinner(null)],
      [1, 12000],
    ],
    [
      'a meals line with no meal planned counts as one meal',
      [line('meals', 72000, 'x')],
      [],
      [1, 12000],
    ],
    [
      'tobacco, alcohol and gifts never count toward the meal cap',
      [line('tobacco_alcohol', 300000, '宴请用酒'), line('gifts', 500000, '纪念品')],
      [lunch(10000)],
      null,
    ],
  ] as const)('%s', (_label, budget, meals, expected) => {
    const check = mealCheck(six([...budget], [...meals]));
    expect(check ? [check.params.count, check.params.worstFen] : null).toEqual(expected);
    if (check) expect(check.severity).toBe('approval');
  });

  it('actual expense lines go through the same function (meals only)', () => {
    const spent = mealExpenseFen([
      { category: 'meals', amountFen: 40000 },
      { category: 'tobacco_alcohol', amountFen: 90000 },
      { category: 'meals', amountFen: 32000 },
      { category: 'gifts', amountFen: 50000 },
    ]);
    expect(spent).toBe(72000);
    expect(mealExpenseFen([{ category: 'gifts', amountFen: 1 }])).toBeNull();
    const money = { perHeadFen: [null], headcount: 6, payer: 'company' as const };
    expect(mealMoneyCheck({ ...money, totalFen: spent }, 10000)?.params).toEqual({
      capFen: 10000,
      worstFen: 12000,
      count: 1,
    });
    expect(mealMoneyCheck({ ...money, totalFen: 60000 }, 10000)).toBeNull();
  });
});

describe('D tier: who pays the meals is an explicit choice', () => {
  const d = (needs: Partial<Needs>, budget: BudgetLine[] = []) =>
    body(
      { orgCategory: 'supplier', tier: 'D', visitors: many(4), companions: staff(2), budget },
      needs,
    );
  const mealsLine = (b: RequestBody) =>
    estimateBudget(b, DEFAULT_POLICY).lines.find((l) => l.category === 'meals');
  const chainOf = (b: RequestBody) =>
    planChain(b, DEFAULT_POLICY, checksOf(b)).map((s) => `${s.kind}:${s.reason}`);

  it('only a tier without a cap but with a canteen amount offers the choice', () => {
    expect(TIERS.filter((t) => mealPayerIsChosen(DEFAULT_POLICY, t))).toEqual(['D']);
  });

  it.each([
    // payer, meals, budget, expected meals estimate, expected codes, chain has an executive
    ['company', [lunch(null)], [], 6 * 2500, [], false],
    ['company', [lunch(2500)], [], 6 * 2500, [], false],
    ['company', [lunch(2501)], [], 6 * 2501, ['meal_over_cap:approval'], true],
    [
      'company',
      [lunch(null)],
      [line('meals', 15001, '工作餐')],
      6 * 2500,
      ['meal_over_cap:approval', 'budget_over_estimate:warn'],
      true,
    ],
    ['visitor', [lunch(null)], [], 0, [], false],
    ['visitor', [lunch(12000)], [], 0, [], false],
    [
      'visitor',
      [lunch(null)],
      [line('meals', 15001, '工作餐')],
      0,
      ['meal_over_cap:approval', 'budget_over_estimate:warn'],
      true,
    ],
  ] as const)(
    'paid by %s, meals %j, budget %j: meals estimate %i, checks %j',
    (mealPayer, meals, budget, estimate, expected, executive) => {
      const b = d({ mealPayer, meals: [...meals] }, [...budget]);
      expect(mealsLine(b)?.estimateFen).toBe(estimate);
      expect(codes(checksOf(b))).toEqual(expected);
      expect(chainOf(b).includes('executive:meal_over_cap')).toBe(executive);
    },
  );

  it('the payer is ignored where the tier fixes it (C: the company pays up to its cap)', () => {
    const c = body({}, { mealPayer: 'visitor', meals: [lunch(12000)] });
    expect(codes(checksOf(c))).toEqual(['meal_over_cap:approval']);
    expect(estimateBudget(c, DEFAULT_POLICY).lines[0]?.estimateFen).toBe(3 * 12000);
  });

  it('a body saved before the choice existed parses, as company-paid', () => {
    const { mealPayer: _omit, ...oldNeeds } = body({ tier: 'D', orgCategory: 'supplier' }).needs;
    const old = { ...body({ tier: 'D', orgCategory: 'supplier' }), needs: oldNeeds };
    const parsed = requestBodySchema.safeParse(old);
    expect(parsed.success && parsed.data.needs.mealPayer).toBe('company');
    const visitorPays = { ...old, needs: { ...oldNeeds, mealPayer: 'visitor' } };
    expect(requestBodySchema.safeParse(visitorPays).data?.needs.mealPayer).toBe('visitor');
    const bogus = { ...old, needs: { ...oldNeeds, mealPayer: 'host' } };
    expect(requestBodySchema.safeParse(bogus).success).toBe(false);
    expect(emptyRequestBody().needs.mealPayer).toBe('company');
  });
});

describe('property: the same meal money gives the same meal check, however it is split', () => {
  it('any split between per-head amounts and the meals line, any tobacco or gift lines', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TIERS),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 30000 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (tier, people, perHead, asPerHead, lineWhenAllPerHead, tobacco, gifts) => {
          const visitors = Math.max(1, Math.ceil(people / 2));
          const meals = asPerHead.map((p, i) => ({
            date: addDays('2026-12-01', i),
            meal: 'lunch' as const,
            perHeadFen: p ? perHead : null,
          }));
          const total = perHead * asPerHead.length * people;
          const allPerHead = asPerHead.every(Boolean);
          const budget = [
            ...(allPerHead && !lineWhenAllPerHead ? [] : [line('meals', total, 'x')]),
            line('tobacco_alcohol', tobacco, 'x'),
            line('gifts', gifts, 'x'),
          ];
          const b = body(
            {
              tier,
              orgCategory: 'client',
              tierOverrideReason: 'x',
              visitors: many(visitors),
              companions: staff(people - visitors),
              budget,
            },
            { meals, mealPayer: 'company' },
          );
          const check = checksOf(b).find((c) => c.code === 'meal_over_cap');
          const over = perHead > mealCapFen(DEFAULT_POLICY, tier);
          expect(check?.severity).toBe(over ? 'approval' : undefined);
          if (check) expect(check.params.count).toBe(asPerHead.length);
        },
      ),
    );
  });
});
