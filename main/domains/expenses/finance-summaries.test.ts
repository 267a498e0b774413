import { describe, expect, it } from 'vitest';
import type { PeriodFilter, ReconciliationStatus } from '../../../shared/expenses';
import { EXPENSE_CATEGORIES, TIERS } from '../../../shared/policy';
import { REQUEST_STATUSES } from '../../../shared/requests/lifecycle';
import { companyApp, signedInUser, type TestApp } from '../../test-support';
import { dashboardOf, periodPieces, reportOf } from './finance';
import { randomLines, seededRandom, seedVisit } from './finance-seed';

/**
 * The monthly summaries (migration 0180) against the rows they summarise: on a randomised data
 * set (finance-seed) changed at random — lines moved, re-split, re-stated and deleted; visits
 * moved, re-tiered, re-assigned and advanced; budgets changed and deleted — the summaries equal a
 * direct aggregation of their rows, and the report and dashboard read through them give exactly
 * what the same calls give read from the lines and requests alone.
 */

const RECONCILIATION: ReconciliationStatus[] = ['open', 'approving', 'returned', 'settled'];
const GROUPS = ['department', 'tier', 'category', 'status', 'host'] as const;

/** Each summary beside a GROUP BY of its source rows, in the same order. */
function summariesAndSources(t: TestApp) {
  const q = (sql: string) => t.rows(sql);
  return {
    lines: [
      q(`SELECT month, department_key, tier, category, status, over_cap, by_visitor, lines,
           amount_fen, over_cap_fen, borne_by_host_fen, company_fen, attendees
         FROM expense_line_summaries ORDER BY 1, 2, 3, 4, 5, 6, 7`),
      q(`SELECT substr(spent_on, 1, 7) AS month, coalesce(department_id, 0) AS department_key,
           tier, category, status, CASE WHEN over_cap_fen > 0 THEN 1 ELSE 0 END AS over_cap,
           CASE WHEN paid_by = 'visitor' THEN 1 ELSE 0 END AS by_visitor,
           count(*) AS lines, sum(amount_fen) AS amount_fen, sum(over_cap_fen) AS over_cap_fen,
           sum(borne_by_host_fen) AS borne_by_host_fen, sum(company_fen) AS company_fen,
           sum(visitors + companions) AS attendees
         FROM expense_lines GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`),
    ],
    visits: [
      q(`SELECT month, department_key, tier, status, visits FROM expense_visit_summaries
         ORDER BY 1, 2, 3, 4`),
      q(`SELECT substr(arrival_date, 1, 7) AS month, coalesce(department_id, 0) AS department_key,
           tier, status, count(*) AS visits
         FROM requests GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`),
    ],
    budgets: [
      q(`SELECT month, department_key, tier, status, category, budgets, amount_fen
         FROM expense_budget_summaries ORDER BY 1, 2, 3, 4, 5`),
      q(`SELECT substr(r.arrival_date, 1, 7) AS month,
           coalesce(r.department_id, 0) AS department_key, r.tier, r.status, b.category,
           count(*) AS budgets, sum(b.amount_fen) AS amount_fen
         FROM expense_budgets b JOIN requests r ON r.id = b.request_id
         GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`),
    ],
  };
}

function expectExact(t: TestApp) {
  const all = summariesAndSources(t);
  for (const [name, [summary, source]] of Object.entries(all)) {
    expect(summary, name).toEqual(source);
  }
  return all;
}

