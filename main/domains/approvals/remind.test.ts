import { describe, expect, it } from 'vitest';
import {
  companyApp,
  decideAs,
  notificationKinds,
  pendingStep,
  signIn,
  submitted,
  USER_PASSWORD,
} from '../../test-support';

const DAY = 24 * 3_600_000;

/** 催办: the host chases the step his request waits on, once a day, and only he may. */
describe('approvals.remind', () => {
  it('tells whoever the step waits on, once per step per company day', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    const step = pendingStep(d);
    const before = notificationKinds(t, r.head.userId).length;
    await t.ok('approvals.remind', { stepId: step.id }, r.host.token);
    const kinds = notificationKinds(t, r.head.userId);
    expect(kinds.length).toBe(before + 1);
    expect(kinds).toContain('approval.reminder');

    // The second click (or a second window) the same day: refused, nothing more sent.
    const again = await t.call('approvals.remind', { stepId: step.id }, r.host.token);
    expect(again.result).toMatchObject({ ok: false, error: { key: 'errors.remindedToday' } });
    expect(notificationKinds(t, r.head.userId).length).toBe(before + 1);

    // The next company day it may be sent again (the host signs in anew after the night).
    t.advance(DAY);
    const token = await signIn(t, 'host', USER_PASSWORD);
    await t.ok('approvals.remind', { stepId: step.id }, token);
    expect(notificationKinds(t, r.head.userId).length).toBe(before + 2);
  });

  it('only the host, only the current pending step', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    const step = pendingStep(d);
    for (const token of [r.head.token, r.office.token, r.executive.token]) {
      const refused = await t.call('approvals.remind', { stepId: step.id }, token);
      expect(refused.result).toMatchObject({ ok: false });
      expect(refused.result.ok ? '' : refused.result.error.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    }
    // Decided, the step is no longer the one to chase.
    await decideAs(t, r.head.token, d.id, 'approve');
    const late = await t.call('approvals.remind', { stepId: step.id }, r.host.token);
    expect(late.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // An unknown step: not found, never a 500.
    const none = await t.call('approvals.remind', { stepId: 999_999 }, r.host.token);
    expect(none.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('two reminders at the same moment store one', async () => {
    const { t, r } = await companyApp();
    const step = pendingStep(await submitted(t, r));
    const outcomes = await Promise.all([
      t.call('approvals.remind', { stepId: step.id }, r.host.token),
      t.call('approvals.remind', { stepId: step.id }, r.host.token),
    ]);
    expect(outcomes.filter((o) => o.result.ok)).toHaveLength(1);
    expect(t.count('step_reminders')).toBe(1);
  });
});
