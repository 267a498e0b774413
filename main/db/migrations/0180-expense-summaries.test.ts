import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from '.';
import { insertRow } from './test-helpers';

const upTo = (v: number) => MIGRATIONS.filter((m) => m.version <= v);

/** A database as version 170 left it: two visits (one without department), lines and budgets. */
function at170() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.pragma('recursive_triggers = ON');
  migrate(db, upTo(170));
  const user = insertRow(db, 'users', {
    login: 'host',
    display_name: '王接待',
    password_hash: 'x',
    created_at_ms: 1,
    updated_at_ms: 1,
  });
  const dept = insertRow(db, 'departments', { name: '销售部', created_at_ms: 1, updated_at_ms: 1 });
  const request = (code: string, arrival: string, departmentId: number | null, status: string) =>
    insertRow(db, 'requests', {
      code,
      status,
      host_user_id: user,
      department_id: departmentId,
      org_name: '华东精密',
      org_key: '华东精密',
      org_category: 'client',
      tier: 'C',
      arrival_date: arrival,
      departure_date: arrival,
      visitor_count: 2,
      body: '{}',
      revision: 1,
      created_at_ms: 1,
      updated_at_ms: 1,
    });
  const r1 = request('R-1', '2026-11-20', dept, 'completed');
  const r2 = request('R-2', '2026-12-01', null, 'settled');
  const line = (requestId: number, over: Record<string, unknown>) =>
    insertRow(db, 'expense_lines', {
      request_id: requestId,
      category: 'meals',
      spent_on: '2026-11-20',
      amount_fen: 30000,
      invoice_type: 'electronic',
      paid_by: 'advance',
      visitors: 2,
      companions: 1,
      per_head_fen: 10000,
      company_fen: 30000,
      tier: 'C',
      host_user_id: user,
      status: 'open',
      created_by: user,
      created_at_ms: 1,
      updated_at_ms: 1,
      ...over,
    });
  line(r1, { department_id: dept });
  line(r1, {
    department_id: dept,
    amount_fen: 50000,
    over_cap_fen: 20000,
    borne_by_host_fen: 20000,
  });
  line(r1, { department_id: dept, spent_on: '2026-11-21', paid_by: 'visitor', company_fen: 0 });
  line(r2, { spent_on: '2026-12-01', category: 'gifts', status: 'settled', visitors: 3 });
  for (const [requestId, category, amount] of [
    [r1, 'meals', 80000],
    [r1, 'gifts', 0],
    [r2, 'meals', 40000],
  ] as const) {
    insertRow(db, 'expense_budgets', { request_id: requestId, category, amount_fen: amount });
  }
  return { db, user, dept, r1, r2, line };
}

const all = (db: Database.Database, sql: string) => db.prepare(sql).all();

