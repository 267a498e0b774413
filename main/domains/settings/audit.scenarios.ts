import { asAdmin, type Scenarios } from '../../test-scenarios';

/** One successful call of each write operation of this domain (see main/test-scenarios.ts). */
export const auditScenarios: Scenarios = {
  'settings.update': asAdmin(
    async (t, a) => () =>
      t.call(
        'settings.update',
        { companyName: '新公司', timeZone: 'Asia/Shanghai', idleLockMinutes: 15 },
        a.token,
      ),
  ),
};
