import * as z from 'zod';
import { calendarDate, fen, id, requiredText, text } from '../validation/fields';
import { isValidPhone, normalizePhone } from '../validation/contact';
import { isTransportNo, normalizeTransportNo } from '../validation/transport';
import { EQUIPMENT, MEALS } from '../requests';

/** What the admin office keeps in its catalogue. */
export const RESOURCE_KINDS = [
  'vehicle',
  'driver',
  'room',
  'hotel',
  'restaurant',
  'supply',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** What a visit books. Cars hold a vehicle and a driver; rooms a meeting room. */
export const BOOKING_KINDS = ['car', 'room', 'hotel', 'restaurant', 'ticket', 'supply'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];

export const BOOKING_STATUSES = ['tentative', 'confirmed', 'done', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const CAR_KINDS = ['pickup', 'dropoff', 'transfer'] as const;
export type CarKind = (typeof CAR_KINDS)[number];

/** 驾驶证准驾车型 that carry guests: small cars (C1/C2) up to large buses (A1). */
export const LICENCE_CLASSES = ['A1', 'A2', 'A3', 'B1', 'B2', 'C1', 'C2'] as const;

/** The room setup checklist of the procedures: each item with who is responsible. */
export const SETUP_ITEMS = [
  'table_cards',
  'name_boards',
  'banner',
  'welcome_sign',
  'flowers',
  'fruit',
  'tea',
  'projector',
  'photographer',
] as const;
export type SetupItem = (typeof SETUP_ITEMS)[number];

export const TICKET_MODES = ['air', 'rail'] as const;
export const TICKET_STATUSES = ['to_book', 'booked', 'issued', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const PAYERS = ['visitor', 'company'] as const;

/** The longest a car or room may be held by one booking: bounds the conflict check's range. */
export const MAX_SLOT_DAYS = 14;
export const MAX_SLOT_MS = MAX_SLOT_DAYS * 86_400_000;

const count = (min: number, max: number) =>
  z
    .number({ message: 'validation.required' })
    .int({ message: 'validation.integer' })
    .min(min, { message: min > 0 ? 'validation.atLeastOne' : 'validation.nonNegative' })
    .max(max, { message: 'validation.tooBig' });

const hhmm = z
  .string({ message: 'validation.required' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.time' });

/**
 * 车牌: pasted as "京A 12345", "沪b·d12345" or "粤B-12345" and kept as 京A12345. A province
 * character, a letter, then 5 (fuel) or 6 (new energy) letters or digits; 警/学/挂/港/澳 endings.
 */
export function normalizePlate(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s·•.\-_]/g, '')
    .toUpperCase();
}
export function isPlate(plate: string): boolean {
  return /^\p{Script=Han}[A-Z][A-Z0-9]{4,6}\p{Script=Han}?$/u.test(plate);
}
const plate = z
  .string({ message: 'validation.required' })
  .max(20, { message: 'validation.tooLong' })
  .transform(normalizePlate)
  .refine(isPlate, { message: 'validation.plate' });

const transportNo = z
  .string({ message: 'validation.required' })
  .max(20, { message: 'validation.tooLong' })
  .transform(normalizeTransportNo)
  .refine((s) => s === '' || isTransportNo(s), { message: 'validation.transportNo' });

const phone = z
  .string({ message: 'validation.required' })
  .max(40, { message: 'validation.tooLong' })
  .transform(normalizePhone)
  .refine(isValidPhone, { message: 'validation.phone' });

// --- Catalogue ---------------------------------------------------------------------------------

const uniqueNames = <T extends { name: string }>(rows: T[]) =>
  new Set(rows.map((r) => r.name)).size === rows.length;

export const roomTypeSchema = z.strictObject({
  name: requiredText(30),
  /** The agreed price per room and night. */
  priceFen: fen,
});
export const privateRoomSchema = z.strictObject({
  name: requiredText(30),
  capacity: count(1, 200),
});

export const resourceInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('vehicle'),
      plate,
      model: requiredText(50),
      seats: count(1, 60),
    }),
    z.strictObject({
      kind: z.literal('driver'),
      name: requiredText(30),
      phone: phone.refine((p) => p !== '', { message: 'validation.required' }),
      licenceClass: z.enum(LICENCE_CLASSES, { message: 'validation.invalidOption' }),
    }),
    z.strictObject({
      kind: z.literal('room'),
      name: requiredText(50),
      place: text(100),
      capacity: count(1, 1000),
      equipment: z
        .array(z.enum(EQUIPMENT, { message: 'validation.invalidOption' }))
        .max(EQUIPMENT.length)
        .refine((e) => new Set(e).size === e.length, { message: 'validation.duplicate' }),
    }),
    z.strictObject({
      kind: z.literal('hotel'),
      name: requiredText(50),
      star: count(1, 5).nullable(),
      address: text(100),
      phone,
      roomTypes: z
        .array(roomTypeSchema)
        .min(1, { message: 'validation.roomTypesRequired' })
        .max(20, { message: 'validation.tooMany' })
        .refine(uniqueNames, { message: 'validation.duplicate' }),
    }),
    z.strictObject({
      kind: z.literal('restaurant'),
      name: requiredText(50),
      address: text(100),
      phone,
      /** The agreed set price per head. */
      perHeadFen: fen,
      privateRooms: z
        .array(privateRoomSchema)
        .max(30, { message: 'validation.tooMany' })
        .refine(uniqueNames, { message: 'validation.duplicate' }),
    }),
    z.strictObject({
      kind: z.literal('supply'),
      name: requiredText(50),
      unit: requiredText(10),
      stock: count(0, 1_000_000),
    }),
  ],
  { message: 'validation.invalidOption' },
);
export type ResourceInput = z.output<typeof resourceInputSchema>;

