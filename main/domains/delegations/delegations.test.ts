import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/policy/policy';
import { companyApp } from '../../test-support';

describe('delegations last at most the policy’s delegationMaxDays', () => {
  it('refuses a 91-day delegation with a field error and writes nothing', async () => {
    const { t, r } = await companyApp();
    const before = t.snapshot(['delegations']);
    // 2026-11-27 … 2027-02-25: 91 calendar days, first and last included.
    const error = await t.fail(
      'delegations.create',
      { delegateUserId: r.executive.userId, fromDate: '2026-11-27', toDate: '2027-02-25' },
      r.head.token,
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fieldErrors?.toDate).toEqual({
      key: 'errors.delegationTooLong',
      params: { max: 90 },
    });
    expect(t.snapshot(['delegations'])).toEqual(before);
  });

  it('accepts exactly 90 days', async () => {
    const { t, r } = await companyApp();
    const view = await t.ok(
      'delegations.create',
      { delegateUserId: r.executive.userId, fromDate: '2026-11-27', toDate: '2027-02-24' },
      r.head.token,
    );
    expect(view).toMatchObject({ fromDate: '2026-11-27', toDate: '2027-02-24' });
  });

  it('follows a policy version that sets another limit', async () => {
    const { t, r } = await companyApp();
    await t.ok(
      'policy.update',
      { policy: { ...DEFAULT_POLICY, delegationMaxDays: 7 }, note: '委托最长一周' },
      r.admin.token,
    );
    const range = { delegateUserId: r.executive.userId, fromDate: '2026-11-27' };
    const error = await t.fail(
      'delegations.create',
      { ...range, toDate: '2026-12-04' },
      r.head.token,
    );
    expect(error.fieldErrors?.toDate).toMatchObject({ params: { max: 7 } });
    await t.ok('delegations.create', { ...range, toDate: '2026-12-03' }, r.head.token);
  });
});
