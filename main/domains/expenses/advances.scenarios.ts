import type { Scenarios } from '../../test-scenarios';
import { decision, receptionCompany, type TestApp } from '../../test-support';
import { bTierLunchBody, filedVisit, financeClerk } from './test-money';

/** A filed visit with finance staffed, and an advance of 500.00 asked for it. */
async function askedAdvance(t: TestApp) {
  const r = await receptionCompany(t);
  const finance = await financeClerk(t, r);
  const requestId = await filedVisit(t, r, bTierLunchBody());
  const view = await t.call(
    'expenses.saveAdvance',
    { requestId, id: null, version: null, amountFen: 50_000, purpose: '接待期间餐费' },
    r.host.token,
  );
  if (!view.result.ok) throw new Error(JSON.stringify(view.result.error));
  const [a] = t.rows<{ id: number; version: number }>(
    'SELECT id, version FROM expense_advances WHERE request_id = ?',
    requestId,
  );
  if (!a) throw new Error('no advance');
  return { r, finance, requestId, advance: a };
}

/** One successful call of each write operation of this area (see main/test-scenarios.ts). */
export const advanceScenarios: Scenarios = {
  'expenses.saveAdvance': async (t) => {
    const r = await receptionCompany(t);
    await financeClerk(t, r);
    const requestId = await filedVisit(t, r, bTierLunchBody());
    return async () => ({
      outcome: await t.call(
        'expenses.saveAdvance',
        { requestId, id: null, version: null, amountFen: 50_000, purpose: '接待期间餐费' },
        r.host.token,
      ),
      actorId: r.host.userId,
    });
  },
  'expenses.cancelAdvance': async (t) => {
    const { r, advance } = await askedAdvance(t);
    return async () => ({
      outcome: await t.call('expenses.cancelAdvance', advance, r.host.token),
      actorId: r.host.userId,
    });
  },
  'expenses.issueAdvance': async (t) => {
    const { r, finance, advance } = await askedAdvance(t);
    for (const who of [r.head, finance]) {
      const inbox = await t.ok('approvals.inbox', {}, who.token);
      const item = inbox.find((i) => i.money?.id === advance.id);
      if (!item) throw new Error('the advance is not in the inbox');
      await t.ok('approvals.decide', decision(item.step), who.token);
    }
    const [now] = t.rows<{ version: number }>(
      'SELECT version FROM expense_advances WHERE id = ?',
      advance.id,
    );
    return async () => ({
      outcome: await t.call(
        'expenses.issueAdvance',
        { id: advance.id, version: now?.version ?? 0, issuedOn: '2026-11-27', method: 'cash' },
        finance.token,
      ),
      actorId: finance.userId,
    });
  },
};
