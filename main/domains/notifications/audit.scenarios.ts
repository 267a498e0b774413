import { expect } from 'vitest';
import { newHost, type Scenarios } from '../../test-scenarios';
import { signedInAdmin, signIn } from '../../test-support';

/** One successful call of each write operation of this domain (see main/test-scenarios.ts). */
export const auditScenarios: Scenarios = {
  'notifications.markRead': async (t) => {
    const admin = await signedInAdmin(t);
    const id = await newHost(t, admin.token);
    await t.ok('users.resetPassword', { id, password: 'reset-pass-1' }, admin.token);
    const token = await signIn(t, 'host1', 'reset-pass-1');
    await t.ok(
      'auth.changePassword',
      { currentPassword: 'reset-pass-1', newPassword: 'my-own-pass-1' },
      token,
    );
    const list = await t.ok('notifications.list', {}, token);
    expect(list.unread).toBe(1);
    return async () => ({
      outcome: await t.call('notifications.markRead', { ids: list.items.map((n) => n.id) }, token),
      actorId: id,
    });
  },
  'notifications.markAllRead': async (t) => {
    const admin = await signedInAdmin(t);
    const id = await newHost(t, admin.token);
    await t.ok('users.resetPassword', { id, password: 'reset-pass-1' }, admin.token);
    const token = await signIn(t, 'host1', 'reset-pass-1');
    return async () => ({
      outcome: await t.call('notifications.markAllRead', {}, token),
      actorId: id,
    });
  },
};