// --- Bookings ----------------------------------------------------------------------------------

/** A stretch of time as the clerk types it: company-zone dates and times. */
const span = {
  startDate: calendarDate,
  startTime: hhmm,
  endDate: calendarDate,
  endTime: hhmm,
};

export const setupLineSchema = z.strictObject({
  item: z.enum(SETUP_ITEMS, { message: 'validation.invalidOption' }),
  responsible: text(30),
  done: z.boolean(),
});

export const supplyLineSchema = z.strictObject({
  supplyId: id,
  quantity: count(1, 10_000),
});

export const bookingDetailSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('car'),
      carKind: z.enum(CAR_KINDS, { message: 'validation.invalidOption' }),
      vehicleId: id,
      driverId: id,
      from: requiredText(100),
      to: requiredText(100),
      passengers: count(1, 60),
      transportNo,
      ...span,
    }),
    z.strictObject({
      kind: z.literal('room'),
      roomId: id,
      attendees: count(1, 1000),
      setup: z
        .array(setupLineSchema)
        .max(SETUP_ITEMS.length)
        .refine((s) => new Set(s.map((l) => l.item)).size === s.length, {
          message: 'validation.duplicate',
        }),
      ...span,
    }),
    z.strictObject({
      kind: z.literal('hotel'),
      hotelId: id,
      roomType: requiredText(30),
      rooms: count(1, 100),
      checkInDate: calendarDate,
      nights: count(1, 60),
      payer: z.enum(PAYERS, { message: 'validation.invalidOption' }),
    }),
    z.strictObject({
      kind: z.literal('restaurant'),
      restaurantId: id,
      privateRoom: text(30),
      meal: z.enum(MEALS, { message: 'validation.invalidOption' }),
      date: calendarDate,
      time: hhmm,
      covers: count(1, 500),
      perHeadFen: fen,
    }),
    z.strictObject({
      kind: z.literal('ticket'),
      mode: z.enum(TICKET_MODES, { message: 'validation.invalidOption' }),
      travellers: requiredText(200),
      from: requiredText(50),
      to: requiredText(50),
      departDate: calendarDate,
      departTime: hhmm,
      number: transportNo,
      priceFen: fen,
      ticketStatus: z.enum(TICKET_STATUSES, { message: 'validation.invalidOption' }),
    }),
    z.strictObject({
      kind: z.literal('supply'),
      date: calendarDate,
      items: z
        .array(supplyLineSchema)
        .min(1, { message: 'validation.atLeastOne' })
        .max(30, { message: 'validation.tooMany' })
        .refine((s) => new Set(s.map((l) => l.supplyId)).size === s.length, {
          message: 'validation.duplicate',
        }),
    }),
  ],
  { message: 'validation.invalidOption' },
);
export type BookingDetail = z.output<typeof bookingDetailSchema>;
export type BookingDetailInput = z.input<typeof bookingDetailSchema>;
export type CarDetail = Extract<BookingDetail, { kind: 'car' }>;
export type RoomDetail = Extract<BookingDetail, { kind: 'room' }>;
export type HotelDetail = Extract<BookingDetail, { kind: 'hotel' }>;
export type RestaurantDetail = Extract<BookingDetail, { kind: 'restaurant' }>;
export type TicketDetail = Extract<BookingDetail, { kind: 'ticket' }>;
export type SupplyDetail = Extract<BookingDetail, { kind: 'supply' }>;

/** A supply booking as stored: what was issued and, after the visit, what came back. */
export interface StoredSupplyLine {
  supplyId: number;
  quantity: number;
  returned: number;
}
