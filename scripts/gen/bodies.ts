/**
 * Request bodies as a host fills in the form: visitors (names, titles, phones, now and then an id
 * number), companions, the itinerary of important visits, meals against the tier's cap, car,
 * rooms, lodging, gifts and extra budget lines, and what a host changes before resubmitting a
 * returned request. Each body parses with the app's `requestBodySchema` and passes the policy's
 * blocking checks; a few break a rule on purpose (over the meal cap, one companion too many) so
 * that the approval chain has warnings to weigh. Draws come from the request's random stream.
 */
import type { Policy, OrgCategory, Tier } from '../../shared/policy';
import type {
  BudgetLine,
  Companion,
  ItineraryItem,
  MealPlan,
  RequestBody,
  Visitor,
} from '../../shared/requests/schema';
import { dateOf, dayOf, HHMM } from './calendar';
import { chineseName, englishName, type Company, type UserRec } from './company';
import * as W from './names';
import type { Org } from './organisations';
import { Weighted, type Rng } from './random';

/** What a request is about: who comes, when, and who hosts them. */
export interface Visit {
  tier: Tier;
  org: Org;
  category: OrgCategory;
  /** The organisation's name as the host typed it. */
  typedName: string;
  host: UserRec;
  dept: number;
  arrivalDay: number;
  retro: boolean;
  createdMs: number;
}

const cnTitles = Weighted.of(W.CN_TITLES);
const enTitles = Weighted.of(W.EN_TITLES);

