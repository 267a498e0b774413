import { isFilingStep } from '../approvals';
import { addDays, daysBetween } from '../dates';
import type { Fen } from '../money';
import type { RequestBody } from '../requests';
import { residentIdCheckDigitOk } from '../validation/contact';
import {
  EXPENSE_CATEGORIES,
  type ChainStepKind,
  type ExpenseCategory,
  type MealPayer,
  type Policy,
  type Tier,
} from './policy';

export type Severity = 'block' | 'approval' | 'warn';

export const CHECK_CODES = [
  'arrival_in_past',
  'retroactive_in_future',
  'lead_time',
  'companions_ratio',
  'repeat_visit',
  'meal_over_cap',
  'company_lodging',
  'tier_override',
  'tier_override_reason',
  'budget_over_estimate',
  'budget_over_threshold',
  'no_leader_companion',
  'vehicle_on_request',
  'vehicle_not_eligible',
  'id_check_digit',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

/**
 * The form field a blocking check is about, as a path inside the request body (the same paths as
 * `submitIssues`): main reports the block there (`body.<path>`), the form marks that field.
 * Checks not listed here are shown with the form as a whole.
 */
export const CHECK_FIELD: Readonly<Partial<Record<CheckCode, string>>> = {
  arrival_in_past: 'arrivalDate',
  retroactive_in_future: 'arrivalDate',
  lead_time: 'arrivalDate',
  tier_override_reason: 'tierOverrideReason',
  budget_over_estimate: 'budget',
};

export interface PolicyCheck {
  code: CheckCode;
  severity: Severity;
  /** i18n: `checks.<code>` with these params. */
  params: Record<string, string | number>;
}

export interface BudgetLineEstimate {
  category: ExpenseCategory;
  estimateFen: Fen;
  /** What the request plans to spend: the host's amount where given, else the estimate. */
  amountFen: Fen;
  reason: string;
}

export interface Budget {
  lines: BudgetLineEstimate[];
  totalFen: Fen;
  /** People at each planned meal: visitors plus our accompanying staff. */
  headcount: number;
}

/** The cap that applies to one planned meal of this tier (D: the staff-canteen amount). */
export function mealCapFen(policy: Policy, tier: Tier): Fen {
  const t = policy.tiers[tier];
  return t.mealCapFen ?? t.canteenMealFen ?? 0;
}

/**
 * Who pays this request's meals: the company where the tier has a cap, the visitor where the tier
 * has neither a cap nor a canteen amount, else the host's choice (`needs.mealPayer`; a body saved
 * before the choice existed counts as company-paid).
 */
export function mealPayer(policy: Policy, body: Pick<RequestBody, 'tier' | 'needs'>): MealPayer {
  const t = policy.tiers[body.tier];
  if (t.mealCapFen !== null) return 'company';
  if (t.canteenMealFen === null) return 'visitor';
  return body.needs.mealPayer === 'visitor' ? 'visitor' : 'company';
}

/** Whether the host chooses who pays the meals (D: visitor, or company at the canteen amount). */
export function mealPayerIsChosen(policy: Policy, tier: Tier): boolean {
  const t = policy.tiers[tier];
  return t.mealCapFen === null && t.canteenMealFen !== null;
}

/** Company-paid meal money of a request, however it was entered. */
export interface MealMoney {
  /** One entry per planned meal: its per-head amount, null where none was entered. */
  perHeadFen: readonly (Fen | null)[];
  /** People at each meal (visitors + accompanying staff). */
  headcount: number;
  /**
   * Meal money entered as a total: the meals budget line, or later the actual expense lines of
   * category `meals` (`mealExpenseFen`). Null: none. It replaces the plan's total: meals with a
   * per-head amount keep it, the rest is spread over the other meals × headcount (over every meal
   * when all have an amount; over one meal when none is planned).
   */
  totalFen: Fen | null;
  /** Visitor-paid meals: per-head amounts are the visitor's and count for nothing. */
  payer: MealPayer;
}

/** The meals money among expense or budget lines; tobacco, alcohol and gifts are never meals. */
export function mealExpenseFen(
  lines: readonly { category: ExpenseCategory; amountFen: Fen }[],
): Fen | null {
  const meals = lines.filter((l) => l.category === 'meals');
  return meals.length === 0 ? null : meals.reduce((s, l) => s + l.amountFen, 0);
}

/** The meal money of a request as planned: per-head amounts and the host's meals budget line. */
export function plannedMealMoney(policy: Policy, body: RequestBody): MealMoney {
  return {
    perHeadFen: body.needs.meals.map((m) => m.perHeadFen),
    headcount: body.visitors.length + body.companions.length,
    totalFen: mealExpenseFen(body.budget),
    payer: mealPayer(policy, body),
  };
}

/**
 * The one meal check: every company-paid amount, per person per meal, against the tier's cap (D:
 * the staff-canteen amount). Null when no meal is above it. Integer arithmetic: a meal is over
 * when its money exceeds cap × people; the reported highest amount is rounded up to the fen.
 */
export function mealMoneyCheck(money: MealMoney, capFen: Fen): PolicyCheck | null {
  const people = Math.max(1, money.headcount);
  const planned = money.perHeadFen.map((p) => (money.payer === 'visitor' ? null : p));
  if (money.totalFen !== null && planned.length === 0) planned.push(null);
  // Each meal's money for all its people, as numerator over `den` (people × share).
  let den = people;
  let perMeal: number[];
  if (money.totalFen === null) {
    // No total: unpriced meals are planned at the cap (the company's) or cost it nothing.
    const unpriced = money.payer === 'visitor' ? 0 : capFen;
    perMeal = planned.map((p) => (p ?? unpriced) * people);
  } else {
    const fixed = planned.reduce<number>((s, p) => s + (p ?? 0) * people, 0);
    const rest = money.totalFen - fixed;
    const open = planned.filter((p) => p === null).length;
    if (open > 0) {
      den = people * open;
      perMeal = planned.map((p) => (p === null ? Math.max(rest, 0) : p * den));
    } else {
      den = people * planned.length;
      perMeal = planned.map((p) => (p ?? 0) * den + Math.max(rest, 0));
    }
  }
  const over = perMeal.filter((m) => m > capFen * den);
  if (over.length === 0) return null;
  return {
    code: 'meal_over_cap',
    severity: 'approval',
    params: { capFen, worstFen: Math.ceil(Math.max(...over) / den), count: over.length },
  };
}

/**
 * Car trips to plan: the number the host typed, or, left empty (0), one each for pick-up and
 * drop-off. The form shows this as the empty field's placeholder.
 */
export function plannedCarTrips(
  needs: Pick<RequestBody['needs'], 'carTrips' | 'pickup' | 'dropoff'>,
): number {
  return needs.carTrips > 0 ? needs.carTrips : (needs.pickup ? 1 : 0) + (needs.dropoff ? 1 : 0);
}

/** Gifts to plan: the number the host typed, or, left empty (0), one per visitor. */
export function plannedGiftCount(
  needs: Pick<RequestBody['needs'], 'giftCount'>,
  visitors: number,
): number {
  return needs.giftCount > 0 ? needs.giftCount : visitors;
}

/**
 * Budget by category. Meals = Σ planned meals × (visitors + companions) × (planned per head, else
 * the cap). Tobacco, alcohol and gifts are lines of their own, never inside the meal cap.
 */
export function estimateBudget(body: RequestBody, policy: Policy): Budget {
  const e = policy.estimates;
  const n = body.needs;
  const visitors = body.visitors.length;
  const headcount = visitors + body.companions.length;
  const cap = mealCapFen(policy, body.tier);
  // Meals the visitor pays put no money in the budget.
  const meals =
    mealPayer(policy, body) === 'visitor'
      ? 0
      : n.meals.reduce((sum, m) => sum + (m.perHeadFen ?? cap) * headcount, 0);
  const trips = plannedCarTrips(n);
  const estimates: Record<ExpenseCategory, Fen> = {
    meals,
    tobacco_alcohol: 0,
    gifts: n.gifts ? plannedGiftCount(n, visitors) * e.giftPerVisitorFen : 0,
    lodging: n.companyPaysLodging ? n.hotelNights * n.hotelRooms * e.lodgingPerRoomNightFen : 0,
    vehicles: trips * e.carPerTripFen,
    tickets: n.returnTickets ? visitors * e.ticketPerVisitorFen : 0,
    venue:
      (n.banner || n.welcomeSign || n.tableCards ? e.bannerAndSignsFen : 0) +
      (n.meetingRoom ? e.meetingRoomFen : 0),
    sightseeing: n.sightseeing ? headcount * e.sightseeingPerPersonFen : 0,
    other: n.photographer ? e.photographerFen : 0,
  };
  const lines = EXPENSE_CATEGORIES.map((category): BudgetLineEstimate => {
    const own = body.budget.find((b) => b.category === category);
    return {
      category,
      estimateFen: estimates[category],
      amountFen: own ? own.amountFen : estimates[category],
      reason: own?.reason ?? '',
    };
  });
  return { lines, totalFen: lines.reduce((s, l) => s + l.amountFen, 0), headcount };
}

export interface CheckContext {
  /** Today in the company time zone, `YYYY-MM-DD`. */
  today: string;
  /** Arrival dates (company `YYYY-MM-DD`) of other live requests for the same organisation. */
  otherVisitDates: string[];
  /** Ids of the users holding the `executive` role (the company leaders); none when omitted. */
  executiveUserIds?: ReadonlySet<number>;
}

/**
 * The companions_ratio rule, for the checks and for the form's live hint alike: at most
 * `companionRatioMax` accompanying staff per visitor (rounded down), and never fewer than one:
 * the host always accompanies. `over` when there are more.
 */
export function companionsRatio(
  visitors: number,
  companions: number,
  policy: Pick<Policy, 'companionRatioMax'>,
): { max: number; over: boolean } {
  const max = Math.max(1, Math.floor(visitors * policy.companionRatioMax));
  return { max, over: visitors > 0 && companions > max };
}

/** Every policy check of a request, each with its severity. Pure; runs while the host types. */
export function evaluateChecks(
  body: RequestBody,
  policy: Policy,
  ctx: CheckContext,
): PolicyCheck[] {
  const out: PolicyCheck[] = [];
  const add = (code: CheckCode, severity: Severity, params: PolicyCheck['params'] = {}) =>
    out.push({ code, severity, params });
  const tier = policy.tiers[body.tier];

  if (body.arrivalDate) {
    const lead = daysBetween(ctx.today, body.arrivalDate);
    // Retroactive filing is for a reception that already took place (arrival today or earlier):
    // only then is the notice period moot. Ticked for a visit still to come, it is refused (and
    // once unticked, the lead time applies as to any other request).
    if (body.retroactive) {
      if (lead > 0) add('retroactive_in_future', 'block');
    } else if (lead < 0) add('arrival_in_past', 'block');
    else if (lead < tier.minLeadDays) {
      // Calendar days in the company's time zone: the message names the first allowed date.
      add('lead_time', 'block', {
        tier: body.tier,
        days: tier.minLeadDays,
        lead: Math.max(lead, 0),
        earliestDate: addDays(ctx.today, tier.minLeadDays),
      });
    }
  }

  const visitors = body.visitors.length;
  const companions = body.companions.length;
  if (policy.leaderCompanionTiers.includes(body.tier)) {
    const leaders = ctx.executiveUserIds ?? new Set<number>();
    if (!body.companions.some((c) => c.userId !== null && leaders.has(c.userId)))
      add('no_leader_companion', 'warn', { tier: body.tier });
  }
  const ratio = companionsRatio(visitors, companions, policy);
  if (ratio.over) add('companions_ratio', 'warn', { companions, visitors, max: ratio.max });

  if (body.arrivalDate) {
    const near = ctx.otherVisitDates
      .map((d) => Math.abs(daysBetween(d, body.arrivalDate)))
      .filter((d) => d <= policy.repeatVisitDays);
    if (near.length > 0)
      add('repeat_visit', 'warn', { days: policy.repeatVisitDays, count: near.length });
  }

  const meal = mealMoneyCheck(plannedMealMoney(policy, body), mealCapFen(policy, body.tier));
  if (meal) out.push(meal);

  if (body.needs.companyPaysLodging) add('company_lodging', 'approval');

  const suggested = policy.suggestedTier[body.orgCategory];
  if (body.tier !== suggested) {
    add('tier_override', 'approval', { suggested, chosen: body.tier });
    if (body.tierOverrideReason.trim() === '') add('tier_override_reason', 'block');
  }

  const budget = estimateBudget(body, policy);
  const raised = budget.lines.filter((l) => l.amountFen > l.estimateFen);
  for (const line of raised) {
    add('budget_over_estimate', line.reason.trim() === '' ? 'block' : 'warn', {
      category: line.category,
      estimateFen: line.estimateFen,
      amountFen: line.amountFen,
    });
  }
  const threshold = policy.chains.executiveWhen.budgetOverFen;
  if (threshold !== null && budget.totalFen > threshold) {
    add('budget_over_threshold', 'approval', {
      totalFen: budget.totalFen,
      thresholdFen: threshold,
    });
  }

  const wantsCar = body.needs.pickup || body.needs.dropoff || body.needs.carTrips > 0;
  if (wantsCar && tier.vehicle === 'on_request' && body.needs.carJustification.trim() === '')
    add('vehicle_on_request', 'warn', { tier: body.tier });
  if (wantsCar && tier.vehicle === 'no')
    add('vehicle_not_eligible', 'approval', { tier: body.tier });

  body.visitors.forEach((v, i) => {
    if (v.idType === 'resident_id' && v.idNumber !== '' && !residentIdCheckDigitOk(v.idNumber)) {
      add('id_check_digit', 'warn', { name: v.name, row: i + 1 });
    }
  });
  return out;
}

export interface ChainStepPlan {
  kind: ChainStepKind;
  /** Why the step is there: `base`, the check that added it, or that the host heads the department. */
  reason: 'base' | 'host_is_head' | CheckCode;
  /** On record but not asked: a head's own step when an executive approves anyway. */
  skipped?: true;
}

export interface ChainContext {
  /** The host heads the request's department, so he cannot be its department-head approver. */
  hostIsHead?: boolean;
}

/**
 * The approval chain: the tier's base chain plus an executive step (before filing) when a check
 * needs one and the base chain has none. A head filing his own request is not his own approver:
 * his step goes to an executive, or is skipped when an executive approves anyway.
 */
export function planChain(
  body: RequestBody,
  policy: Policy,
  checks: PolicyCheck[],
  ctx: ChainContext = {},
): ChainStepPlan[] {
  const steps: ChainStepPlan[] = policy.chains.base[body.tier].map((kind) => ({
    kind,
    reason: 'base',
  }));
  const w = policy.chains.executiveWhen;
  const trigger = steps.some((s) => s.kind === 'executive')
    ? undefined
    : checks.find(
        (c) =>
          (c.code === 'company_lodging' && w.companyPaidLodging) ||
          (c.code === 'meal_over_cap' && w.anyOverCap) ||
          (c.code === 'tier_override' && w.tierOverride) ||
          c.code === 'budget_over_threshold' ||
          c.code === 'vehicle_not_eligible',
      );
  if (trigger) {
    const fileAt = steps.findIndex((s) => isFilingStep(s.kind));
    steps.splice(fileAt === -1 ? steps.length : fileAt, 0, {
      kind: 'executive',
      reason: trigger.code,
    });
  }
  if (!ctx.hostIsHead) return steps;
  const hasExecutive = steps.some((s) => s.kind === 'executive');
  return steps.map((s): ChainStepPlan => {
    if (s.kind !== 'dept_head') return s;
    return hasExecutive
      ? { kind: 'dept_head', reason: 'host_is_head', skipped: true }
      : { kind: 'executive', reason: 'host_is_head' };
  });
}

export const blocking = (checks: PolicyCheck[]) => checks.filter((c) => c.severity === 'block');