describe('the monthly summaries (migration 0180)', () => {
  it('cuts a period into its whole months and the days at either end', () => {
    const cases: [string, string, ReturnType<typeof periodPieces>][] = [
      ['2026-01-01', '2026-12-31', { months: { from: '2026-01', to: '2026-12' }, days: [] }],
      [
        '2026-01-15',
        '2026-03-10',
        {
          months: { from: '2026-02', to: '2026-02' },
          days: [
            { from: '2026-01-15', to: '2026-01-31' },
            { from: '2026-03-01', to: '2026-03-10' },
          ],
        },
      ],
      [
        '2026-01-15',
        '2026-01-20',
        { months: null, days: [{ from: '2026-01-15', to: '2026-01-20' }] },
      ],
      [
        '2026-01-31',
        '2026-02-01',
        { months: null, days: [{ from: '2026-01-31', to: '2026-02-01' }] },
      ],
      ['2024-02-01', '2024-02-29', { months: { from: '2024-02', to: '2024-02' }, days: [] }],
      ['2026-02-01', '2026-02-28', { months: { from: '2026-02', to: '2026-02' }, days: [] }],
      [
        '2025-12-15',
        '2026-01-31',
        {
          months: { from: '2026-01', to: '2026-01' },
          days: [{ from: '2025-12-15', to: '2025-12-31' }],
        },
      ],
      [
        '2025-11-01',
        '2026-01-30',
        {
          months: { from: '2025-11', to: '2025-12' },
          days: [{ from: '2026-01-01', to: '2026-01-30' }],
        },
      ],
    ];
    for (const [from, to, pieces] of cases)
      expect(periodPieces(from, to), `${from}…${to}`).toEqual(pieces);
  });

  it('stay exact through random writes; report and dashboard equal the direct aggregation', async () => {
    const { t, r } = await companyApp();
    const rd = (
      await t.ok('departments.create', { name: '研发部', headUserId: null }, r.admin.token)
    ).id;
    const host2 = await signedInUser(t, r.admin.token, {
      login: 'host2',
      displayName: '孙工',
      roles: ['host'],
      departmentId: rd,
    });
    const db = t.app.db;
    const random = seededRandom(180);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const day = () =>
      `${pick(['2025-12', '2026-01', '2026-02', '2026-03'])}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const now = t.now();

    const requestIds: number[] = [];
    for (let i = 0; i < 40; i++) {
      const arrivalDate = day();
      const status = pick(RECONCILIATION);
      const hostUserId = random() < 0.5 ? r.host.userId : host2.userId;
      const v = await seedVisit(
        db,
        {
          code: `S-${i}`,
          tier: pick(TIERS),
          departmentId: pick([r.departmentId, rd, null]),
          hostUserId,
          arrivalDate,
          reconciliation: { status, submittedAtMs: status === 'open' ? null : now - i },
          budget: Object.fromEntries(
            EXPENSE_CATEGORIES.filter(() => random() < 0.6).map((c) => [
              c,
              Math.floor(random() * 200_000),
            ]),
          ),
          lines: randomLines(random, arrivalDate, 1 + Math.floor(random() * 6), 1 + (i % 4)),
        },
        now,
      );
      requestIds.push(v.requestId);
    }
    expectExact(t);

    // Random writes, each through SQL as a service would make it (the triggers see them all).
    const lineIds = () =>
      t.rows<{ id: number }>('SELECT id FROM expense_lines ORDER BY id').map((x) => x.id);
    const updates = [
      (id: number) => t.exec('UPDATE expense_lines SET spent_on = ? WHERE id = ?', day(), id),
      (id: number) =>
        t.exec('UPDATE expense_lines SET status = ? WHERE id = ?', pick(RECONCILIATION), id),
      (id: number) =>
        t.exec(
          `UPDATE expense_lines SET amount_fen = ?, over_cap_fen = ?, borne_by_host_fen = ?,
               company_fen = ? WHERE id = ?`,
          ...(() => {
            const amount = 1_000 + Math.floor(random() * 100_000);
            const over = random() < 0.5 ? Math.floor(random() * amount) : 0;
            return [amount, over, over, amount - over, id];
          })(),
        ),
      (id: number) =>
        t.exec(
          'UPDATE expense_lines SET category = ?, paid_by = ? WHERE id = ?',
          pick(EXPENSE_CATEGORIES),
          pick(['company_card', 'advance', 'host', 'visitor']),
          id,
        ),
      (id: number) =>
        t.exec(
          'UPDATE expense_lines SET department_id = ?, tier = ?, visitors = ? WHERE id = ?',
          pick([r.departmentId, rd, null]),
          pick(TIERS),
          1 + Math.floor(random() * 5),
          id,
        ),
      // A column no summary holds: nothing moves.
      (id: number) => t.exec("UPDATE expense_lines SET note = 'x' WHERE id = ?", id),
      (id: number) => t.exec('DELETE FROM expense_lines WHERE id = ?', id),
    ];
    for (let i = 0; i < 150; i++) pick(updates)(pick(lineIds()));
    // A whole visit's lines restated at once (its reconciliation moving on).
    t.exec("UPDATE expense_lines SET status = 'settled' WHERE request_id = ?", requestIds[0]);

    const visitUpdates = [
      (id: number) => t.exec('UPDATE requests SET arrival_date = ? WHERE id = ?', day(), id),
      (id: number) =>
        t.exec('UPDATE requests SET status = ? WHERE id = ?', pick(REQUEST_STATUSES), id),
      (id: number) =>
        t.exec(
          'UPDATE requests SET department_id = ?, tier = ? WHERE id = ?',
          pick([r.departmentId, rd, null]),
          pick(TIERS),
          id,
        ),
      (id: number) =>
        t.exec(
          'UPDATE expense_budgets SET amount_fen = ? WHERE request_id = ? AND category = ?',
          Math.floor(random() * 300_000),
          id,
          pick(EXPENSE_CATEGORIES),
        ),
      (id: number) =>
        t.exec(
          'DELETE FROM expense_budgets WHERE request_id = ? AND category = ?',
          id,
          pick(EXPENSE_CATEGORIES),
        ),
      (id: number) =>
        t.exec(
          `INSERT INTO expense_budgets (request_id, category, amount_fen) VALUES (?, ?, ?)
             ON CONFLICT (request_id, category) DO UPDATE SET amount_fen = excluded.amount_fen`,
          id,
          pick(EXPENSE_CATEGORIES),
          Math.floor(random() * 300_000),
        ),
    ];
    for (let i = 0; i < 80; i++) pick(visitUpdates)(pick(requestIds));
    // A request without budget or lines deleted (a draft thrown away).
    const draft = await seedVisit(
      db,
      {
        code: 'DRAFT',
        tier: 'C',
        departmentId: rd,
        hostUserId: host2.userId,
        arrivalDate: '2026-02-02',
        reconciliation: null,
      },
      now,
    );
    t.exec('DELETE FROM expense_budgets WHERE request_id = ?', draft.requestId);
    t.exec('DELETE FROM requests WHERE id = ?', draft.requestId);

    const exact = expectExact(t);
    // Not a vacuous comparison: there is something in each, and deletes left no empty group.
    for (const [name, [summary]] of Object.entries(exact)) {
      expect((summary as unknown[]).length, name).toBeGreaterThan(3);
    }
    expect(t.count('expense_line_summaries', 'lines = 0')).toBe(0);

    // The report and the dashboard: the summaries (and the lines at the ends) = the lines alone.
    const periods: PeriodFilter[] = [
      { from: '2025-12-01', to: '2026-03-31' },
      { from: '2026-01-01', to: '2026-12-31' },
      { from: '2025-12-10', to: '2026-02-20' },
      { from: '2026-01-05', to: '2026-01-25' },
      { from: '2025-12-01', to: '2026-02-28', departmentId: rd },
      { from: '2025-12-01', to: '2026-03-31', tier: 'B' },
      { from: '2025-12-15', to: '2026-03-31', category: 'meals' },
      { from: '2025-12-01', to: '2026-03-15', status: 'settled' },
      { from: '2025-12-01', to: '2026-03-31', overCapOnly: true },
      { from: '2025-12-01', to: '2026-03-31', hostUserId: host2.userId },
      {
        from: '2026-01-01',
        to: '2026-03-31',
        departmentId: r.departmentId,
        category: 'meals',
        tier: 'A',
      },
    ];
    let seen = 0;
    for (const period of periods) {
      for (const groupBy of GROUPS) {
        const summarised = await reportOf(db, { period, groupBy }, true);
        expect(summarised, `${JSON.stringify(period)} by ${groupBy}`).toEqual(
          await reportOf(db, { period, groupBy }, false),
        );
        seen += summarised.total.lines;
      }
      const dash = await dashboardOf(db, period, true);
      expect(dash, `dashboard ${JSON.stringify(period)}`).toEqual(
        await dashboardOf(db, period, false),
      );
    }
    expect(seen).toBeGreaterThan(0);
    const whole = await dashboardOf(db, periods[0]!, true);
    expect(whole.spendByMonth.some((m) => m.actualFen > 0 && m.budgetFen > 0)).toBe(true);
    expect(whole.visitsByMonth.some((m) => m.A + m.B + m.C + m.D > 0)).toBe(true);
  });
});
