import type { Scenarios } from '../../test-scenarios';
import { receptionCompany } from '../../test-support';
import { deskClerk } from './test-desk';

/** A walk-in for the test company's host, registered by the desk. */
export function walkInOf(hostUserId: number | null) {
  return {
    name: '王来访',
    orgName: '华东设计院',
    phone: '139 0000 1234',
    hostUserId,
    purpose: '送样品',
  };
}

/** One successful call of each write operation of the walk-ins. */
export const walkInScenarios: Scenarios = {
  'frontdesk.registerWalkIn': async (t) => {
    const r = await receptionCompany(t);
    const desk = await deskClerk(t, r);
    return async () => ({
      outcome: await t.call('frontdesk.registerWalkIn', walkInOf(r.host.userId), desk.token),
      actorId: desk.userId,
    });
  },
  'frontdesk.answerWalkIn': async (t) => {
    const r = await receptionCompany(t);
    const desk = await deskClerk(t, r);
    const w = await t.ok('frontdesk.registerWalkIn', walkInOf(r.host.userId), desk.token);
    return async () => ({
      outcome: await t.call(
        'frontdesk.answerWalkIn',
        { id: w.id, version: w.version, accept: true, comment: '' },
        r.host.token,
      ),
      actorId: r.host.userId,
    });
  },
};
