import { asAdmin, type Scenarios } from '../../test-scenarios';

/** One successful call of each write operation of this domain (see main/test-scenarios.ts). */
export const auditScenarios: Scenarios = {
  'departments.create': asAdmin(
    async (t, a) => () =>
      t.call('departments.create', { name: '销售部', headUserId: null }, a.token),
  ),
  'departments.update': asAdmin(async (t, a) => {
    const d = await t.ok('departments.create', { name: '销售部', headUserId: null }, a.token);
    return () =>
      t.call('departments.update', { id: d.id, name: '市场部', headUserId: a.userId }, a.token);
  }),
  'departments.delete': asAdmin(async (t, a) => {
    const d = await t.ok('departments.create', { name: '销售部', headUserId: null }, a.token);
    return () => t.call('departments.delete', { id: d.id }, a.token);
  }),
};
