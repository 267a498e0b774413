import type * as z from 'zod';
import { isTransportNo, normalizeTransportNo } from '../../../../../shared/validation/transport';
import { ORG_CATEGORIES, TIERS } from '../../../../../shared/policy';
import {
  isResidentIdFormat,
  isValidPhone,
  normalizePhone,
} from '../../../../../shared/validation/contact';
import {
  budgetLineSchema,
  companionSchema,
  EQUIPMENT,
  emptyRequestBody,
  itineraryItemSchema,
  MAX_VISITORS,
  mealPlanSchema,
  MEALS,
  ID_TYPES,
  requestBodySchema,
  visitorSchema,
  type RequestBody,
  type Visitor,
} from '../../../../../shared/requests/schema';

const rec = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
const str = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');
/** A flight or train number as it would be stored, or nothing while it is not one yet. */
const transportNo = (v: unknown) => {
  const s = normalizeTransportNo(str(v, 20));
  return isTransportNo(s) ? s : '';
};
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const oneOf = <T extends string>(options: readonly T[], v: unknown, fallback: T): T =>
  options.includes(v as T) ? (v as T) : fallback;
const count = (v: unknown, max: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? Math.min(v, max) : 0;
const date = (v: unknown) =>
  typeof v === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(v) &&
  !Number.isNaN(Date.parse(v + 'T00:00:00Z'))
    ? v
    : '';
const time = (v: unknown) =>
  typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? v : '';
const wholeFen = (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1_000_000_000 ? v : null;

function parsed<T>(schema: z.ZodType<T>, v: unknown): T | null {
  const r = schema.safeParse(v);
  return r.success ? r.data : null;
}

function visitor(raw: unknown, i: number): Visitor {
  const ok = parsed(visitorSchema, raw);
  if (ok) return ok;
  const v = rec(raw);
  const idType = v.idType === null ? null : oneOf([...ID_TYPES, ''] as const, v.idType, '') || null;
  let idNumber = str(v.idNumber, 40);
  if (idType === null || (idType === 'resident_id' && !isResidentIdFormat(idNumber))) idNumber = '';
  const phone = normalizePhone(str(v.phone, 40));
  const best = {
    name: str(v.name, 50) || `#${i + 1}`,
    title: str(v.title, 50),
    phone: isValidPhone(phone) ? phone : '',
    idType,
    idNumber,
    notes: str(v.notes, 200),
  };
  return (
    parsed(visitorSchema, best) ?? {
      ...best,
      title: '',
      phone: '',
      idType: null,
      idNumber: '',
      notes: '',
    }
  );
}

/**
 * What the live preview is computed from while the host types: the form's values with every
 * malformed part replaced by its nearest well-formed stand-in (a visitor with a bad phone still
 * counts as a visitor), so checks and budget follow the typing instead of failing on the first
 * half-entered field. The field itself shows its own error; nothing here is ever saved.
 */
export function toPreviewBody(values: unknown): RequestBody | null {
  const v = rec(values);
  const n = rec(v.needs);
  const base = emptyRequestBody();
  const seenMeals = new Set<string>();
  const seenBudget = new Set<string>();
  const body: RequestBody = {
    departmentId:
      typeof v.departmentId === 'number' && Number.isInteger(v.departmentId) && v.departmentId > 0
        ? v.departmentId
        : null,
    orgName: str(v.orgName, 100),
    orgCategory: oneOf(ORG_CATEGORIES, v.orgCategory, base.orgCategory),
    tier: oneOf(TIERS, v.tier, base.tier),
    tierOverrideReason: str(v.tierOverrideReason, 500),
    purpose: str(v.purpose, 2000),
    arrivalDate: date(v.arrivalDate),
    arrivalTime: time(v.arrivalTime),
    departureDate: date(v.departureDate),
    departureTime: time(v.departureTime),
    visitors: arr(v.visitors).slice(0, MAX_VISITORS).map(visitor),
    companions: arr(v.companions)
      .slice(0, 100)
      .map((c) => {
        const r = rec(c);
        return (
          parsed(companionSchema, c) ?? {
            userId: typeof r.userId === 'number' && r.userId > 0 ? r.userId : null,
            name: str(r.name, 50) || '—',
          }
        );
      }),
    itinerary: arr(v.itinerary)
      .map((i) => parsed(itineraryItemSchema, i))
      .filter((i) => i !== null)
      .slice(0, 100),
    needs: {
      pickup: n.pickup === true,
      pickupPlace: str(n.pickupPlace, 100),
      arrivalTransportNo: transportNo(n.arrivalTransportNo),
      dropoff: n.dropoff === true,
      dropoffPlace: str(n.dropoffPlace, 100),
      departureTransportNo: transportNo(n.departureTransportNo),
      carTrips: count(n.carTrips, 50),
      carJustification: str(n.carJustification, 500),
      meetingRoom: n.meetingRoom === true,
      equipment: [...new Set(arr(n.equipment))]
        .filter((e): e is (typeof EQUIPMENT)[number] => EQUIPMENT.includes(e as never))
        .slice(0, 10),
      hotelNights: count(n.hotelNights, 60),
      hotelRooms: count(n.hotelRooms, 100),
      companyPaysLodging: n.companyPaysLodging === true,
      meals: arr(n.meals)
        .map((m) => {
          const r = rec(m);
          return (
            parsed(mealPlanSchema, m) ?? {
              date: date(r.date),
              meal: oneOf(MEALS, r.meal, 'lunch'),
              perHeadFen: wholeFen(r.perHeadFen),
            }
          );
        })
        .filter((m) => {
          const key = `${m.date}/${m.meal}`;
          if (m.date === '' || seenMeals.has(key)) return false;
          seenMeals.add(key);
          return true;
        })
        .slice(0, 90),
      mealPayer: n.mealPayer === 'visitor' ? 'visitor' : 'company',
      gifts: n.gifts === true,
      giftCount: count(n.giftCount, 500),
      banner: n.banner === true,
      welcomeSign: n.welcomeSign === true,
      tableCards: n.tableCards === true,
      photographer: n.photographer === true,
      sightseeing: n.sightseeing === true,
      returnTickets: n.returnTickets === true,
    },
    budget: arr(v.budget)
      .map((b) => {
        const ok = parsed(budgetLineSchema, b);
        if (ok) return ok;
        // A malformed amount (negative, fractions of a fen) counts as the estimate meanwhile.
        return null;
      })
      .filter((b) => b !== null)
      .filter((b) => {
        if (seenBudget.has(b.category)) return false;
        seenBudget.add(b.category);
        return true;
      }),
    retroactive: v.retroactive === true,
    retroactiveReason: str(v.retroactiveReason, 500),
  };
  return parsed(requestBodySchema, body);
}
