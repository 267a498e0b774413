import { describe, expect, it } from 'vitest';
import { fieldErrorsFromZod } from '../validation/zod-errors';
import { DEFAULT_POLICY, ORG_CATEGORIES, suggestTier, TIERS, type OrgCategory } from './policy';
import { policySchema } from './schema';

/**
 * The policy defaults equal the seed's table (DESIGN.md §3). Every number is written here again,
 * by hand, in yuan × 100: a change to DEFAULT_POLICY must be a deliberate change to this test.
 */
describe('the policy defaults equal the seed’s table', () => {
  const t = DEFAULT_POLICY.tiers;

  it.each([
    ['A', 15000],
    ['B', 13000],
    ['C', 10000],
  ] as const)('tier %s meal cap per person per meal is %i fen', (tier, capFen) => {
    expect(t[tier].mealCapFen).toBe(capFen);
  });

  it('meal caps are 150 / 130 / 100 元', () => {
    expect([t.A.mealCapFen, t.B.mealCapFen, t.C.mealCapFen]).toEqual([150_00, 130_00, 100_00]);
  });

  it.each([
    ['A', 13000, 15000],
    ['B', 10000, 13000],
    ['C', 8000, 10000],
  ] as const)('tier %s standard range is %i–%i fen', (tier, min, max) => {
    expect(t[tier].mealStandardFen).toEqual({ min, max });
  });

  it('the top of each standard range is the cap', () => {
    for (const tier of ['A', 'B', 'C'] as const) {
      expect(t[tier].mealStandardFen?.max).toBe(t[tier].mealCapFen);
    }
  });

  it('tier D: the visitor pays (no meal cap, no standard) and a staff-canteen amount exists', () => {
    expect(t.D.mealCapFen).toBeNull();
    expect(t.D.mealStandardFen).toBeNull();
    expect(t.D.canteenMealFen).toBe(2500);
    for (const tier of ['A', 'B', 'C'] as const) expect(t[tier].canteenMealFen).toBeNull();
  });

  it.each([
    ['A', ['chairman', 'gm', 'vp', 'centre_managers']],
    ['B', ['vp', 'dept_managers', 'sales_leader']],
    ['C', ['sales_manager']],
    ['D', ['dept_head_or_designee']],
  ] as const)('tier %s is accompanied by %j', (tier, who) => {
    expect(t[tier].accompany).toEqual(who);
  });

  it.each([
    // 需公司领导出面的接待须提前 2 天报备: A (chairman/GM/VP) and B (a VP accompanies).
    ['A', 2],
    ['B', 2],
    ['C', 0],
    ['D', 0],
  ] as const)('tier %s needs %i days of notice', (tier, days) => {
    expect(t[tier].minLeadDays).toBe(days);
  });

  it.each([
    ['A', 'yes'],
    ['B', 'yes'],
    ['C', 'on_request'],
    ['D', 'no'],
  ] as const)('tier %s vehicle eligibility is %s', (tier, vehicle) => {
    expect(t[tier].vehicle).toBe(vehicle);
  });

  it('lodging is paid by the visitor unless the company_lodging approval adds an executive', () => {
    // No tier pays lodging by itself: the only route is the executive step for company_lodging.
    expect(DEFAULT_POLICY.chains.executiveWhen.companyPaidLodging).toBe(true);
    expect(DEFAULT_POLICY.estimates.lodgingPerRoomNightFen).toBe(45000);
  });

  it.each([
    ['A', ['dept_head', 'executive', 'admin_office']],
    ['B', ['dept_head', 'executive', 'admin_office']],
    ['C', ['dept_head', 'admin_office']],
    ['D', ['dept_head', 'admin_office']],
  ] as const)('tier %s approval chain is %j', (tier, chain) => {
    expect(DEFAULT_POLICY.chains.base[tier]).toEqual(chain);
  });

  it('adds an executive for over-cap meals, tier overrides and budgets over 20 000 元', () => {
    expect(DEFAULT_POLICY.chains.executiveWhen).toEqual({
      budgetOverFen: 2_000_000,
      companyPaidLodging: true,
      anyOverCap: true,
      tierOverride: true,
    });
  });

  it('companions at most ½ of the visitors; repeat visit window 15 days', () => {
    expect(DEFAULT_POLICY.companionRatioMax).toBe(0.5);
    expect(DEFAULT_POLICY.repeatVisitDays).toBe(15);
  });

  it('A-tier requests should name a company leader; delegations last at most 90 days', () => {
    expect(DEFAULT_POLICY.leaderCompanionTiers).toEqual(['A']);
    expect(DEFAULT_POLICY.delegationMaxDays).toBe(90);
  });

  const suggested: [OrgCategory, string][] = [
    ['government', 'A'],
    ['top_leaders', 'A'],
    ['key_client', 'B'],
    ['prospect', 'B'],
    ['client', 'C'],
    ['partner', 'C'],
    ['other', 'C'],
    ['supplier', 'D'],
  ];
  it.each(suggested)('category %s suggests tier %s', (category, tier) => {
    expect(DEFAULT_POLICY.suggestedTier[category]).toBe(tier);
    expect(suggestTier(DEFAULT_POLICY, category)).toBe(tier);
  });

  it('every category has a suggestion, and only those categories', () => {
    expect(Object.keys(DEFAULT_POLICY.suggestedTier).sort()).toEqual([...ORG_CATEGORIES].sort());
    expect(suggested.map(([c]) => c).sort()).toEqual([...ORG_CATEGORIES].sort());
    expect(Object.keys(DEFAULT_POLICY.tiers).sort()).toEqual([...TIERS]);
  });

  it('estimate defaults', () => {
    expect(DEFAULT_POLICY.estimates).toEqual({
      lodgingPerRoomNightFen: 45000,
      carPerTripFen: 20000,
      giftPerVisitorFen: 20000,
      ticketPerVisitorFen: 120000,
      bannerAndSignsFen: 30000,
      photographerFen: 80000,
      sightseeingPerPersonFen: 30000,
      meetingRoomFen: 0,
    });
  });
});

