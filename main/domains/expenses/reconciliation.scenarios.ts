import type { Scenarios } from '../../test-scenarios';
import { receptionCompany, type TestApp } from '../../test-support';
import { bTierLunchBody, filedVisit, financeClerk } from './test-money';
import { insertIssuedAdvance, insertLine } from './test-reconcile';

/** A filed visit with an issued advance and a lunch paid from it (one receipt). */
async function visitWithLine(t: TestApp) {
  const r = await receptionCompany(t);
  const finance = await financeClerk(t, r);
  const requestId = await filedVisit(t, r, bTierLunchBody());
  await insertIssuedAdvance(t, requestId, 100_000, finance.userId);
  const lineId = await insertLine(t, requestId);
  return { r, finance, requestId, lineId };
}

/** The visit submitted and confirmed by the head: finance's step is pending. */
async function atFinance(t: TestApp) {
  const v = await visitWithLine(t);
  await t.ok('expenses.submit', { requestId: v.requestId, version: null }, v.r.host.token);
  const head = (await t.ok('approvals.inbox', {}, v.r.head.token))[0]!;
  await t.ok(
    'approvals.decide',
    { stepId: head.step.id, version: head.step.version, action: 'approve', comment: '' },
    v.r.head.token,
  );
  const step = (await t.ok('approvals.inbox', {}, v.finance.token))[0]!.step;
  return { ...v, step };
}

/** Settled: finance approved its step too. */
async function settled(t: TestApp) {
  const v = await atFinance(t);
  await t.ok(
    'approvals.decide',
    { stepId: v.step.id, version: v.step.version, action: 'approve', comment: '' },
    v.finance.token,
  );
  return v;
}

/** One successful call of each write operation of this area (see main/test-scenarios.ts). */
export const reconciliationScenarios: Scenarios = {
  'expenses.submit': async (t) => {
    const v = await visitWithLine(t);
    return async () => ({
      outcome: await t.call(
        'expenses.submit',
        { requestId: v.requestId, version: null },
        v.r.host.token,
      ),
      actorId: v.r.host.userId,
    });
  },
  'expenses.returnLine': async (t) => {
    const v = await atFinance(t);
    return async () => ({
      outcome: await t.call(
        'expenses.returnLine',
        { stepId: v.step.id, version: v.step.version, lineId: v.lineId, reason: '发票抬头不符' },
        v.finance.token,
      ),
      actorId: v.finance.userId,
    });
  },
  'expenses.archive': async (t) => {
    const v = await settled(t);
    return async () => ({
      outcome: await t.call('expenses.archive', { requestId: v.requestId }, v.finance.token),
      actorId: v.finance.userId,
    });
  },
  'expenses.reopen': async (t) => {
    const v = await settled(t);
    return async () => ({
      outcome: await t.call(
        'expenses.reopen',
        { requestId: v.requestId, reason: '发票金额有误，需更正' },
        v.r.admin.token,
      ),
      actorId: v.r.admin.userId,
    });
  },
};
