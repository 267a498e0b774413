import { performance } from 'node:perf_hooks';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { dispatch } from '../main/api/dispatcher';
import type { RunningApp } from '../main/app';
import { dashboardOf, HAPPENED_STATUSES, reportOf } from '../main/domains/expenses/finance';
import {
  lineRow,
  randomLines,
  seededRandom,
  seedFacts,
  type SeedVisit,
} from '../main/domains/expenses/finance-seed';
import { EXPENSE_CATEGORIES, type Tier } from '../shared/policy';
import type { Case } from './cases';

/**
 * Issue 12's hot reads (finance): a year's report by department × category (goal ≤ 150 ms) and
 * the dashboard of a year (goal ≤ 300 ms), at ten years of expense lines (2,000,000; 50,000 with
 * `--quick`), each through the dispatcher beside its raw-SQL floor — the same aggregations as
 * hand-written statements on the same file: on the monthly summaries (migration 0180) for whole
 * months. Beside them, the same calls with the summaries off (every figure from the lines, as
 * before 0180) against the lines' own floor, and a period of partial months (summaries for the
 * whole ones, the lines for the days at either end). Also the first page of a year's lines.
 *
 * The lines are written straight into the bench's file the first time (a file that has them is
 * used as it is): a few per visit that happened, on its arrival day, each split by the shared
 * rules (finance-seed's lineRow), with the visit's reconciliation and approved budget.
 */

export interface SeededExpenses {
  lines: number;
  year: { from: string; to: string };
  seededMs: number | null;
}

const LINE_COLUMNS = [
  'request_id',
  'category',
  'spent_on',
  'vendor',
  'amount_fen',
  'invoice_type',
  'invoice_no',
  'invoice_key',
  'no_invoice_reason',
  'paid_by',
  'booking_id',
  'visitors',
  'companions',
  'per_head_fen',
  'cap_fen',
  'over_cap_fen',
  'borne_by_host_fen',
  'company_fen',
  'department_id',
  'tier',
  'host_user_id',
  'status',
  'created_by',
  'created_at_ms',
  'updated_at_ms',
] as const;

interface VisitRow {
  id: number;
  tier: Tier;
  department_id: number | null;
  host_user_id: number;
  arrival_date: string;
  departure_date: string;
  visitor_count: number;
}

