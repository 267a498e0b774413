import type { StepKind } from '../approvals';
import type { Fen } from '../money';

/** Reception tiers of the seed's 公务接待流程及标准 (DESIGN.md §3). */
export const TIERS = ['A', 'B', 'C', 'D'] as const;
export type Tier = (typeof TIERS)[number];

/** Categories of visiting organisation; each suggests a tier the host may override (with reason). */
export const ORG_CATEGORIES = [
  'government',
  'top_leaders',
  'key_client',
  'client',
  'prospect',
  'partner',
  'supplier',
  'other',
] as const;
export type OrgCategory = (typeof ORG_CATEGORIES)[number];

/** Who accompanies, as labels (`policy.accompany.<code>`), from the seed's 陪同人员. */
export const ACCOMPANY_CODES = [
  'chairman',
  'gm',
  'vp',
  'centre_managers',
  'dept_managers',
  'sales_leader',
  'sales_manager',
  'dept_head_or_designee',
] as const;
export type AccompanyCode = (typeof ACCOMPANY_CODES)[number];

/**
 * Who pays a request's meals. Tiers with a meal cap: the company (up to the cap). A tier without a
 * cap but with a staff-canteen amount (D: "来宾自理，或按员工食堂标准"): the host chooses.
 */
export const MEAL_PAYERS = ['visitor', 'company'] as const;
export type MealPayer = (typeof MEAL_PAYERS)[number];

export type VehicleEligibility = 'yes' | 'on_request' | 'no';

export interface TierPolicy {
  /** Meal cap per person per meal, excluding tobacco, alcohol and gifts; null: the visitor pays. */
  mealCapFen: Fen | null;
  /** The seed's "standard" range (e.g. 130–150 元); null where there is none. */
  mealStandardFen: { min: Fen; max: Fen } | null;
  /** D: the staff-canteen amount per person per meal when the company does pay. */
  canteenMealFen: Fen | null;
  accompany: AccompanyCode[];
  /**
   * Notice before arrival, in calendar days of the company's time zone: filed on 1 Dec with 2,
   * the earliest arrival is 3 Dec. The seed's "需公司领导出面的接待须提前 2 天报备": A and B.
   */
  minLeadDays: number;
  vehicle: VehicleEligibility;
}

/** Default estimate amounts for needs that have no cap of their own (editable per request). */
export interface EstimateDefaults {
  lodgingPerRoomNightFen: Fen;
  carPerTripFen: Fen;
  giftPerVisitorFen: Fen;
  ticketPerVisitorFen: Fen;
  bannerAndSignsFen: Fen;
  photographerFen: Fen;
  sightseeingPerPersonFen: Fen;
  meetingRoomFen: Fen;
}

/** The kinds of approval step a chain is made of (the approval engine's step kinds). */
export type ChainStepKind = StepKind;

export interface ChainRules {
  base: Record<Tier, ChainStepKind[]>;
  /** Conditions that add an executive step before filing when the base chain lacks one. */
  executiveWhen: {
    budgetOverFen: Fen | null;
    companyPaidLodging: boolean;
    anyOverCap: boolean;
    tierOverride: boolean;
  };
}

export interface Policy {
  tiers: Record<Tier, TierPolicy>;
  suggestedTier: Record<OrgCategory, Tier>;
  /** Warn when accompanying staff exceed this share of the visitors (common practice: ½). */
  companionRatioMax: number;
  /** Warn when the same organisation was received within this many days (common practice: 15). */
  repeatVisitDays: number;
  estimates: EstimateDefaults;
  chains: ChainRules;
  /** Tiers whose requests should name a company leader (an executive) among the companions. */
  leaderCompanionTiers: Tier[];
  /** A delegation of approvals lasts at most this many calendar days (first and last included). */
  delegationMaxDays: number;
  /**
   * The most all of a visit's cash advances may reach, as a share of its approved budget in basis
   * points (8000 = 80 %): the host pays some of the visit first and is reimbursed (issue 12).
   */
  advanceShareBp: number;
}

const yuan = (n: number): Fen => Math.round(n * 100);

/** The seed's table, as DESIGN.md §3 states it. A test states each number again. */
export const DEFAULT_POLICY: Policy = {
  tiers: {
    A: {
      mealCapFen: yuan(150),
      mealStandardFen: { min: yuan(130), max: yuan(150) },
      canteenMealFen: null,
      accompany: ['chairman', 'gm', 'vp', 'centre_managers'],
      minLeadDays: 2,
      vehicle: 'yes',
    },
    B: {
      mealCapFen: yuan(130),
      mealStandardFen: { min: yuan(100), max: yuan(130) },
      canteenMealFen: null,
      accompany: ['vp', 'dept_managers', 'sales_leader'],
      minLeadDays: 2,
      vehicle: 'yes',
    },
    C: {
      mealCapFen: yuan(100),
      mealStandardFen: { min: yuan(80), max: yuan(100) },
      canteenMealFen: null,
      accompany: ['sales_manager'],
      minLeadDays: 0,
      vehicle: 'on_request',
    },
    D: {
      mealCapFen: null,
      mealStandardFen: null,
      canteenMealFen: yuan(25),
      accompany: ['dept_head_or_designee'],
      minLeadDays: 0,
      vehicle: 'no',
    },
  },
  suggestedTier: {
    government: 'A',
    top_leaders: 'A',
    key_client: 'B',
    prospect: 'B',
    client: 'C',
    partner: 'C',
    other: 'C',
    supplier: 'D',
  },
  companionRatioMax: 0.5,
  repeatVisitDays: 15,
  estimates: {
    lodgingPerRoomNightFen: yuan(450),
    carPerTripFen: yuan(200),
    giftPerVisitorFen: yuan(200),
    ticketPerVisitorFen: yuan(1200),
    bannerAndSignsFen: yuan(300),
    photographerFen: yuan(800),
    sightseeingPerPersonFen: yuan(300),
    meetingRoomFen: 0,
  },
  chains: {
    base: {
      A: ['dept_head', 'executive', 'admin_office'],
      B: ['dept_head', 'executive', 'admin_office'],
      C: ['dept_head', 'admin_office'],
      D: ['dept_head', 'admin_office'],
    },
    executiveWhen: {
      budgetOverFen: yuan(20_000),
      companyPaidLodging: true,
      anyOverCap: true,
      tierOverride: true,
    },
  },
  leaderCompanionTiers: ['A'],
  delegationMaxDays: 90,
  advanceShareBp: 8000,
};

export function suggestTier(policy: Policy, category: OrgCategory): Tier {
  return policy.suggestedTier[category];
}

/** The budget's (and later the expense lines') categories (DESIGN.md §3). */
export const EXPENSE_CATEGORIES = [
  'meals',
  'tobacco_alcohol',
  'gifts',
  'lodging',
  'vehicles',
  'tickets',
  'venue',
  'sightseeing',
  'other',
] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];
