import * as z from 'zod';
import { EXPENSE_CATEGORIES, MEAL_PAYERS, ORG_CATEGORIES, TIERS } from '../policy';
import { isCalendarDate } from '../dates';
import { fen, id, multilineText, requiredText, text } from '../validation/fields';
import { isResidentIdFormat, isValidPhone, normalizePhone } from '../validation/contact';
import { isTransportNo, normalizeTransportNo } from '../validation/transport';

export const MEALS = ['breakfast', 'lunch', 'dinner'] as const;
export const EQUIPMENT = [
  'projector',
  'video_conference',
  'microphone',
  'laptop',
  'whiteboard',
] as const;
export const ID_TYPES = ['resident_id', 'passport', 'other'] as const;

export const MAX_VISITORS = 200;

const isoDate = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, { message: 'validation.date' })
  // Date.parse rolls 2026-02-30 over to 2 March: the date must read back as itself.
  .refine((s) => s === '' || isCalendarDate(s), { message: 'validation.date' });
const hhmm = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, { message: 'validation.time' });

const phone = z
  .string()
  .max(40, { message: 'validation.tooLong' })
  .transform(normalizePhone)
  .refine(isValidPhone, { message: 'validation.phone' });

export const visitorSchema = z
  .strictObject({
    name: requiredText(50),
    title: text(50),
    phone,
    idType: z.enum(ID_TYPES, { message: 'validation.invalidOption' }).nullable(),
    idNumber: text(40),
    notes: multilineText(200),
  })
  .superRefine((v, ctx) => {
    if (v.idType === 'resident_id' && v.idNumber !== '' && !isResidentIdFormat(v.idNumber)) {
      ctx.addIssue({ code: 'custom', message: 'validation.residentId', path: ['idNumber'] });
    }
    if (v.idNumber !== '' && v.idType === null) {
      ctx.addIssue({ code: 'custom', message: 'validation.idTypeRequired', path: ['idType'] });
    }
  });
export type Visitor = z.output<typeof visitorSchema>;

export const companionSchema = z.strictObject({ userId: id.nullable(), name: requiredText(50) });
export type Companion = z.output<typeof companionSchema>;

export const itineraryItemSchema = z.strictObject({
  date: isoDate.refine((s) => s !== '', { message: 'validation.required' }),
  time: hhmm,
  activity: requiredText(100),
  place: text(100),
  owner: text(50),
});
export type ItineraryItem = z.output<typeof itineraryItemSchema>;

export const mealPlanSchema = z.strictObject({
  date: isoDate.refine((s) => s !== '', { message: 'validation.required' }),
  meal: z.enum(MEALS, { message: 'validation.invalidOption' }),
  /** Planned amount per person; null: plan at the tier's cap. */
  perHeadFen: fen.nullable(),
});
export type MealPlan = z.output<typeof mealPlanSchema>;

const count = (max: number) =>
  z
    .number({ message: 'validation.required' })
    .int({ message: 'validation.integer' })
    .min(0, { message: 'validation.nonNegative' })
    .max(max, { message: 'validation.tooBig' });

/** A flight or train number, normalised as pasted ("CA 1234" → CA1234); empty when unknown. */
const transportNo = z
  .string({ message: 'validation.required' })
  .max(20, { message: 'validation.tooLong' })
  .transform(normalizeTransportNo)
  .refine((s) => s === '' || isTransportNo(s), { message: 'validation.transportNo' });

export const needsSchema = z.strictObject({
  pickup: z.boolean(),
  /** Where and by what the guests arrive, for the pickup booking; older bodies have none. */
  pickupPlace: text(100).default(''),
  arrivalTransportNo: transportNo.default(''),
  dropoff: z.boolean(),
  dropoffPlace: text(100).default(''),
  departureTransportNo: transportNo.default(''),
  carTrips: count(50),
  /** Why a car is needed, where the tier grants one only on request; older bodies have none. */
  carJustification: multilineText(500).default(''),
  meetingRoom: z.boolean(),
  equipment: z.array(z.enum(EQUIPMENT, { message: 'validation.invalidOption' })).max(10),
  hotelNights: count(60),
  hotelRooms: count(100),
  companyPaysLodging: z.boolean(),
  meals: z.array(mealPlanSchema).max(90, { message: 'validation.tooMany' }),
  /**
   * Who pays the meals where the tier leaves the choice (D: the visitor, or the company at the
   * staff-canteen standard); ignored where the tier fixes it. Bodies saved before the choice
   * existed were estimated as company-paid, so that is the default.
   */
  mealPayer: z.enum(MEAL_PAYERS, { message: 'validation.invalidOption' }).default('company'),
  gifts: z.boolean(),
  giftCount: count(500),
  banner: z.boolean(),
  welcomeSign: z.boolean(),
  tableCards: z.boolean(),
  photographer: z.boolean(),
  sightseeing: z.boolean(),
  returnTickets: z.boolean(),
});
export type Needs = z.output<typeof needsSchema>;