/** Writes `target` lines (at least), unless the file has them already. */
export function seedExpenses(app: RunningApp, target: number): SeededExpenses {
  const sqlite = app.sqlite;
  const t0 = performance.now();
  const have = () =>
    (sqlite.prepare('SELECT count(*) AS n FROM expense_lines').get() as { n: number }).n;
  let wrote = false;
  if (have() < target) {
    const placeholders = HAPPENED_STATUSES.map(() => '?').join(', ');
    const visits = sqlite
      .prepare(
        `SELECT id, tier, department_id, host_user_id, arrival_date, departure_date, visitor_count
         FROM requests WHERE status IN (${placeholders})
           AND id NOT IN (SELECT request_id FROM expense_reconciliations) ORDER BY id`,
      )
      .all(...HAPPENED_STATUSES) as VisitRow[];
    if (visits.length === 0) throw new Error('the bench database has no visit that happened');
    const perVisit = Math.max(1, Math.ceil((target - have()) / visits.length));
    const insertLine = sqlite.prepare(
      `INSERT INTO expense_lines (${LINE_COLUMNS.join(', ')})
       VALUES (${LINE_COLUMNS.map(() => '?').join(', ')})`,
    );
    const insertRec = sqlite.prepare(
      `INSERT INTO expense_reconciliations (request_id, status, revision, submitted_at_ms,
         settled_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const insertBudget = sqlite.prepare(
      'INSERT OR REPLACE INTO expense_budgets (request_id, category, amount_fen) VALUES (?, ?, ?)',
    );
    const random = seededRandom(12);
    const last = visits.reduce((m, v) => (v.arrival_date > m ? v.arrival_date : m), '');
    const recentFrom = monthsBefore(last, 2);
    const nowMs = Date.now();
    const chunk = 20_000;
    for (let from = 0; from < visits.length; from += chunk) {
      sqlite.transaction(() => {
        for (const r of visits.slice(from, from + chunk)) {
          // The last two months still being reconciled; the rest settled.
          const status =
            r.arrival_date >= recentFrom
              ? random() < 0.5
                ? ('open' as const)
                : ('approving' as const)
              : ('settled' as const);
          const submitted = status === 'open' ? null : nowMs - Math.floor(random() * 1e9);
          insertRec.run(
            r.id,
            status,
            submitted === null ? 0 : 1,
            submitted,
            status === 'settled' ? submitted : null,
            nowMs,
          );
          const visit: SeedVisit = {
            code: '',
            tier: r.tier,
            departmentId: r.department_id,
            hostUserId: r.host_user_id,
            arrivalDate: r.arrival_date,
            departureDate: r.departure_date,
            reconciliation: { status, submittedAtMs: submitted },
            // Most categories budgeted (some not: their lines were arranged outside the process).
            budget: Object.fromEntries(
              EXPENSE_CATEGORIES.map((c) => [
                c,
                random() < 0.8 ? 50_000 + Math.floor(random() * 100_000) : 0,
              ]),
            ),
          };
          const facts = seedFacts(visit);
          for (const c of EXPENSE_CATEGORIES) insertBudget.run(r.id, c, facts.budget[c]);
          for (const l of randomLines(
            random,
            r.arrival_date,
            perVisit,
            Math.max(1, r.visitor_count),
          )) {
            const row = lineRow(visit, r.id, facts, l, nowMs) as Record<string, unknown>;
            insertLine.run(...LINE_COLUMNS.map((c) => row[camel(c)] ?? null));
          }
        }
      })();
    }
    wrote = true;
  }
  const lastDay = (
    sqlite.prepare('SELECT max(spent_on) AS d FROM expense_lines').get() as { d: string }
  ).d;
  // The last full year of the data.
  const year = String(Number(lastDay.slice(0, 4)) - 1);
  return {
    lines: have(),
    year: { from: `${year}-01-01`, to: `${year}-12-31` },
    seededMs: wrote ? Math.round(performance.now() - t0) : null,
  };
}

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** `date` moved back `n` months (day 01). */
function monthsBefore(date: string, n: number): string {
  let y = Number(date.slice(0, 4));
  let m = Number(date.slice(5, 7)) - n;
  while (m < 1) {
    m += 12;
    y -= 1;
  }
  return `${y}-${String(m).padStart(2, '0')}-01`;
}

async function ok(app: RunningApp, op: string, input: unknown, token: string) {
  const out = await dispatch(app, { op, input, token });
  if (!out.result.ok) throw new Error(`${op}: ${JSON.stringify(out.result.error)}`);
  return out.result.value;
}

/** The report, the dashboard and a page of lines of a year, each beside its hand-written floor. */
export function expensesCases(
  app: RunningApp,
  raw: SqliteDatabase,
  seeded: SeededExpenses,
  token: string,
): Case[] {
  const { from, to } = seeded.year;
  const happened = new Set<string>(HAPPENED_STATUSES);
  const kept = (rows: unknown[]) =>
    (rows as { status: string }[]).filter((x) => happened.has(x.status));
  // The floors on the summaries (whole months: the year).
  const m = { from: from.slice(0, 7), to: to.slice(0, 7) };
  const reportSummarySql = raw.prepare(`
    SELECT department_key, category, sum(amount_fen), sum(over_cap_fen), sum(lines)
    FROM expense_line_summaries WHERE month >= ? AND month <= ?
    GROUP BY department_key, category`);
  const visitsSummary = raw.prepare(`
    SELECT month, tier, status, sum(visits) FROM expense_visit_summaries
    WHERE month >= ? AND month <= ? GROUP BY month, tier, status`);
  const budgetsSummary = raw.prepare(`
    SELECT month, department_key, status, category, sum(amount_fen) FROM expense_budget_summaries
    WHERE month >= ? AND month <= ? GROUP BY month, department_key, status, category`);
  const spendSummary = raw.prepare(`
    SELECT month, department_key, category, tier, sum(company_fen + borne_by_host_fen),
      sum(amount_fen), sum(attendees), sum(lines)
    FROM expense_line_summaries WHERE month >= ? AND month <= ? AND by_visitor = 0
    GROUP BY month, department_key, category, tier`);
  // The floors on the lines (before 0180, and the days of partial months).
  const reportSql = raw.prepare(`
    SELECT department_id, category, sum(amount_fen), sum(over_cap_fen), count(*)
    FROM expense_lines WHERE spent_on >= ? AND spent_on <= ?
    GROUP BY department_id, category`);
  const names = raw.prepare('SELECT id, name FROM departments');
  // By arrival, grouped by status too (the statuses that happened kept after): the arrival
  // index with the visit's facts serves it without reading the requests' rows.
  const visits = raw.prepare(`
    SELECT substr(arrival_date, 1, 7) AS month, tier, status, count(*) AS n FROM requests
    WHERE arrival_date >= ? AND arrival_date <= ?
    GROUP BY month, tier, status`);
  const budgets = raw.prepare(`
    SELECT substr(r.arrival_date, 1, 7) AS month, r.department_id, r.status, b.category,
      sum(b.amount_fen) AS amount
    FROM requests r JOIN expense_budgets b ON b.request_id = r.id
    WHERE r.arrival_date >= ? AND r.arrival_date <= ?
    GROUP BY month, r.department_id, r.status, b.category`);
  const spend = raw.prepare(`
    SELECT substr(spent_on, 1, 7) AS month, department_id, category, tier,
      sum(company_fen + borne_by_host_fen), sum(amount_fen), sum(visitors + companions), count(*)
    FROM expense_lines WHERE spent_on >= ? AND spent_on <= ? AND paid_by <> 'visitor'
    GROUP BY month, department_id, category, tier`);
  const top = raw.prepare(`
    SELECT request_id, sum(over_cap_fen) AS over FROM expense_lines
    WHERE spent_on >= ? AND spent_on <= ? AND over_cap_fen > 0
    GROUP BY request_id ORDER BY over DESC, request_id LIMIT 10`);
  const linesPage = raw.prepare(`
    SELECT l.*, r.code, r.org_name,
      (SELECT name FROM departments WHERE id = l.department_id),
      (SELECT display_name FROM users WHERE id = l.host_user_id)
    FROM expense_lines l JOIN requests r ON r.id = l.request_id
    WHERE l.spent_on >= ? AND l.spent_on <= ? ORDER BY l.spent_on, l.id LIMIT 51`);
  const period = { from, to };
  // Mid-January to mid-December: ten whole months from the summaries, 31 days from the lines.
  const partial = { from: `${from.slice(0, 4)}-01-16`, to: `${to.slice(0, 4)}-12-15` };
  return [
    {
      name: `expenses.report (a year by department × category; goal ≤ 150 ms)`,
      app: () => ok(app, 'expenses.report', { period, groupBy: 'department' }, token),
      raw: () => [reportSummarySql.all(m.from, m.to), names.all()],
    },
    {
      name: `expenses.report, summaries off (a year from the lines, as before 0180)`,
      app: () => reportOf(app.db, { period, groupBy: 'department' }, false),
      raw: () => [reportSql.all(from, to), names.all()],
    },
    {
      name: `expenses.report (Jan 16 … Dec 15: partial months)`,
      app: () => ok(app, 'expenses.report', { period: partial, groupBy: 'department' }, token),
      raw: () => [reportSql.all(partial.from, partial.to), names.all()],
    },
    {
      name: `expenses.report by host (a year, not covered)`,
      app: () => ok(app, 'expenses.report', { period, groupBy: 'host' }, token),
      raw: null,
    },
    {
      name: `expenses.dashboard (a year; goal ≤ 300 ms)`,
      app: () => ok(app, 'expenses.dashboard', { period }, token),
      raw: () => {
        const ids = (top.all(from, to) as { request_id: number }[]).map((x) => x.request_id);
        return [
          kept(visitsSummary.all(m.from, m.to)),
          kept(budgetsSummary.all(m.from, m.to)),
          spendSummary.all(m.from, m.to),
          ids,
          names.all(),
        ];
      },
    },
    {
      name: `expenses.dashboard, summaries off (a year from the lines, as before 0180)`,
      app: () => dashboardOf(app.db, period, false),
      raw: () => {
        const ids = (top.all(from, to) as { request_id: number }[]).map((x) => x.request_id);
        return [
          kept(visits.all(from, to)),
          kept(budgets.all(from, to)),
          spend.all(from, to),
          ids,
          names.all(),
        ];
      },
    },
    {
      name: `expenses.lines (a year, first page)`,
      app: () => ok(app, 'expenses.lines', { period }, token),
      raw: () => linesPage.all(from, to),
    },
  ];
}

/** Seeds the expense lines (the first time) and logs what there is. */
export function seededExpenses(app: RunningApp, quick: boolean): SeededExpenses {
  const seeded = seedExpenses(app, quick ? 50_000 : 2_000_000);
  console.log(
    `expenses: ${seeded.lines} expense lines; the year benched ${seeded.year.from} … ` +
      `${seeded.year.to}` +
      (quick ? ' (--quick: 50,000 lines instead of 2,000,000)' : '') +
      (seeded.seededMs === null ? ' (already in the file)' : ` (written in ${seeded.seededMs} ms)`),
  );
  return seeded;
}
