import { asAdmin, type Scenarios } from '../../test-scenarios';

/** One successful call of each write operation of this domain (see main/test-scenarios.ts). */
export const auditScenarios: Scenarios = {
  'policy.update': asAdmin(async (t, a) => {
    const current = await t.ok('policy.get', {}, a.token);
    return () => t.call('policy.update', { policy: current.policy, note: '同上' }, a.token);
  }),
};
