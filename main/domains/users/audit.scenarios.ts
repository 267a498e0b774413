import { asAdmin, newHost, type Scenarios } from '../../test-scenarios';
import { USER_PASSWORD } from '../../test-support';

/** One successful call of each write operation of this domain (see main/test-scenarios.ts). */
export const auditScenarios: Scenarios = {
  'users.create': asAdmin(
    async (t, a) => () =>
      t.call(
        'users.create',
        {
          login: 'host1',
          displayName: '李接待',
          departmentId: null,
          roles: ['host'],
          password: USER_PASSWORD,
        },
        a.token,
      ),
  ),
  'users.update': asAdmin(async (t, a) => {
    const id = await newHost(t, a.token);
    return () =>
      t.call(
        'users.update',
        {
          id,
          displayName: '李接待',
          departmentId: null,
          roles: ['host', 'finance'],
          disabled: false,
        },
        a.token,
      );
  }),
  'users.resetPassword': asAdmin(async (t, a) => {
    const id = await newHost(t, a.token);
    return () => t.call('users.resetPassword', { id, password: 'reset-pass-1' }, a.token);
  }),
  'users.unlock': asAdmin(async (t, a) => {
    const id = await newHost(t, a.token);
    return () => t.call('users.unlock', { id }, a.token);
  }),
};