describe('migration 0180 (expense summaries)', () => {
  it('fills the summaries from the rows there are', () => {
    const { db, dept } = at170();
    migrate(db, upTo(180));
    expect(
      all(
        db,
        `SELECT month, department_key, tier, category, status, over_cap, by_visitor, lines,
           amount_fen, over_cap_fen, borne_by_host_fen, company_fen, attendees
         FROM expense_line_summaries ORDER BY 1, 2, 3, 4, 5, 6, 7`,
      ),
    ).toEqual([
      {
        month: '2026-11',
        department_key: dept,
        tier: 'C',
        category: 'meals',
        status: 'open',
        over_cap: 0,
        by_visitor: 0,
        lines: 1,
        amount_fen: 30000,
        over_cap_fen: 0,
        borne_by_host_fen: 0,
        company_fen: 30000,
        attendees: 3,
      },
      {
        month: '2026-11',
        department_key: dept,
        tier: 'C',
        category: 'meals',
        status: 'open',
        over_cap: 0,
        by_visitor: 1,
        lines: 1,
        amount_fen: 30000,
        over_cap_fen: 0,
        borne_by_host_fen: 0,
        company_fen: 0,
        attendees: 3,
      },
      {
        month: '2026-11',
        department_key: dept,
        tier: 'C',
        category: 'meals',
        status: 'open',
        over_cap: 1,
        by_visitor: 0,
        lines: 1,
        amount_fen: 50000,
        over_cap_fen: 20000,
        borne_by_host_fen: 20000,
        company_fen: 30000,
        attendees: 3,
      },
      {
        month: '2026-12',
        department_key: 0,
        tier: 'C',
        category: 'gifts',
        status: 'settled',
        over_cap: 0,
        by_visitor: 0,
        lines: 1,
        amount_fen: 30000,
        over_cap_fen: 0,
        borne_by_host_fen: 0,
        company_fen: 30000,
        attendees: 4,
      },
    ]);
    expect(all(db, 'SELECT * FROM expense_visit_summaries ORDER BY month')).toEqual([
      { month: '2026-11', department_key: dept, tier: 'C', status: 'completed', visits: 1 },
      { month: '2026-12', department_key: 0, tier: 'C', status: 'settled', visits: 1 },
    ]);
    expect(all(db, 'SELECT * FROM expense_budget_summaries ORDER BY month, category')).toEqual([
      {
        month: '2026-11',
        department_key: dept,
        tier: 'C',
        status: 'completed',
        category: 'gifts',
        budgets: 1,
        amount_fen: 0,
      },
      {
        month: '2026-11',
        department_key: dept,
        tier: 'C',
        status: 'completed',
        category: 'meals',
        budgets: 1,
        amount_fen: 80000,
      },
      {
        month: '2026-12',
        department_key: 0,
        tier: 'C',
        status: 'settled',
        category: 'meals',
        budgets: 1,
        amount_fen: 40000,
      },
    ]);
  });

  it('its triggers move a line, a visit and its budget, and drop a group left empty', () => {
    const { db, dept, r1, r2, line } = at170();
    migrate(db, upTo(180));
    const lineSums = () =>
      all(
        db,
        `SELECT month, department_key, status, sum(lines) AS lines, sum(amount_fen) AS amount_fen
         FROM expense_line_summaries GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      );
    const id = line(r2, { spent_on: '2026-12-05', category: 'gifts', status: 'settled' });
    expect(lineSums()).toContainEqual({
      month: '2026-12',
      department_key: 0,
      status: 'settled',
      lines: 2,
      amount_fen: 60000,
    });
    db.prepare(
      "UPDATE expense_lines SET spent_on = '2027-01-02', status = 'open' WHERE id = ?",
    ).run(id);
    db.prepare("UPDATE expense_lines SET status = 'approving' WHERE request_id = ?").run(r1);
    expect(lineSums()).toEqual([
      { month: '2026-11', department_key: dept, status: 'approving', lines: 3, amount_fen: 110000 },
      { month: '2026-12', department_key: 0, status: 'settled', lines: 1, amount_fen: 30000 },
      { month: '2027-01', department_key: 0, status: 'open', lines: 1, amount_fen: 30000 },
    ]);
    db.prepare('DELETE FROM expense_lines WHERE id = ?').run(id);
    expect(lineSums()).toHaveLength(2);

    // The visit moves to December, and its budgets with it.
    db.prepare(
      "UPDATE requests SET arrival_date = '2026-12-03', status = 'reconciling' WHERE id = ?",
    ).run(r1);
    expect(
      all(
        db,
        'SELECT month, department_key, status, visits FROM expense_visit_summaries ORDER BY 1, 2',
      ),
    ).toEqual([
      { month: '2026-12', department_key: 0, status: 'settled', visits: 1 },
      { month: '2026-12', department_key: dept, status: 'reconciling', visits: 1 },
    ]);
    db.prepare(
      "UPDATE expense_budgets SET amount_fen = 90000 WHERE request_id = ? AND category = 'meals'",
    ).run(r1);
    db.prepare("DELETE FROM expense_budgets WHERE request_id = ? AND category = 'gifts'").run(r1);
    expect(
      all(
        db,
        'SELECT month, department_key, category, budgets, amount_fen FROM expense_budget_summaries ORDER BY 1, 2, 3',
      ),
    ).toEqual([
      { month: '2026-12', department_key: 0, category: 'meals', budgets: 1, amount_fen: 40000 },
      { month: '2026-12', department_key: dept, category: 'meals', budgets: 1, amount_fen: 90000 },
    ]);
  });
});
