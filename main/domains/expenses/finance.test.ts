import { describe, expect, it } from 'vitest';
import type { LineRow, ReconciliationStatus, ReportView } from '../../../shared/expenses';
import { DEFAULT_POLICY, estimateBudget, EXPENSE_CATEGORIES } from '../../../shared/policy';
import { requestBodySchema } from '../../../shared/requests';
import {
  companyApp,
  signedInUser,
  type Reception,
  type SignedIn,
  type TestApp,
} from '../../test-support';
import { randomLines, seededRandom, seedVisit } from './finance-seed';
import { monthsOf } from './finance';
import { bTierLunchBody, filedVisit, financeClerk } from './test-money';

/**
 * Finance's reads on a small known data set (every figure computed by hand below), and paging on
 * a larger seeded one.
 *
 * V1  B  销售部  host   2026-10-10  settled   budget meals 800, vehicles 300
 *     L1 meals 900.00, 4 + 2, advance    → 150.00 a head, cap 130.00, over 120.00 (host bears it)
 *     L2 vehicles 200.00 (10-11)         → company 200.00
 *     L3 gifts 300.00, paid by visitor   → on record, not in the actuals
 * V2  A  研发部  host2  2026-11-05  approving  budget meals 600, lodging 500 (not company-paid)
 *     L4 meals 600.00, 3 + 1             → 150.00 a head, cap 150.00, over 0
 *     L5 lodging 450.00, 1 + 0, host     → lodging not approved: the host bears 450.00
 * V3  C  销售部  host   2026-11-20  open      budget meals 300, tickets 1,000
 *     L6 meals 500.00, 2 + 1, advance    → 166.67 a head, cap 100.00, over 200.00
 *     L7 tickets 1,100.00, 2 + 0
 * V4  D  (none)  host   2026-12-01  open      L8 meals 75.00, 2 + 1 (canteen 25.00): out of period
 */
interface World {
  t: TestApp;
  r: Reception;
  finance: SignedIn;
  host2: SignedIn;
  rd: number;
  ids: { v1: number; v2: number; v3: number; v4: number };
}

const PERIOD = { from: '2026-10-01', to: '2026-11-30' };

async function world(): Promise<World> {
  const { t, r } = await companyApp();
  const finance = await financeClerk(t, r);
  const rd = (await t.ok('departments.create', { name: '研发部', headUserId: null }, r.admin.token))
    .id;
  const host2 = await signedInUser(t, r.admin.token, {
    login: 'host2',
    displayName: '孙工',
    roles: ['host'],
    departmentId: rd,
  });
  const db = t.app.db;
  const now = t.now();
  const v1 = await seedVisit(
    db,
    {
      code: 'V1',
      tier: 'B',
      departmentId: r.departmentId,
      hostUserId: r.host.userId,
      arrivalDate: '2026-10-10',
      departureDate: '2026-10-11',
      reconciliation: { status: 'settled', submittedAtMs: now - 3000 },
      budget: { meals: 80_000, vehicles: 30_000 },
      lines: [
        {
          category: 'meals',
          spentOn: '2026-10-10',
          amountFen: 90_000,
          visitors: 4,
          companions: 2,
          paidBy: 'advance',
        },
        { category: 'vehicles', spentOn: '2026-10-11', amountFen: 20_000 },
        { category: 'gifts', spentOn: '2026-10-10', amountFen: 30_000, paidBy: 'visitor' },
      ],
    },
    now,
  );
  const v2 = await seedVisit(
    db,
    {
      code: 'V2',
      tier: 'A',
      departmentId: rd,
      hostUserId: host2.userId,
      arrivalDate: '2026-11-05',
      reconciliation: { status: 'approving', submittedAtMs: now - 2000 },
      budget: { meals: 60_000, lodging: 50_000 },
      lines: [
        { category: 'meals', spentOn: '2026-11-05', amountFen: 60_000, visitors: 3, companions: 1 },
        {
          category: 'lodging',
          spentOn: '2026-11-05',
          amountFen: 45_000,
          visitors: 1,
          companions: 0,
          paidBy: 'host',
        },
      ],
    },
    now,
  );
  const v3 = await seedVisit(
    db,
    {
      code: 'V3',
      tier: 'C',
      departmentId: r.departmentId,
      hostUserId: r.host.userId,
      arrivalDate: '2026-11-20',
      budget: { meals: 30_000, tickets: 100_000 },
      lines: [
        { category: 'meals', spentOn: '2026-11-20', amountFen: 50_000, paidBy: 'advance' },
        {
          category: 'tickets',
          spentOn: '2026-11-20',
          amountFen: 110_000,
          visitors: 2,
          companions: 0,
        },
      ],
    },
    now,
  );
  const v4 = await seedVisit(
    db,
    {
      code: 'V4',
      tier: 'D',
      departmentId: null,
      hostUserId: r.host.userId,
      arrivalDate: '2026-12-01',
      budget: { meals: 7_500 },
      lines: [{ category: 'meals', spentOn: '2026-12-01', amountFen: 7_500 }],
    },
    now,
  );
  return {
    t,
    r,
    finance,
    host2,
    rd,
    ids: { v1: v1.requestId, v2: v2.requestId, v3: v3.requestId, v4: v4.requestId },
  };
}

