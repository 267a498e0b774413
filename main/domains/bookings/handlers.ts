import type { bookingsNames } from '../../../shared/bookings/names';
import type { DomainHandlers } from '../../core/handler';
import { bookingsOfRequest, returnSupplies, saveBooking, setBookingStatus } from './bookings';
import { calendarOf, dayOf } from './calendar';
import { icsOf } from './ics';
import { freeAt, planOf, toPlan } from './plan';
import { listResources, saveResource, setResourceActive } from './resources';
import { callRules, saveRules } from './rules';

export const bookingsHandlers: DomainHandlers<(typeof bookingsNames.operations)[number]> = {
  'bookings.resources': (ctx, input) => listResources(ctx.db, input),
  'bookings.saveResource': (ctx, input) => saveResource(ctx, input),
  'bookings.setResourceActive': (ctx, input) => setResourceActive(ctx, input),
  'bookings.rules': (ctx) => callRules(ctx),
  'bookings.saveRules': (ctx, input) => saveRules(ctx, input),
  'bookings.toPlan': (ctx, input) => toPlan(ctx, input),
  'bookings.plan': (ctx, input) => planOf(ctx, input.requestId),
  'bookings.ofRequest': (ctx, input) => bookingsOfRequest(ctx, input.requestId),
  'bookings.save': (ctx, input) => saveBooking(ctx, input),
  'bookings.setStatus': (ctx, input) => setBookingStatus(ctx, input),
  'bookings.returnSupplies': (ctx, input) => returnSupplies(ctx, input),
  'bookings.free': (ctx, input) => freeAt(ctx, input),
  'bookings.calendar': (ctx, input) => calendarOf(ctx, input),
  'bookings.day': (ctx, input) => dayOf(ctx, input),
  'bookings.ics': (ctx, input) => icsOf(ctx, input),
};