describe('policySchema', () => {
  it('accepts DEFAULT_POLICY unchanged', () => {
    const parsed = policySchema.safeParse(DEFAULT_POLICY);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(DEFAULT_POLICY);
  });

  const clone = () => structuredClone(DEFAULT_POLICY);
  const firstError = (value: unknown) => {
    const r = policySchema.safeParse(value);
    return r.success ? null : fieldErrorsFromZod(r.error);
  };

  it.each([
    [
      'a fractional cap',
      (p: ReturnType<typeof clone>) => (p.tiers.A.mealCapFen = 100.5),
      'tiers.A.mealCapFen',
    ],
    [
      'a negative cap',
      (p: ReturnType<typeof clone>) => (p.tiers.B.mealCapFen = -1),
      'tiers.B.mealCapFen',
    ],
    [
      'a standard range upside down',
      (p: ReturnType<typeof clone>) => (p.tiers.C.mealStandardFen = { min: 10000, max: 8000 }),
      'tiers.C.mealStandardFen.max',
    ],
    ['an empty chain', (p: ReturnType<typeof clone>) => (p.chains.base.C = []), 'chains.base.C'],
    [
      'lead days that are not whole',
      (p: ReturnType<typeof clone>) => (p.tiers.A.minLeadDays = 1.5),
      'tiers.A.minLeadDays',
    ],
    [
      'an unknown accompany code',
      (p: ReturnType<typeof clone>) =>
        ((p.tiers.A.accompany as string[]) = ['chairman', 'janitor']),
      'tiers.A.accompany.1',
    ],
  ])('rejects %s', (_label, mutate, path) => {
    const p = clone();
    mutate(p);
    const errors = firstError(p);
    expect(errors).not.toBeNull();
    expect(Object.keys(errors ?? {})).toContain(path);
  });

  it('loads a version stored before the newer settings with their defaults', () => {
    // As stored before top_leaders, leaderCompanionTiers and delegationMaxDays existed.
    const old = JSON.parse(JSON.stringify(clone())) as Record<string, unknown> & {
      suggestedTier: Record<string, unknown>;
      tiers: Record<string, Record<string, unknown>>;
    };
    delete old.leaderCompanionTiers;
    delete old.delegationMaxDays;
    delete old.suggestedTier.top_leaders;
    old.tiers.B!.minLeadDays = 0;
    const parsed = policySchema.parse(old);
    expect(parsed.suggestedTier.top_leaders).toBe('A');
    expect(parsed.leaderCompanionTiers).toEqual(['A']);
    expect(parsed.delegationMaxDays).toBe(90);
    // What the old version did say stays as it was.
    expect(parsed.tiers.B.minLeadDays).toBe(0);
  });

  it('rejects a delegation limit that is not a whole number of days from 1', () => {
    expect(Object.keys(firstError({ ...clone(), delegationMaxDays: 0 }) ?? {})).toContain(
      'delegationMaxDays',
    );
    expect(Object.keys(firstError({ ...clone(), delegationMaxDays: 1.5 }) ?? {})).toContain(
      'delegationMaxDays',
    );
  });

  it('rejects unknown keys and a missing tier', () => {
    expect(firstError({ ...clone(), extra: 1 })).not.toBeNull();
    const p = clone() as unknown as { tiers: Record<string, unknown> };
    delete p.tiers.D;
    expect(Object.keys(firstError(p) ?? {})).toContain('tiers.D');
  });
});