const figures = (rows: ReportView['rows']) =>
  rows.map((x) => [x.key, x.label, x.amountFen, x.overCapFen, x.lines]);

/** Every line of a period, all pages (limit per page). */
async function allLines(
  w: Pick<World, 't' | 'finance'>,
  period: Record<string, unknown>,
  limit: number,
) {
  const out: LineRow[] = [];
  const pages: number[] = [];
  let after: { key: string | number; id: number } | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await w.t.ok(
      'expenses.lines',
      { period: period as typeof PERIOD, after, limit },
      w.finance.token,
    );
    out.push(...page.items);
    pages.push(page.items.length);
    if (!page.next) break;
    after = page.next;
  }
  return { lines: out, pages };
}

describe('expenses.report', () => {
  it('groups a period by department, tier, category, status and host; totals are the sums', async () => {
    const w = await world();
    const { t, finance, r } = w;
    const by = (groupBy: ReportView['groupBy']) =>
      t.ok('expenses.report', { period: PERIOD, groupBy }, finance.token);

    const dept = await by('department');
    expect(figures(dept.rows)).toEqual([
      [String(r.departmentId), '销售部', 300_000, 32_000, 5],
      [String(w.rd), '研发部', 105_000, 0, 2],
    ]);
    expect(dept.total).toEqual({ amountFen: 405_000, overCapFen: 32_000, lines: 7 });

    expect(figures((await by('tier')).rows)).toEqual([
      ['A', 'A', 105_000, 0, 2],
      ['B', 'B', 140_000, 12_000, 3],
      ['C', 'C', 160_000, 20_000, 2],
    ]);
    expect(figures((await by('category')).rows)).toEqual([
      ['meals', 'meals', 200_000, 32_000, 3],
      ['gifts', 'gifts', 30_000, 0, 1],
      ['lodging', 'lodging', 45_000, 0, 1],
      ['vehicles', 'vehicles', 20_000, 0, 1],
      ['tickets', 'tickets', 110_000, 0, 1],
    ]);
    expect(figures((await by('status')).rows)).toEqual([
      ['open', 'open', 160_000, 20_000, 2],
      ['approving', 'approving', 105_000, 0, 2],
      ['settled', 'settled', 140_000, 12_000, 3],
    ]);
    expect(figures((await by('host')).rows)).toEqual([
      [String(r.host.userId), '王接待', 300_000, 32_000, 5],
      [String(w.host2.userId), '孙工', 105_000, 0, 2],
    ]);

    // The matrix: department × category, every category present.
    const cells = Object.fromEntries(
      dept.matrix.map((m) => [
        m.departmentName,
        Object.fromEntries(
          Object.entries(m.cells)
            .filter(([, c]) => c.lines > 0)
            .map(([k, c]) => [k, c.amountFen]),
        ),
      ]),
    );
    expect(cells).toEqual({
      研发部: { meals: 60_000, lodging: 45_000 },
      销售部: { meals: 140_000, gifts: 30_000, vehicles: 20_000, tickets: 110_000 },
    });
    expect(Object.keys(dept.matrix[0]!.cells)).toEqual([...EXPENSE_CATEGORIES]);
  });

  it('every total is the sum of its rows, of its matrix cells and of the lines behind it', async () => {
    const w = await world();
    const { t, finance } = w;
    const filters: Record<string, unknown>[] = [
      {},
      { departmentId: w.r.departmentId },
      { departmentId: w.rd },
      { tier: 'B' },
      { hostUserId: w.host2.userId },
      { category: 'meals' },
      { status: 'open' },
      { overCapOnly: true },
      { from: '2026-10-11', to: '2026-11-05' },
      { from: '2017-01-01', to: '2026-12-31' },
    ];
    for (const f of filters) {
      const period = { ...PERIOD, ...f };
      const lines = (await allLines(w, period, 2)).lines;
      const sum = {
        amountFen: lines.reduce((s, l) => s + l.amountFen, 0),
        overCapFen: lines.reduce((s, l) => s + l.overCapFen, 0),
        lines: lines.length,
      };
      for (const groupBy of ['department', 'tier', 'host', 'category', 'status'] as const) {
        const rep = await t.ok(
          'expenses.report',
          { period: period as typeof PERIOD, groupBy },
          finance.token,
        );
        expect(rep.total, `${JSON.stringify(f)} by ${groupBy}`).toEqual(sum);
        const rowSum = rep.rows.reduce((s, x) => s + x.amountFen, 0);
        const cellSum = rep.matrix
          .flatMap((m) => Object.values(m.cells))
          .reduce((s, c) => s + c.amountFen, 0);
        expect([rowSum, cellSum]).toEqual([sum.amountFen, sum.amountFen]);
        expect(rep.rows.reduce((s, x) => s + x.lines, 0)).toBe(sum.lines);
      }
    }
    // The filters by hand: a department, a tier, a host, a category, a status, over the cap.
    const total = async (f: Record<string, unknown>) =>
      (
        await t.ok(
          'expenses.report',
          { period: { ...PERIOD, ...f } as typeof PERIOD, groupBy: 'department' },
          finance.token,
        )
      ).total.amountFen;
    expect(await total({ departmentId: w.r.departmentId })).toBe(300_000);
    expect(await total({ tier: 'B' })).toBe(140_000);
    expect(await total({ hostUserId: w.host2.userId })).toBe(105_000);
    expect(await total({ category: 'meals' })).toBe(200_000);
    expect(await total({ status: 'open' })).toBe(160_000);
    expect(await total({ overCapOnly: true })).toBe(140_000);
    // The period's ends are inclusive: V4's line of 12-01 only with a period reaching it.
    expect(await total({ to: '2026-12-01' })).toBe(412_500);
    expect(await total({ from: '2026-12-02', to: '2026-12-31' })).toBe(0);
  });

  it('rows of the lines: names, attendees and the stored split', async () => {
    const w = await world();
    const { lines } = await allLines(w, { ...PERIOD, category: 'meals' }, 50);
    expect(
      lines.map((l) => [
        l.requestCode,
        l.orgName,
        l.tier,
        l.departmentName,
        l.hostName,
        l.spentOn,
        l.attendees,
        l.perHeadFen,
        l.capFen,
        l.overCapFen,
        l.borneByHostFen,
        l.status,
      ]),
    ).toEqual([
      [
        'V1',
        'V1 单位',
        'B',
        '销售部',
        '王接待',
        '2026-10-10',
        6,
        15_000,
        13_000,
        12_000,
        12_000,
        'settled',
      ],
      ['V2', 'V2 单位', 'A', '研发部', '孙工', '2026-11-05', 4, 15_000, 15_000, 0, 0, 'approving'],
      [
        'V3',
        'V3 单位',
        'C',
        '销售部',
        '王接待',
        '2026-11-20',
        3,
        16_667,
        10_000,
        20_000,
        20_000,
        'open',
      ],
    ]);
  });
});