const phone = (rng: Rng, english: boolean): string => {
  const r = rng.float();
  if (english) {
    if (r < 0.5) return '';
    return `+${rng.pick(['49', '44', '33', '1', '81', '65', '39'])}${rng.between(100_000_000, 999_999_999)}`;
  }
  if (r < 0.15) return '';
  if (r < 0.25) {
    return `0${rng.pick(['10', '21', '20', '755', '571', '512', '25', '27'])}${rng.between(10_000_000, 99_999_999)}`;
  }
  return `1${rng.pick(['3', '5', '8', '8', '7', '9'])}${rng.between(100_000_000, 999_999_999)}`;
};

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** An 18-digit resident id (GB 11643); the check digit is right 95 % of the time. */
const residentId = (rng: Rng): string => {
  const birth = dateOf(dayOf(Date.UTC(1960, 0, 1)) + rng.int(365 * 40)).replaceAll('-', '');
  const body = `${rng.pick(['110101', '310104', '440305', '330106', '320505', '420106'])}${birth}${String(rng.int(1000)).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (ID_WEIGHTS[i] ?? 0);
  const check = '10X98765432'[sum % 11] ?? '0';
  return body + (rng.chance(0.95) ? check : check === '0' ? '1' : '0');
};

const makeVisitor = (rng: Rng, english: boolean): Visitor => {
  const name = english ? englishName(rng) : chineseName(rng);
  const title = (english ? enTitles : cnTitles).pick(rng);
  const withId = rng.chance(english ? 0.05 : 0.08);
  return {
    name,
    title,
    phone: phone(rng, english),
    idType: withId ? (english ? 'passport' : 'resident_id') : null,
    idNumber: withId ? (english ? `E${rng.between(10_000_000, 99_999_999)}` : residentId(rng)) : '',
    notes: '',
  };
};

const visitorRange: Record<Tier, readonly [number, number]> = {
  A: [4, 12],
  B: [2, 9],
  C: [1, 8],
  D: [1, 6],
};

/** The body of a new request for `v`. */
export function makeBody(rng: Rng, policy: Policy, company: Company, v: Visit): RequestBody {
  const { tier } = v;
  const [lo, hi] = visitorRange[tier];
  const n = lo + Math.floor((hi - lo + 1) * rng.float() ** 1.4);
  const englishShare = v.org.foreign ? 0.85 : 0.05;
  const visitors = Array.from({ length: n }, () => makeVisitor(rng, rng.chance(englishShare)));
  const days = rng.chance(tier === 'A' ? 0.5 : tier === 'B' ? 0.3 : 0.1) ? rng.between(2, 3) : 1;
  const departureDay = v.arrivalDay + days - 1;
  const arrivalMin = 8 * 60 + 30 * rng.between(1, 11);
  const departureMin =
    days === 1
      ? Math.min(18 * 60, arrivalMin + 30 * rng.between(4, 12))
      : 10 * 60 + 30 * rng.between(0, 12);
  // Companions: the host usually, colleagues, a company leader for A; at most half the visitors
  // (the policy's ratio), sometimes one more (a warning).
  const maxCompanions = Math.max(1, Math.floor(n * policy.companionRatioMax));
  const k = rng.chance(0.04) ? maxCompanions + 1 : 1 + rng.int(maxCompanions);
  const companions: Companion[] = [];
  const used = new Set<number>();
  const add = (u: UserRec) => {
    if (used.has(u.id) || companions.length >= k) return;
    used.add(u.id);
    companions.push({ userId: u.id, name: u.name });
  };
  if (tier === 'A' && rng.chance(0.85)) add(rng.pick(company.executives));
  if (rng.chance(0.6)) add(v.host);
  const colleagues = company.colleaguesByDept[v.dept] ?? [];
  for (let tries = 0; companions.length < k && tries < 8; tries++) {
    const c = rng.pick(colleagues);
    if (c.joinMs <= v.createdMs && (c.leftMs === null || c.leftMs > v.createdMs)) add(c);
  }
  if (companions.length === 0) add(v.host);

  const itinerary: ItineraryItem[] = [];
  if (tier === 'A' || tier === 'B') {
    const items = rng.between(2, 3);
    for (let i = 0; i < items; i++) {
      const [activity, place] = rng.pick(W.ITINERARY_ACTIVITIES);
      itinerary.push({
        date: dateOf(v.arrivalDay),
        time: HHMM(Math.min(17 * 60, arrivalMin + i * 90)),
        activity,
        place,
        owner: '',
      });
    }
  }
  const cap = policy.tiers[tier].mealCapFen;
  const meals: MealPlan[] = [];
  const mealChance = tier === 'D' ? 0.5 : tier === 'C' ? 0.75 : 1;
  for (let d = 0; d < days; d++) {
    if (!rng.chance(mealChance)) continue;
    const date = dateOf(v.arrivalDay + d);
    const price = (): number | null => {
      if (cap === null) return null;
      const r = rng.float();
      if (r < 0.03) return cap + 3000; // over the cap: an executive must approve
      if (r < 0.13) return cap - 100 * rng.between(5, 30);
      return null;
    };
    meals.push({ date, meal: 'lunch', perHeadFen: price() });
    if ((tier === 'A' || (tier === 'B' && rng.chance(0.5))) && d === 0) {
      meals.push({ date, meal: 'dinner', perHeadFen: price() });
    }
  }
  const wantsCar =
    tier === 'A' || tier === 'B'
      ? rng.chance(0.7)
      : tier === 'C'
        ? rng.chance(0.2)
        : rng.chance(0.02);
  const lodgingShare = { A: 0.7, B: 0.4, C: 0.1, D: 0 }[tier];
  const equipment: RequestBody['needs']['equipment'] = [];
  if (rng.chance(0.5)) equipment.push('projector');
  if (rng.chance(0.1)) equipment.push('video_conference');
  if (tier === 'A' && rng.chance(0.5)) equipment.push('microphone');
  const needs: RequestBody['needs'] = {
    pickup: wantsCar,
    pickupPlace: '',
    arrivalTransportNo: '',
    dropoff: wantsCar && rng.chance(0.8),
    dropoffPlace: '',
    departureTransportNo: '',
    carTrips: 0,
    carJustification:
      wantsCar && tier === 'C' && rng.chance(0.8) ? rng.pick(W.CAR_JUSTIFICATIONS) : '',
    meetingRoom: rng.chance(0.85),
    equipment,
    hotelNights: days - 1,
    hotelRooms: days > 1 ? Math.ceil(n / (tier === 'A' ? 1 : 2)) : 0,
    companyPaysLodging: days > 1 && rng.chance(lodgingShare),
    meals,
    mealPayer: tier === 'D' && rng.chance(0.6) ? 'visitor' : 'company',
    gifts: rng.chance({ A: 0.8, B: 0.4, C: 0.05, D: 0 }[tier]),
    giftCount: 0,
    banner: tier === 'A',
    welcomeSign: tier === 'A' || (tier === 'B' && rng.chance(0.3)),
    tableCards: tier === 'A' || (tier === 'B' && rng.chance(0.3)),
    photographer: tier === 'A' && rng.chance(0.5),
    sightseeing: rng.chance({ A: 0.2, B: 0.05, C: 0, D: 0 }[tier]),
    returnTickets: rng.chance({ A: 0.1, B: 0.05, C: 0, D: 0 }[tier]),
  };
  const budget: BudgetLine[] = [];
  if (rng.chance({ A: 0.3, B: 0.2, C: 0.03, D: 0 }[tier])) {
    budget.push({
      category: 'tobacco_alcohol',
      amountFen: 100 * 100 * rng.between(3, 20),
      reason: rng.pick(W.BUDGET_REASONS.tobacco_alcohol),
    });
  }
  if (rng.chance(0.02)) {
    budget.push({
      category: 'other',
      amountFen: 100 * 100 * rng.between(2, 10),
      reason: rng.pick(W.BUDGET_REASONS.other),
    });
  }
  const suggested = policy.suggestedTier[v.category];
  return {
    departmentId: v.dept + 1,
    orgName: v.typedName,
    orgCategory: v.category,
    tier,
    tierOverrideReason: tier === suggested ? '' : rng.pick(W.TIER_OVERRIDE_REASONS),
    purpose: rng.pick(W.PURPOSES[v.org.kind]),
    arrivalDate: dateOf(v.arrivalDay),
    arrivalTime: HHMM(arrivalMin),
    departureDate: dateOf(departureDay),
    departureTime: HHMM(departureMin),
    visitors,
    companions,
    itinerary,
    needs,
    budget,
    retroactive: v.retro,
    retroactiveReason: v.retro ? rng.pick(W.RETROACTIVE_REASONS) : '',
  };
}

/** What a host changes before resubmitting a returned request. */
export function revise(rng: Rng, policy: Policy, body: RequestBody): RequestBody {
  const next = JSON.parse(JSON.stringify(body)) as RequestBody;
  const r = rng.float();
  if (r < 0.35 && next.visitors.length > 1) next.visitors.pop();
  else if (r < 0.5) next.visitors.push(makeVisitor(rng, false));
  else if (r < 0.75) {
    next.budget = [];
    next.needs.meals = next.needs.meals.map((m) => ({ ...m, perHeadFen: null }));
  } else next.purpose = `${next.purpose}（已按审批意见补充）`;
  // The ratio rule follows the visitors.
  const max = Math.max(1, Math.floor(next.visitors.length * policy.companionRatioMax));
  if (next.companions.length > max) next.companions = next.companions.slice(0, max);
  return next;
}
