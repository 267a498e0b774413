import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, estimateBudget } from '../../../shared/policy';
import { requestBodySchema } from '../../../shared/requests';
import { companyApp, type TestApp } from '../../test-support';
import { bTierLunchBody, filedVisit, financeClerk, lineOf } from './test-money';

const budgetRows = (t: TestApp, requestId: number) =>
  t.rows<{ category: string; amount_fen: number }>(
    'SELECT category, amount_fen FROM expense_budgets WHERE request_id = ? ORDER BY category',
    requestId,
  );

/** What the request as approved budgets, by category (every category, 0 where none). */
function expectedBudget(t: TestApp, requestId: number) {
  const [stored] = t.rows<{ body: string }>('SELECT body FROM requests WHERE id = ?', requestId);
  const budget = estimateBudget(requestBodySchema.parse(JSON.parse(stored!.body)), DEFAULT_POLICY);
  return { budget, byCategory: new Map(budget.lines.map((l) => [l.category, l.amountFen])) };
}

/** A visit approved before migration 0160 kept budgets: its rows are not there. */
async function approvedBeforeBudgets() {
  const { t, r } = await companyApp();
  const requestId = await filedVisit(t, r, bTierLunchBody());
  await t.app.db.deleteFrom('expenseBudgets').where('requestId', '=', requestId).execute();
  expect(budgetRows(t, requestId)).toEqual([]);
  return { t, r, requestId };
}

describe('the approved budget of a visit approved before budgets were kept', () => {
  it('is recorded by the first write on its money, as the request was approved', async () => {
    const { t, r, requestId } = await approvedBeforeBudgets();
    await t.ok(
      'expenses.saveLine',
      { requestId, id: null, version: null, line: lineOf({ amountFen: 90_000 }) },
      r.host.token,
    );
    const rows = budgetRows(t, requestId);
    const { budget, byCategory } = expectedBudget(t, requestId);
    expect(budget.totalFen).toBeGreaterThan(0);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.amount_fen).toBe(byCategory.get(row.category as never) ?? 0);
    expect(rows.reduce((s, x) => s + x.amount_fen, 0)).toBe(budget.totalFen);
  });

  it('is not written again once there (a later write changes no budget row)', async () => {
    const { t, r, requestId } = await approvedBeforeBudgets();
    const save = (amountFen: number) =>
      t.ok(
        'expenses.saveLine',
        { requestId, id: null, version: null, line: lineOf({ amountFen }) },
        r.host.token,
      );
    await save(10_000);
    // Someone's correction of a row stays: the lazy record only fills what is missing.
    await t.app.db
      .updateTable('expenseBudgets')
      .set({ amountFen: 1 })
      .where('requestId', '=', requestId)
      .where('category', '=', 'meals')
      .execute();
    const before = t.snapshot(['expense_budgets']);
    await save(20_000);
    expect(t.snapshot(['expense_budgets'])).toEqual(before);
  });

  it('is not invented for a visit no longer approved (cancelled)', async () => {
    const { t, r, requestId } = await approvedBeforeBudgets();
    await financeClerk(t, r);
    // An advance asked while it was approved; the cancel withdraws it, a money write.
    await t.ok(
      'expenses.saveAdvance',
      { requestId, id: null, version: null, amountFen: 10_000, purpose: '餐费' },
      r.host.token,
    );
    await t.app.db.deleteFrom('expenseBudgets').where('requestId', '=', requestId).execute();
    const [visit] = t.rows<{ version: number }>(
      'SELECT version FROM requests WHERE id = ?',
      requestId,
    );
    await t.ok(
      'requests.cancel',
      { id: requestId, version: visit!.version, reason: '改期' },
      r.host.token,
    );
    expect(t.rows('SELECT status FROM expense_advances WHERE request_id = ?', requestId)).toEqual([
      { status: 'cancelled' },
    ]);
    expect(budgetRows(t, requestId)).toEqual([]);
  });
});