/** A budget line the host changed from the estimate; above the estimate it needs a reason. */
export const budgetLineSchema = z.strictObject({
  category: z.enum(EXPENSE_CATEGORIES, { message: 'validation.invalidOption' }),
  amountFen: fen,
  reason: multilineText(200),
});
export type BudgetLine = z.output<typeof budgetLineSchema>;

/**
 * The request as the host edits it. Every field's format is checked on every save; whether it
 * is complete enough to submit is `submitIssues` (and the policy checks) on top.
 */
export const requestBodySchema = z.strictObject({
  departmentId: id.nullable(),
  orgName: text(100),
  orgCategory: z.enum(ORG_CATEGORIES, { message: 'validation.invalidOption' }),
  tier: z.enum(TIERS, { message: 'validation.invalidOption' }),
  tierOverrideReason: multilineText(500),
  purpose: multilineText(2000),
  arrivalDate: isoDate,
  arrivalTime: hhmm,
  departureDate: isoDate,
  departureTime: hhmm,
  visitors: z.array(visitorSchema).max(MAX_VISITORS, { message: 'validation.tooManyVisitors' }),
  companions: z.array(companionSchema).max(100, { message: 'validation.tooMany' }),
  itinerary: z.array(itineraryItemSchema).max(100, { message: 'validation.tooMany' }),
  needs: needsSchema,
  budget: z
    .array(budgetLineSchema)
    .max(EXPENSE_CATEGORIES.length)
    .refine((lines) => new Set(lines.map((l) => l.category)).size === lines.length, {
      message: 'validation.duplicate',
    }),
  retroactive: z.boolean(),
  retroactiveReason: multilineText(500),
});
export type RequestBody = z.output<typeof requestBodySchema>;
export type RequestBodyInput = z.input<typeof requestBodySchema>;

export interface FieldIssue {
  path: string;
  key: string;
  params?: Record<string, string | number>;
}

type Stay = Pick<RequestBody, 'arrivalDate' | 'arrivalTime' | 'departureDate' | 'departureTime'>;

/**
 * Departure not after arrival, as far as what is filled in tells: a departure day before the
 * arrival day, or the same day at or before the arrival time. The one rule for submit and for the
 * form's live hint. Pure: `YYYY-MM-DD` and `HH:mm` compare as strings.
 */
export function departsBeforeArrival(stay: Stay): boolean {
  const { arrivalDate, arrivalTime, departureDate, departureTime } = stay;
  if (!arrivalDate || !departureDate) return false;
  if (departureDate !== arrivalDate) return departureDate < arrivalDate;
  return arrivalTime !== '' && departureTime !== '' && departureTime <= arrivalTime;
}

/** What a complete request needs beyond well-formed fields. Pure: dates compare as strings. */
export function submitIssues(body: RequestBody): FieldIssue[] {
  const out: FieldIssue[] = [];
  const req = (path: string, ok: boolean) => {
    if (!ok) out.push({ path, key: 'validation.required' });
  };
  req('orgName', body.orgName !== '');
  req('purpose', body.purpose !== '');
  req('arrivalDate', body.arrivalDate !== '');
  req('arrivalTime', body.arrivalTime !== '');
  req('departureDate', body.departureDate !== '');
  req('departureTime', body.departureTime !== '');
  if (body.visitors.length === 0)
    out.push({ path: 'visitors', key: 'validation.visitorsRequired' });
  if (body.retroactive) req('retroactiveReason', body.retroactiveReason !== '');
  if (departsBeforeArrival(body)) {
    out.push({ path: 'departureDate', key: 'validation.departureAfterArrival' });
  }
  if (body.needs.hotelNights > 0 && body.needs.hotelRooms === 0) {
    out.push({ path: 'needs.hotelRooms', key: 'validation.roomsRequired' });
  }
  return out;
}

export function emptyRequestBody(): RequestBody {
  return {
    departmentId: null,
    orgName: '',
    orgCategory: 'client',
    tier: 'C',
    tierOverrideReason: '',
    purpose: '',
    arrivalDate: '',
    arrivalTime: '',
    departureDate: '',
    departureTime: '',
    visitors: [],
    companions: [],
    itinerary: [],
    needs: {
      pickup: false,
      pickupPlace: '',
      arrivalTransportNo: '',
      dropoff: false,
      dropoffPlace: '',
      departureTransportNo: '',
      carTrips: 0,
      carJustification: '',
      meetingRoom: false,
      equipment: [],
      hotelNights: 0,
      hotelRooms: 0,
      companyPaysLodging: false,
      meals: [],
      mealPayer: 'company',
      gifts: false,
      giftCount: 0,
      banner: false,
      welcomeSign: false,
      tableCards: false,
      photographer: false,
      sightseeing: false,
      returnTickets: false,
    },
    budget: [],
    retroactive: false,
    retroactiveReason: '',
  };
}
