import type { Scenarios } from '../../test-scenarios';
import { receptionCompany } from '../../test-support';

/** One successful call of each write operation of this domain (see main/test-scenarios.ts). */
export const auditScenarios: Scenarios = {
  'exports.start': async (t) => {
    const r = await receptionCompany(t);
    return async () => ({
      outcome: await t.call(
        'exports.start',
        { format: 'csv', filter: { source: 'requests', list: { scope: 'mine' } } },
        r.host.token,
      ),
      actorId: r.host.userId,
    });
  },
};
