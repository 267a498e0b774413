import { type Scenarios } from '../../test-scenarios';
import { receptionCompany } from '../../test-support';

/** One successful call of each write operation of this domain (see main/test-scenarios.ts). */
export const auditScenarios: Scenarios = {
  'delegations.create': async (t) => {
    const r = await receptionCompany(t);
    return async () => ({
      outcome: await t.call(
        'delegations.create',
        { delegateUserId: r.executive.userId, fromDate: '2026-11-27', toDate: '2026-12-05' },
        r.head.token,
      ),
      actorId: r.head.userId,
    });
  },
  'delegations.revoke': async (t) => {
    const r = await receptionCompany(t);
    const dl = await t.ok(
      'delegations.create',
      { delegateUserId: r.executive.userId, fromDate: '2026-11-27', toDate: '2026-12-05' },
      r.head.token,
    );
    return async () => ({
      outcome: await t.call('delegations.revoke', { id: dl.id }, r.head.token),
      actorId: r.head.userId,
    });
  },
};
