import * as z from 'zod';
import { empty, op } from '../contract/spec';
import { EQUIPMENT } from '../requests';
import { calendarDate, id } from '../validation/fields';
import type { BookingRules } from './rules';
import {
  bookingDetailSchema,
  resourceInputSchema,
  RESOURCE_KINDS,
  supplyLineSchema,
} from './schema';
import type {
  BookingView,
  CalendarView,
  DayView,
  FreeView,
  IcsView,
  PlanView,
  ResourceView,
  ToPlanPage,
} from './views';

const version = z.number({ message: 'validation.required' }).int().positive();
const minutes = z
  .number({ message: 'validation.required' })
  .int({ message: 'validation.integer' })
  .min(0, { message: 'validation.nonNegative' })
  .max(240, { message: 'validation.tooBig' });
const headcount = z
  .number({ message: 'validation.required' })
  .int({ message: 'validation.integer' })
  .min(0, { message: 'validation.nonNegative' })
  .max(1000, { message: 'validation.tooBig' });
const hhmm = z
  .string({ message: 'validation.required' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.time' });

export const rulesInput = z.strictObject({
  carBufferMinutes: minutes,
  roomBufferMinutes: minutes,
});

export const saveBookingInput = z.strictObject({
  id: id.nullable(),
  version: version.nullable(),
  requestId: id,
  /** The plan line this books, or null for a booking made by hand. */
  needKey: z
    .string()
    .regex(/^[a-z0-9:-]{1,60}$/, { message: 'validation.invalidOption' })
    .nullable(),
  status: z.enum(['tentative', 'confirmed'], { message: 'validation.invalidOption' }),
  detail: bookingDetailSchema,
});

export const freeInput = z.strictObject({
  startDate: calendarDate,
  startTime: hhmm,
  endDate: calendarDate,
  endTime: hhmm,
  passengers: headcount,
  attendees: headcount,
  equipment: z.array(z.enum(EQUIPMENT, { message: 'validation.invalidOption' })).max(10),
});

export const bookingsOperations = {
  'bookings.resources': op<ResourceView[]>()({
    input: z.strictObject({
      kind: z.enum(RESOURCE_KINDS, { message: 'validation.invalidOption' }).nullable(),
      includeInactive: z.boolean(),
    }),
    access: 'bookings.read',
    write: false,
  }),
  'bookings.saveResource': op<ResourceView>()({
    input: z.strictObject({
      id: id.nullable(),
      version: version.nullable(),
      resource: resourceInputSchema,
    }),
    access: 'bookings.manage',
    write: true,
  }),
  'bookings.setResourceActive': op<ResourceView>()({
    input: z.strictObject({ id, version, active: z.boolean() }),
    access: 'bookings.manage',
    write: true,
  }),
  'bookings.rules': op<BookingRules>()({ input: empty, access: 'bookings.read', write: false }),
  'bookings.saveRules': op<BookingRules>()({
    input: rulesInput,
    access: 'bookings.manage',
    write: true,
  }),
  'bookings.toPlan': op<ToPlanPage>()({
    input: z.strictObject({ cursor: z.string().max(100).nullable() }),
    access: 'bookings.read',
    write: false,
  }),
  'bookings.plan': op<PlanView>()({
    input: z.strictObject({ requestId: id }),
    access: 'bookings.read',
    write: false,
  }),
  'bookings.ofRequest': op<BookingView[]>()({
    input: z.strictObject({ requestId: id }),
    access: 'session',
    write: false,
  }),
  'bookings.save': op<BookingView>()({
    input: saveBookingInput,
    access: 'bookings.manage',
    write: true,
  }),
  'bookings.setStatus': op<BookingView>()({
    input: z.strictObject({
      id,
      version,
      status: z.enum(['confirmed', 'done', 'cancelled'], { message: 'validation.invalidOption' }),
    }),
    access: 'bookings.manage',
    write: true,
  }),
  'bookings.returnSupplies': op<BookingView>()({
    input: z.strictObject({
      id,
      version,
      returned: z.array(supplyLineSchema.extend({ quantity: headcount })).max(30),
    }),
    access: 'bookings.manage',
    write: true,
  }),
  'bookings.free': op<FreeView>()({ input: freeInput, access: 'bookings.read', write: false }),
  'bookings.calendar': op<CalendarView>()({
    input: z.strictObject({
      resourceKind: z.enum(['vehicle', 'driver', 'room'], { message: 'validation.invalidOption' }),
      from: calendarDate,
      days: z.number().int().min(1).max(7),
    }),
    access: 'bookings.read',
    write: false,
  }),
  'bookings.day': op<DayView>()({
    input: z.strictObject({ date: calendarDate }),
    access: 'bookings.read',
    write: false,
  }),
  'bookings.ics': op<IcsView>()({
    input: z.strictObject({ requestId: id, bookingId: id.nullable() }),
    access: 'session',
    write: false,
  }),
};

/** Events: a booking of `requestId` changed. */
export interface BookingsEvents {
  'bookings.changed': { requestId: number };
}
