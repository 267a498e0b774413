import type { Scenarios } from '../../test-scenarios';
import { receptionCompany } from '../../test-support';
import { checkInOf, deskClerk, deskVisit } from './test-desk';
import { walkInScenarios } from './walk-ins.scenarios';
import { watchScenarios } from './watchlist.scenarios';

/** One successful call of each write operation of this domain (see main/test-scenarios.ts). */
export const auditScenarios: Scenarios = {
  'frontdesk.checkIn': async (t) => {
    const r = await receptionCompany(t);
    const desk = await deskClerk(t, r);
    const id = await deskVisit(t, r);
    return async () => ({
      outcome: await t.call('frontdesk.checkIn', checkInOf(id, [0, 1]), desk.token),
      actorId: desk.userId,
    });
  },
  'frontdesk.checkOut': async (t) => {
    const r = await receptionCompany(t);
    const desk = await deskClerk(t, r);
    const id = await deskVisit(t, r);
    const b = await t.ok('frontdesk.checkIn', checkInOf(id, [0]), desk.token);
    const guestId = b.visits[0]?.guests[0]?.guestId ?? 0;
    return async () => ({
      outcome: await t.call('frontdesk.checkOut', { guestIds: [guestId], atMs: null }, desk.token),
      actorId: desk.userId,
    });
  },
  'frontdesk.saveSettings': async (t) => {
    const r = await receptionCompany(t);
    return async () => ({
      outcome: await t.call(
        'frontdesk.saveSettings',
        { noticeEnabled: false, noticeZh: '告知', noticeEn: 'Notice', retentionDays: 90 },
        r.office.token,
      ),
      actorId: r.office.userId,
    });
  },
  ...walkInScenarios,
  ...watchScenarios,
};
