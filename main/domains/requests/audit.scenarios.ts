import { type Scenarios } from '../../test-scenarios';
import { drafted, newRequest, receptionCompany, submitted } from '../../test-support';

/** One successful call of each write operation of this domain (see main/test-scenarios.ts). */
export const auditScenarios: Scenarios = {
  'requests.saveDraft': async (t) => {
    const r = await receptionCompany(t);
    return async () => ({
      outcome: await t.call('requests.saveDraft', newRequest(), r.host.token),
      actorId: r.host.userId,
    });
  },
  'requests.submit': async (t) => {
    const r = await receptionCompany(t);
    return async () => ({
      outcome: await t.call('requests.submit', newRequest(), r.host.token),
      actorId: r.host.userId,
    });
  },
  'requests.cancel': async (t) => {
    const r = await receptionCompany(t);
    const d = await submitted(t, r);
    return async () => ({
      outcome: await t.call(
        'requests.cancel',
        { id: d.id, version: d.version, reason: '客户改期' },
        r.host.token,
      ),
      actorId: r.host.userId,
    });
  },
  'requests.deleteDraft': async (t) => {
    const r = await receptionCompany(t);
    const d = await drafted(t, r);
    return async () => ({
      outcome: await t.call('requests.deleteDraft', { id: d.id, version: d.version }, r.host.token),
      actorId: r.host.userId,
    });
  },
};
