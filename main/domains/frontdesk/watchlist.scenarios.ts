import type { Scenarios } from '../../test-scenarios';
import { receptionCompany } from '../../test-support';

const entry = {
  kind: 'person' as const,
  name: '王五',
  orgName: '',
  phone: '13912345678',
  idNumber: '',
  reason: '曾在厂区拍照',
};

/** One successful call of each write operation of the watchlist (see main/test-scenarios.ts). */
export const watchScenarios: Scenarios = {
  'frontdesk.saveWatch': async (t) => {
    const r = await receptionCompany(t);
    return async () => ({
      outcome: await t.call(
        'frontdesk.saveWatch',
        { id: null, version: null, entry },
        r.office.token,
      ),
      actorId: r.office.userId,
    });
  },
  'frontdesk.setWatchActive': async (t) => {
    const r = await receptionCompany(t);
    const w = await t.ok('frontdesk.saveWatch', { id: null, version: null, entry }, r.office.token);
    return async () => ({
      outcome: await t.call(
        'frontdesk.setWatchActive',
        { id: w.id, version: w.version, active: false },
        r.office.token,
      ),
      actorId: r.office.userId,
    });
  },
};