describe('expenses.lines: keyset pages', () => {
  it('walks three pages by date then id with no gap and no duplicate; a total only on the first', async () => {
    const { t, r } = await companyApp();
    const finance = await financeClerk(t, r);
    const random = seededRandom(7);
    // 25 lines over a few days, several on the same day (ids interleaved across visits).
    const days = ['2026-09-01', '2026-09-02', '2026-09-03'];
    for (let i = 0; i < 5; i++) {
      await seedVisit(
        t.app.db,
        {
          code: `P${i}`,
          tier: 'C',
          departmentId: r.departmentId,
          hostUserId: r.host.userId,
          arrivalDate: days[i % 3]!,
          lines: [
            ...randomLines(random, days[i % 3]!, 3, 2),
            ...randomLines(random, days[(i + 1) % 3]!, 2, 2),
          ],
        },
        t.now(),
      );
    }
    const all = t.rows<{ id: number; spent_on: string }>(
      'SELECT id, spent_on FROM expense_lines ORDER BY spent_on, id',
    );
    expect(all).toHaveLength(25);
    const first = await t.ok(
      'expenses.lines',
      { period: { from: '2026-09-01', to: '2026-09-30' }, limit: 10 },
      finance.token,
    );
    expect(first.total).toEqual({ count: 25, atLeast: false });
    const { lines, pages } = await allLines(
      { t, finance },
      { from: '2026-09-01', to: '2026-09-30' },
      10,
    );
    expect(pages).toEqual([10, 10, 5]);
    expect(lines.map((l) => l.id)).toEqual(all.map((a) => a.id));
    const second = await t.ok(
      'expenses.lines',
      { period: { from: '2026-09-01', to: '2026-09-30' }, limit: 10, after: first.next! },
      finance.token,
    );
    expect(second.total).toBeNull();
    // A cursor whose key is not a date is refused, nothing read.
    expect(
      (
        await t.fail(
          'expenses.lines',
          { period: { from: '2026-09-01', to: '2026-09-30' }, after: { key: 5, id: 1 } },
          finance.token,
        )
      ).code,
    ).toBe('INVALID_INPUT');
  });
});

