import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/policy/policy';
import { adminApp } from '../../test-support';

describe('stored policy versions', () => {
  it('a version stored before the newer settings loads with their defaults', async () => {
    const { t, admin } = await adminApp();
    // As a version was stored before top_leaders, leaderCompanionTiers and delegationMaxDays.
    const {
      leaderCompanionTiers: _tiers,
      delegationMaxDays: _days,
      ...old
    } = structuredClone(DEFAULT_POLICY);
    const { top_leaders: _top, ...oldSuggested } = old.suggestedTier;
    const stored = {
      ...old,
      suggestedTier: oldSuggested,
      tiers: { ...old.tiers, B: { ...old.tiers.B, minLeadDays: 0 } },
    };
    t.exec(
      `INSERT INTO policy_versions (version, policy, created_at_ms, created_by, note)
       VALUES (2, ?, ?, NULL, 'old')`,
      JSON.stringify(stored),
      t.now(),
    );
    const view = await t.ok('policy.get', { version: 2 }, admin.token);
    expect(view.policy.suggestedTier.top_leaders).toBe('A');
    expect(view.policy.leaderCompanionTiers).toEqual(['A']);
    expect(view.policy.delegationMaxDays).toBe(90);
    // What the old version said stays as it was: B needed no notice then.
    expect(view.policy.tiers.B.minLeadDays).toBe(0);
    // The latest is that version too, and saving it again (as the editor does) is accepted.
    const latest = await t.ok('policy.get', {}, admin.token);
    expect(latest.version).toBe(2);
    await t.ok('policy.update', { policy: latest.policy, note: '补全新设置' }, admin.token);
  });
});
