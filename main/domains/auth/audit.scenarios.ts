import { asAdmin, type Scenarios } from '../../test-scenarios';
import { ADMIN, signIn, signedInUser } from '../../test-support';

/** One successful call of each write operation of this domain (see main/test-scenarios.ts). */
export const auditScenarios: Scenarios = {
  'setup.createAdmin': async (t) => async () => {
    const outcome = await t.call('setup.createAdmin', { ...ADMIN });
    const value = outcome.result.ok ? (outcome.result.value as { user: { id: number } }) : null;
    return { outcome, actorId: value?.user.id ?? -1 };
  },
  'auth.login': asAdmin(
    async (t) => () => t.call('auth.login', { login: ADMIN.login, password: ADMIN.password }),
  ),
  'auth.logout': asAdmin(async (t, a) => () => t.call('auth.logout', {}, a.token)),
  'auth.lock': asAdmin(async (t, a) => () => t.call('auth.lock', {}, a.token)),
  'auth.unlock': asAdmin(async (t, a) => {
    await t.ok('auth.lock', {}, a.token);
    return () => t.call('auth.unlock', { password: ADMIN.password }, a.token);
  }),
  'auth.changePassword': asAdmin(
    async (t, a) => () =>
      t.call(
        'auth.changePassword',
        { currentPassword: ADMIN.password, newPassword: 'another-pass-1' },
        a.token,
      ),
  ),
  'auth.setLanguage': asAdmin(
    async (t, a) => () => t.call('auth.setLanguage', { language: 'en' }, a.token),
  ),
  // The administrator signed in at a second desk: this one ends that session.
  'sessions.revoke': asAdmin(async (t, a) => {
    await signIn(t, ADMIN.login, ADMIN.password);
    const other = (await t.ok('sessions.list', {}, a.token)).items.find((s) => !s.current);
    if (!other) throw new Error('no second session');
    return () => t.call('sessions.revoke', { id: other.id }, a.token);
  }),
  'sessions.revokeUser': asAdmin(async (t, a) => {
    const host = await signedInUser(t, a.token, { login: 'host1', roles: ['host'] });
    return () => t.call('sessions.revokeUser', { userId: host.userId }, a.token);
  }),
};