describe('expenses.reconciliations: finance queue', () => {
  it('by status, oldest submission first, ties by id; sums and whom each waits on', async () => {
    const { t, r } = await companyApp();
    const finance = await financeClerk(t, r);
    const now = t.now();
    const visit = (
      code: string,
      submittedAtMs: number | null,
      status: ReconciliationStatus = 'approving',
    ) =>
      seedVisit(
        t.app.db,
        {
          code,
          tier: 'B',
          departmentId: r.departmentId,
          hostUserId: r.host.userId,
          arrivalDate: '2026-11-01',
          reconciliation: { status, submittedAtMs },
          lines: [
            {
              category: 'meals',
              spentOn: '2026-11-01',
              amountFen: 90_000,
              visitors: 4,
              companions: 2,
            },
            { category: 'vehicles', spentOn: '2026-11-01', amountFen: 10_000 },
          ],
        },
        now,
      );
    const late = await visit('Q-LATE', now - 1_000);
    const early = await visit('Q-EARLY', now - 9_000);
    const tieA = await visit('Q-TIE-A', now - 5_000);
    const tieB = await visit('Q-TIE-B', now - 5_000);
    await visit('Q-SETTLED', now - 20_000, 'settled');
    // The early one waits on finance (its current round), the others on their dept head.
    const step = (subjectId: number, kind: 'dept_head' | 'finance', revision = 1) =>
      t.app.db
        .insertInto('approvalSteps')
        .values({
          subjectType: 'reconciliation',
          subjectId,
          revision,
          seq: kind === 'finance' ? 2 : 1,
          kind,
          reason: 'base',
          assigneeUserId: null,
          status: 'pending',
          decidedBy: null,
          onBehalfOf: null,
          decidedAtMs: null,
          pendingSinceMs: now,
        })
        .execute();
    await step(early.reconciliationId!, 'finance');
    await step(late.reconciliationId!, 'dept_head');
    // A pending step of an earlier round is not whom it waits on now.
    await step(tieA.reconciliationId!, 'finance', 0);

    const seen: string[] = [];
    let after: { key: string | number; id: number } | undefined;
    const rows = [];
    for (let i = 0; i < 5; i++) {
      const page = await t.ok(
        'expenses.reconciliations',
        { status: 'approving', limit: 2, after },
        finance.token,
      );
      rows.push(...page.items);
      seen.push(page.items.map((x) => x.requestCode).join(','));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toEqual(['Q-EARLY,Q-TIE-A', 'Q-TIE-B,Q-LATE']);
    expect(rows.map((x) => x.id)).toEqual([
      early.reconciliationId,
      tieA.reconciliationId,
      tieB.reconciliationId,
      late.reconciliationId,
    ]);
    expect(rows[0]).toMatchObject({
      requestCode: 'Q-EARLY',
      tier: 'B',
      hostName: '王接待',
      departmentName: '销售部',
      status: 'approving',
      waitingOn: 'finance',
      amountFen: 100_000,
      overCapFen: 12_000,
      lines: 2,
    });
    expect(rows.map((x) => x.waitingOn)).toEqual(['finance', null, null, 'dept_head']);
    const settled = await t.ok('expenses.reconciliations', { status: 'settled' }, finance.token);
    expect(settled.items.map((x) => x.requestCode)).toEqual(['Q-SETTLED']);
    expect(settled.next).toBeNull();
    // Never-submitted (open) ones come first, by id, and page on.
    await visit('Q-OPEN-1', null, 'open');
    await visit('Q-OPEN-2', null, 'open');
    const open1 = await t.ok(
      'expenses.reconciliations',
      { status: 'open', limit: 1 },
      finance.token,
    );
    expect(open1.items.map((x) => x.requestCode)).toEqual(['Q-OPEN-1']);
    expect(open1.next?.key).toBe(-1);
    const open2 = await t.ok(
      'expenses.reconciliations',
      { status: 'open', limit: 1, after: open1.next! },
      finance.token,
    );
    expect(open2.items.map((x) => x.requestCode)).toEqual(['Q-OPEN-2']);
  });
});

describe('expenses.dashboard', () => {
  it('gives the hand-computed figures of the small data set', async () => {
    const w = await world();
    const d = await w.t.ok('expenses.dashboard', { period: PERIOD }, w.finance.token);
    expect(d.visitsByMonth).toEqual([
      { month: '2026-10', A: 0, B: 1, C: 0, D: 0 },
      { month: '2026-11', A: 1, B: 0, C: 1, D: 0 },
    ]);
    // Actual: what the company and the host bore (the visitor's gifts left out).
    expect(d.spendByMonth).toEqual([
      { month: '2026-10', budgetFen: 110_000, actualFen: 110_000 },
      { month: '2026-11', budgetFen: 240_000, actualFen: 265_000 },
    ]);
    expect(d.spendByDepartment).toEqual([
      { departmentId: w.r.departmentId, name: '销售部', budgetFen: 240_000, actualFen: 270_000 },
      { departmentId: w.rd, name: '研发部', budgetFen: 110_000, actualFen: 105_000 },
    ]);
    const cat = Object.fromEntries(
      d.spendByCategory.map((c) => [c.category, [c.budgetFen, c.actualFen]]),
    );
    expect(cat).toEqual({
      meals: [170_000, 200_000],
      tobacco_alcohol: [0, 0],
      gifts: [0, 0],
      lodging: [50_000, 45_000],
      vehicles: [30_000, 20_000],
      tickets: [100_000, 110_000],
      venue: [0, 0],
      sightseeing: [0, 0],
      other: [0, 0],
    });
    expect(d.mealPerHead).toEqual([
      { tier: 'A', avgPerHeadFen: 15_000, capFen: 15_000, meals: 1 },
      { tier: 'B', avgPerHeadFen: 15_000, capFen: 13_000, meals: 1 },
      { tier: 'C', avgPerHeadFen: 16_667, capFen: 10_000, meals: 1 },
      { tier: 'D', avgPerHeadFen: null, capFen: 2_500, meals: 0 },
    ]);
    expect(d.topOverCap).toEqual([
      {
        requestId: w.ids.v3,
        code: 'V3',
        orgName: 'V3 单位',
        tier: 'C',
        overCapFen: 20_000,
        amountFen: 160_000,
      },
      {
        requestId: w.ids.v1,
        code: 'V1',
        orgName: 'V1 单位',
        tier: 'B',
        overCapFen: 12_000,
        amountFen: 140_000,
      },
    ]);
    // The totals of each breakdown agree with each other and with the lines.
    const sum = (xs: { actualFen: number }[]) => xs.reduce((s, x) => s + x.actualFen, 0);
    expect(
      new Set([sum(d.spendByMonth), sum(d.spendByDepartment), sum(d.spendByCategory)]),
    ).toEqual(new Set([375_000]));
  });

  it('narrows by department, tier and host; D on its canteen amount', async () => {
    const w = await world();
    const dash = (f: Record<string, unknown>) =>
      w.t.ok(
        'expenses.dashboard',
        { period: { ...PERIOD, ...f } as typeof PERIOD },
        w.finance.token,
      );
    const rd = await dash({ departmentId: w.rd });
    expect(rd.spendByDepartment).toEqual([
      { departmentId: w.rd, name: '研发部', budgetFen: 110_000, actualFen: 105_000 },
    ]);
    expect(rd.visitsByMonth.map((m) => m.A + m.B + m.C + m.D)).toEqual([0, 1]);
    const b = await dash({ tier: 'B' });
    expect(b.topOverCap.map((x) => x.code)).toEqual(['V1']);
    expect(b.spendByMonth.map((m) => m.actualFen)).toEqual([110_000, 0]);
    const host2 = await dash({ hostUserId: w.host2.userId });
    expect(host2.spendByCategory.find((c) => c.category === 'lodging')).toEqual({
      category: 'lodging',
      budgetFen: 50_000,
      actualFen: 45_000,
    });
    const dec = await dash({ from: '2026-12-01', to: '2026-12-31' });
    expect(dec.mealPerHead.find((m) => m.tier === 'D')).toEqual({
      tier: 'D',
      avgPerHeadFen: 2_500,
      capFen: 2_500,
      meals: 1,
    });
    expect(dec.spendByDepartment).toEqual([
      { departmentId: 0, name: '', budgetFen: 7_500, actualFen: 7_500 },
    ]);
  });

  it('months of a period', () => {
    expect(monthsOf('2025-11-15', '2026-02-01')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsOf('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
  });
});

describe('rights and bad input', () => {
  it('finance, executives and the admin office read reports; a host is refused', async () => {
    const w = await world();
    const { t, r, finance } = w;
    const reads = [
      ['expenses.report', { period: PERIOD, groupBy: 'tier' }],
      ['expenses.lines', { period: PERIOD }],
      ['expenses.dashboard', { period: PERIOD }],
    ] as const;
    for (const [op, input] of reads) {
      for (const who of [finance, r.executive, r.office]) await t.ok(op, input as never, who.token);
      expect((await t.fail(op, input, r.host.token)).code).toBe('FORBIDDEN');
      expect((await t.fail(op, input, r.head.token)).code).toBe('FORBIDDEN');
    }
    // The queue is finance's alone.
    await t.ok('expenses.reconciliations', { status: 'approving' }, finance.token);
    for (const who of [r.executive, r.office, r.host]) {
      expect(
        (await t.fail('expenses.reconciliations', { status: 'approving' }, who.token)).code,
      ).toBe('FORBIDDEN');
    }
  });

  it('a period backwards, a bad date, an unknown status or group: a field error, nothing changed', async () => {
    const w = await world();
    const { t, finance } = w;
    const before = t.snapshot();
    const bad: [string, unknown][] = [
      ['expenses.report', { period: { from: '2026-11-30', to: '2026-10-01' }, groupBy: 'tier' }],
      ['expenses.report', { period: { from: '2026-02-30', to: '2026-10-01' }, groupBy: 'tier' }],
      ['expenses.report', { period: PERIOD, groupBy: 'vendor' }],
      ['expenses.lines', { period: { ...PERIOD, status: 'paid' } }],
      ['expenses.lines', { period: { ...PERIOD, departmentId: -1 } }],
      ['expenses.lines', { period: PERIOD, limit: 1000 }],
      ['expenses.dashboard', { period: { ...PERIOD, tier: 'E' } }],
      ['expenses.reconciliations', { status: 'approving', after: { key: 'x', id: 1 } }],
    ];
    for (const [op, input] of bad) {
      const e = await t.fail(op, input, finance.token);
      expect(e.code, `${op} ${JSON.stringify(input)}`).toBe('INVALID_INPUT');
      expect(e.message).not.toMatch(/^[a-z]+\.[A-Za-z.]+$/);
    }
    expect(
      (
        await t.fail(
          'expenses.report',
          { period: { from: '2026-11-30', to: '2026-10-01' }, groupBy: 'tier' },
          finance.token,
        )
      ).fieldErrors?.['period.to'],
    ).toBeTruthy();
    expect(t.snapshot()).toEqual(before);
  });
});

describe('the approved budget (expense_budgets)', () => {
  it('is written when a request is approved: estimateBudget of its body, one row per category', async () => {
    const { t, r } = await companyApp();
    const id = await filedVisit(t, r, bTierLunchBody());
    const rows = t.rows<{ category: string; amount_fen: number }>(
      'SELECT category, amount_fen FROM expense_budgets WHERE request_id = ? ORDER BY category',
      id,
    );
    const stored = t.rows<{ body: string }>('SELECT body FROM requests WHERE id = ?', id)[0]!;
    const budget = estimateBudget(requestBodySchema.parse(JSON.parse(stored.body)), DEFAULT_POLICY);
    expect(rows).toHaveLength(EXPENSE_CATEGORIES.length);
    expect(Object.fromEntries(rows.map((x) => [x.category, x.amount_fen]))).toEqual(
      Object.fromEntries(budget.lines.map((l) => [l.category, l.amountFen])),
    );
    expect(rows.reduce((s, x) => s + x.amount_fen, 0)).toBe(budget.totalFen);
    expect(budget.totalFen).toBeGreaterThan(0);
  });
});
