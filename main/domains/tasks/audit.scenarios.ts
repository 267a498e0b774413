import type { Scenarios } from '../../test-scenarios';
import { receptionCompany } from '../../test-support';
import { filedVisit, taskId } from './test-visit';

/** One successful call of each write operation of this domain (see main/test-scenarios.ts). */
export const auditScenarios: Scenarios = {
  'tasks.complete': async (t) => {
    const r = await receptionCompany(t);
    const id = taskId(t, await filedVisit(t, r), 'confirm_arrival');
    return async () => ({
      outcome: await t.call('tasks.complete', { id }, r.host.token),
      actorId: r.host.userId,
    });
  },
  'tasks.reopen': async (t) => {
    const r = await receptionCompany(t);
    const id = taskId(t, await filedVisit(t, r), 'signs_and_setup');
    await t.ok('tasks.complete', { id }, r.office.token);
    return async () => ({
      outcome: await t.call('tasks.reopen', { id }, r.office.token),
      actorId: r.office.userId,
    });
  },
};
