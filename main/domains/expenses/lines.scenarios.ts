import type { Scenarios } from '../../test-scenarios';
import { receptionCompany } from '../../test-support';
import { bTierLunchBody, filedVisit, lineOf } from './test-money';

/** One successful call of each write operation of this area (see main/test-scenarios.ts). */
export const lineScenarios: Scenarios = {
  'expenses.saveLine': async (t) => {
    const r = await receptionCompany(t);
    const requestId = await filedVisit(t, r, bTierLunchBody());
    return async () => ({
      outcome: await t.call(
        'expenses.saveLine',
        { requestId, id: null, version: null, line: lineOf() },
        r.host.token,
      ),
      actorId: r.host.userId,
    });
  },
  'expenses.deleteLine': async (t) => {
    const r = await receptionCompany(t);
    const requestId = await filedVisit(t, r, bTierLunchBody());
    const v = await t.ok(
      'expenses.saveLine',
      { requestId, id: null, version: null, line: lineOf() },
      r.host.token,
    );
    const line = v.lines[0]!;
    return async () => ({
      outcome: await t.call(
        'expenses.deleteLine',
        { id: line.id, version: line.version },
        r.host.token,
      ),
      actorId: r.host.userId,
    });
  },
  'expenses.grantException': async (t) => {
    const r = await receptionCompany(t);
    const requestId = await filedVisit(t, r, bTierLunchBody());
    const v = await t.ok(
      'expenses.saveLine',
      {
        requestId,
        id: null,
        version: null,
        line: lineOf({ amountFen: 90_000, visitors: 4, companions: 2 }),
      },
      r.host.token,
    );
    const line = v.lines[0]!;
    return async () => ({
      outcome: await t.call(
        'expenses.grantException',
        { lineId: line.id, version: line.version, kind: 'over_cap', reason: '重要客户，特批' },
        r.executive.token,
      ),
      actorId: r.executive.userId,
    });
  },
};
