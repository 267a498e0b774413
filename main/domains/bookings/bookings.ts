import type { Kysely, Selectable } from 'kysely';
import {
  blocks,
  bookingAmountFen,
  bookingSpan,
  bufferMs,
  driverCallMs,
  heldResources,
  mealOverCap,
  resourceRefs,
  type BookingRules,
} from '../../../shared/bookings/rules';
import {
  MAX_SLOT_MS,
  type BookingDetail,
  type BookingStatus,
} from '../../../shared/bookings/schema';
import type {
  BookingView,
  Clash,
  ResourceView,
  StoredDetail,
} from '../../../shared/bookings/views';

type ResourceLike = ResourceView;
import type { Need } from '../../../shared/bookings/plan';
import type { OpParsed } from '../../../shared/contract/operations';
import { wallClock } from '../../../shared/dates';
import type { RequestStatus } from '../../../shared/requests';
import type { Tier } from '../../../shared/policy';
import { hasPermission } from '../../../shared/auth';
import type { DB } from '../../db/schema';
import { requireActor, type ServiceContext } from '../../core/context';
import { AppError, fieldError } from '../../core/errors';
import { parseJson, toJson } from '../../core/json';
import { callPolicy } from '../policy';
import { readableRequest } from '../requests';
import { callSettings } from '../settings';
import { setTaskDue } from '../tasks';
import { clashesWith, lockResources } from './conflicts';
import { linesOf, requestFacts } from './plan';
import { resourcesById } from './resources';
import { callRules } from './rules';

/** Requests a booking may be confirmed for; before approval (or returned) only tentatively. */
/**
 * A visit under way (or done for the day, back tomorrow) still needs its drop-off car and its
 * last meals booked: the desk's check-in must not close the admin office's plan.
 */
export const BOOKABLE: readonly RequestStatus[] = ['approved', 'filed', 'in_progress', 'completed'];
const TENTATIVE_ONLY: readonly RequestStatus[] = ['submitted', 'approving', 'returned'];

type BookingRow = Selectable<DB['bookings']>;

const BOOKING_COLUMNS = [
  'b.id',
  'b.requestId',
  'b.kind',
  'b.status',
  'b.needKey',
  'b.need',
  'b.resourceId',
  'b.startMs',
  'b.endMs',
  'b.detail',
  'b.amountFen',
  'b.version',
  'b.createdBy',
  'b.createdAtMs',
  'b.updatedAtMs',
] as const;

export function bookingRows(db: Kysely<DB>) {
  return db
    .selectFrom('bookings as b')
    .innerJoin('requests as r', 'r.id', 'b.requestId')
    .select([
      ...BOOKING_COLUMNS,
      'r.code as requestCode',
      'r.orgName',
      'r.tier',
      'r.policyVersion',
    ]);
}
type FullRow = BookingRow & {
  requestCode: string;
  orgName: string;
  tier: Tier;
  policyVersion: number | null;
};

/** Every catalogue id a stored booking names. */
function idsOf(detail: StoredDetail): number[] {
  return resourceRefs(detail as BookingDetail).map((r) => r.id);
}

/**
 * Bookings as the screens show them: names, the driver's call time, the meal cap and, for the
 * few bookings of one request, the clashes (one short index range per held resource; a day's
 * list leaves them out rather than ask per row).
 */
export async function bookingViews(
  ctx: Pick<ServiceContext, 'db' | 'nowMs'>,
  rows: readonly FullRow[],
  options: { clashes: boolean } = { clashes: true },
): Promise<BookingView[]> {
  const details = rows.map((r) => parseJson(r.detail));
  const names = await resourcesById(ctx.db, details.flatMap(idsOf));
  const rules = await callRules(ctx);
  const out: BookingView[] = [];
  for (const [i, row] of rows.entries()) {
    const detail = details[i] as StoredDetail;
    const own: Record<number, string> = {};
    const deactivated: string[] = [];
    const live = row.status === 'tentative' || row.status === 'confirmed';
    for (const id of idsOf(detail)) {
      const r = names.get(id);
      if (r) own[id] = r.name;
      if (r && !r.active && live) deactivated.push(r.name);
    }
    let mealCap: BookingView['mealCap'] = null;
    if (detail.kind === 'restaurant') {
      const policy = await callPolicy(ctx, row.policyVersion ?? undefined);
      const capFen = policy.policy.tiers[row.tier].mealCapFen;
      mealCap = { capFen, ...mealOverCap(detail.perHeadFen, detail.covers, capFen) };
    }
    const clashes: Clash[] = [];
    if (options.clashes && row.status !== 'cancelled' && row.status !== 'done') {
      for (const resourceId of heldResources(detail as BookingDetail)) {
        const kind = names.get(resourceId)?.kind ?? 'room';
        clashes.push(
          ...(await clashesWith(
            ctx.db,
            { resourceId, startMs: row.startMs, endMs: row.endMs, bufferMs: bufferMs(kind, rules) },
            { exceptBookingId: row.id, blockingOnly: false },
          )),
        );
      }
    }
    out.push({
      id: row.id,
      requestId: row.requestId,
      requestCode: row.requestCode,
      orgName: row.orgName,
      kind: row.kind,
      status: row.status,
      needKey: row.needKey,
      need: row.need === null ? null : parseJson(row.need),
      startMs: row.startMs,
      endMs: row.endMs,
      detail,
      amountFen: row.amountFen,
      version: row.version,
      names: own,
      deactivated,
      driverCallMs: detail.kind === 'car' ? driverCallMs(row.startMs) : null,
      mealCap,
      clashes,
      createdAtMs: row.createdAtMs,
      updatedAtMs: row.updatedAtMs,
    });
  }
  return out;
}

export async function loadBooking(ctx: ServiceContext, id: number): Promise<BookingView> {
  const row = await bookingRows(ctx.db).where('b.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'errors.bookingNotFound');
  const [view] = await bookingViews(ctx, [row]);
  if (!view) throw new AppError('NOT_FOUND', 'errors.bookingNotFound');
  return view;
}

/** A request's bookings, for whoever may read the request ("not found" to anyone else). */
export async function bookingsOfRequest(
  ctx: ServiceContext,
  requestId: number,
): Promise<BookingView[]> {
  await readableRequest(ctx, requestId);
  const rows = await bookingRows(ctx.db)
    .where('b.requestId', '=', requestId)
    .orderBy('b.startMs')
    .orderBy('b.id')
    .execute();
  // A clash names another request: only those who read every booking see it (a host may not
  // read the other request, so to him it does not exist).
  return bookingViews(ctx, rows, {
    clashes: hasPermission(requireActor(ctx).roles, 'bookings.read'),
  });
}

/** `12-09 09:00`: how a clash's time reads inside a message (company zone). */
function shortTime(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}`;
}

const YEAR_2000_MS = Date.UTC(2000, 0, 1);
const YEAR_2100_MS = Date.UTC(2100, 0, 1);
/** The date field each kind of booking starts with (where an impossible year is reported). */
const FIRST_DATE: Record<BookingDetail['kind'], string> = {
  car: 'startDate',
  room: 'startDate',
  hotel: 'checkInDate',
  restaurant: 'date',
  ticket: 'departDate',
  supply: 'date',
};

/**
 * The checks a booking's own fields and its catalogue entries must pass, field by field: the
 * resources exist, are of the right kind and active; seats and capacity suffice; the room type
 * and private room exist; company-paid lodging was approved.
 */
function checkDetail(
  detail: BookingDetail,
  resources: Map<number, ResourceLike>,
  span: { startMs: number; endMs: number },
  companyPaysLodging: boolean,
): void {
  const field = (name: string) => `detail.${name}`;
  // Years a calendar file and a person can mean: a typo like 0226 or 9999 stops here.
  if (span.startMs < YEAR_2000_MS || span.endMs >= YEAR_2100_MS) {
    throw fieldError(field(FIRST_DATE[detail.kind]), 'validation.bookingYear');
  }
  if (detail.kind === 'car' || detail.kind === 'room') {
    if (span.endMs <= span.startMs) throw fieldError(field('endTime'), 'validation.endAfterStart');
    if (span.endMs - span.startMs > MAX_SLOT_MS) {
      throw fieldError(field('endDate'), 'validation.slotTooLong', {
        days: MAX_SLOT_MS / 86_400_000,
      });
    }
  }
  const refFields: Record<string, string> = {
    vehicle: 'vehicleId',
    driver: 'driverId',
    room: 'roomId',
    hotel: 'hotelId',
    restaurant: 'restaurantId',
    supply: 'items',
  };
  for (const ref of resourceRefs(detail)) {
    const r = resources.get(ref.id);
    const f = field(refFields[ref.kind] ?? 'kind');
    if (!r || r.kind !== ref.kind) throw fieldError(f, 'errors.resourceNotFound');
    if (!r.active) throw fieldError(f, 'errors.resourceInactive', { name: r.name });
  }
  const get = (id: number) => resources.get(id) as ResourceLike;
  switch (detail.kind) {
    case 'car': {
      const v = get(detail.vehicleId);
      if (detail.passengers > v.capacity) {
        throw fieldError(field('passengers'), 'validation.moreThanSeats', {
          seats: v.capacity,
          name: v.name,
        });
      }
      return;
    }
    case 'room': {
      const r = get(detail.roomId);
      if (detail.attendees > r.capacity) {
        throw fieldError(field('attendees'), 'validation.moreThanCapacity', {
          capacity: r.capacity,
          name: r.name,
        });
      }
      return;
    }
    case 'hotel': {
      const h = get(detail.hotelId);
      const types = h.details.kind === 'hotel' ? h.details.roomTypes : [];
      if (!types.some((t) => t.name === detail.roomType)) {
        throw fieldError(field('roomType'), 'errors.roomTypeUnknown', { name: h.name });
      }
      if (detail.payer === 'company' && !companyPaysLodging) {
        throw fieldError(field('payer'), 'errors.companyLodgingNotApproved');
      }
      return;
    }
    case 'restaurant': {
      const r = get(detail.restaurantId);
      if (detail.privateRoom === '') return;
      const rooms = r.details.kind === 'restaurant' ? r.details.privateRooms : [];
      const room = rooms.find((p) => p.name === detail.privateRoom);
      if (!room)
        throw fieldError(field('privateRoom'), 'errors.privateRoomUnknown', { name: r.name });
      if (detail.covers > room.capacity) {
        throw fieldError(field('covers'), 'validation.moreThanCapacity', {
          capacity: room.capacity,
          name: room.name,
        });
      }
      return;
    }
    default:
      return;
  }
}

/** The agreed price per night of a hotel booking's room type. */
function hotelPrice(detail: BookingDetail, resources: Map<number, ResourceLike>): number | null {
  if (detail.kind !== 'hotel') return null;
  const h = resources.get(detail.hotelId);
  if (!h || h.details.kind !== 'hotel') return null;
  return h.details.roomTypes.find((t) => t.name === detail.roomType)?.priceFen ?? null;
}

/** Supplies out of stock for a change in what is issued: `delta` per supply id (+ = issue more). */
async function moveStock(
  ctx: ServiceContext,
  delta: Map<number, number>,
  resources: Map<number, ResourceLike>,
): Promise<void> {
  for (const [supplyId, n] of delta) {
    if (n === 0) continue;
    const r = resources.get(supplyId) ?? (await resourcesById(ctx.db, [supplyId])).get(supplyId);
    if (!r) continue;
    if (n > 0) {
      // The check and the decrement are one statement: two clerks cannot both take the last one.
      const done = await ctx.db
        .updateTable('bookingResources')
        .set((eb) => ({ stock: eb('stock', '-', n), version: eb('version', '+', 1) }))
        .where('id', '=', supplyId)
        .where('stock', '>=', n)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) {
        const now = (await resourcesById(ctx.db, [supplyId])).get(supplyId);
        throw fieldError('detail.items', 'errors.stockShort', {
          name: r.name,
          stock: now?.stock ?? 0,
          wanted: n,
        });
      }
    } else {
      await ctx.db
        .updateTable('bookingResources')
        .set((eb) => ({ stock: eb('stock', '+', -n), version: eb('version', '+', 1) }))
        .where('id', '=', supplyId)
        .execute();
    }
  }
}

/** What a supply booking holds out of stock now: issued minus returned, per supply. */
function issued(detail: StoredDetail | null, status: BookingStatus | null): Map<number, number> {
  const out = new Map<number, number>();
  if (!detail || detail.kind !== 'supply' || status === null || !blocks(status)) return out;
  for (const i of detail.items)
    out.set(i.supplyId, (out.get(i.supplyId) ?? 0) + i.quantity - i.returned);
  return out;
}

function stockDelta(before: Map<number, number>, after: Map<number, number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    out.set(id, (after.get(id) ?? 0) - (before.get(id) ?? 0));
  }
  return out;
}

/** Who hears that a request's bookings changed: its host and everyone who reads bookings. */
async function listeners(db: Kysely<DB>, hostUserId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('userRoles')
    .innerJoin('users', 'users.id', 'userRoles.userId')
    .select('users.id')
    .where('userRoles.role', 'in', ['admin_office', 'front_desk'])
    .where('users.disabled', '=', 0)
    .execute();
  return [...new Set([hostUserId, ...rows.map((r) => r.id)])];
}

async function writeSlots(
  ctx: ServiceContext,
  bookingId: number,
  detail: StoredDetail,
  span: { startMs: number; endMs: number },
  status: BookingStatus,
): Promise<void> {
  await ctx.db.deleteFrom('bookingSlots').where('bookingId', '=', bookingId).execute();
  if (status === 'cancelled') return;
  const held = heldResources(detail as BookingDetail);
  if (held.length === 0 || span.endMs <= span.startMs) return;
  await ctx.db
    .insertInto('bookingSlots')
    .values(
      [...new Set(held)].map((resourceId) => ({
        bookingId,
        resourceId,
        startMs: span.startMs,
        endMs: span.endMs,
        blocking: blocks(status) ? (1 as const) : (0 as const),
      })),
    )
    .execute();
}

/**
 * Refuses a confirmed hold that comes within the buffer of another confirmed booking of the same
 * vehicle, driver or room. Runs inside the write transaction after `lockResources`, so of two
 * clerks booking the last free car at the same second exactly one wins; the other is told which
 * booking is in the way.
 */
async function refuseClashes(
  ctx: ServiceContext,
  detail: BookingDetail,
  span: { startMs: number; endMs: number },
  exceptBookingId: number | null,
  resources: Map<number, ResourceLike>,
  rules: BookingRules,
): Promise<void> {
  const held = heldResources(detail);
  await lockResources(ctx.db, held);
  const timeZone = (await callSettings(ctx)).timeZone;
  for (const resourceId of held) {
    const r = resources.get(resourceId);
    if (!r) continue;
    const [clash] = await clashesWith(
      ctx.db,
      { resourceId, ...span, bufferMs: bufferMs(r.kind, rules) },
      { exceptBookingId, blockingOnly: true },
    );
    if (clash) {
      throw new AppError('CONFLICT', 'errors.bookingConflict', {
        resource: r.name,
        code: clash.requestCode,
        from: shortTime(clash.startMs, timeZone),
        to: shortTime(clash.endMs, timeZone),
      });
    }
  }
}

/**
 * The visit's "driver at the pickup point" task follows a confirmed pickup: due at the driver's
 * call time (15 minutes before the booked pickup) rather than the one planned from the arrival.
 */
async function followPickup(
  ctx: ServiceContext,
  requestId: number,
  detail: StoredDetail,
  startMs: number,
  status: BookingStatus,
): Promise<void> {
  if (detail.kind !== 'car' || detail.carKind !== 'pickup' || status !== 'confirmed') return;
  await setTaskDue(ctx, requestId, 'driver_at_pickup', driverCallMs(startMs));
}

/**
 * Filing creates the visit's tasks from the request; a pickup confirmed before filing (the office
 * books once the request is approved) moves the driver's task to its call time then.
 */
export async function syncPickupTask(ctx: ServiceContext, requestId: number): Promise<void> {
  const rows = await ctx.db
    .selectFrom('bookings')
    .select(['detail', 'startMs', 'status'])
    .where('requestId', '=', requestId)
    .where('kind', '=', 'car')
    .where('status', '=', 'confirmed')
    .orderBy('startMs')
    .orderBy('id')
    .execute();
  const pickup = rows.find((r) => {
    const d = parseJson(r.detail);
    return d.kind === 'car' && d.carKind === 'pickup';
  });
  if (pickup)
    await followPickup(ctx, requestId, parseJson(pickup.detail), pickup.startMs, 'confirmed');
}

export async function saveBooking(
  ctx: ServiceContext,
  input: OpParsed<'bookings.save'>,
): Promise<BookingView> {
  const actor = requireActor(ctx);
  const request = requestFacts((await readableRequest(ctx, input.requestId)).row);
  if (input.status === 'confirmed' && !BOOKABLE.includes(request.status)) {
    if (!TENTATIVE_ONLY.includes(request.status)) {
      throw new AppError('CONFLICT', 'errors.bookingRequestClosed', { code: request.code });
    }
    throw new AppError('CONFLICT', 'errors.bookingNeedsApproval', { code: request.code });
  }
  if (!BOOKABLE.includes(request.status) && !TENTATIVE_ONLY.includes(request.status)) {
    throw new AppError('CONFLICT', 'errors.bookingRequestClosed', { code: request.code });
  }
  let before: FullRow | null = null;
  if (input.id !== null) {
    before = (await bookingRows(ctx.db).where('b.id', '=', input.id).executeTakeFirst()) ?? null;
    if (!before || before.requestId !== input.requestId) {
      throw new AppError('NOT_FOUND', 'errors.bookingNotFound');
    }
    if (before.version !== input.version) throw new AppError('CONFLICT', 'errors.staleBooking');
    if (before.status === 'cancelled' || before.status === 'done') {
      throw new AppError('CONFLICT', 'errors.bookingClosed');
    }
    if (before.kind !== input.detail.kind)
      throw fieldError('detail.kind', 'errors.bookingKindFixed');
  }
  const detail = input.detail;
  const timeZone = (await callSettings(ctx)).timeZone;
  const span = bookingSpan(detail, timeZone);
  const resources = await resourcesById(
    ctx.db,
    resourceRefs(detail).map((r) => r.id),
  );
  checkDetail(detail, resources, span, request.body.needs.companyPaysLodging);

  let need: Need | null = null;
  if (input.needKey !== null) {
    const line = (await linesOf(ctx, request)).find((l) => l.key === input.needKey);
    if (!line || line.kind !== detail.kind) throw fieldError('needKey', 'errors.planLineGone');
    need = line.need;
    const taken = await ctx.db
      .selectFrom('bookings')
      .select('id')
      .where('requestId', '=', request.id)
      .where('needKey', '=', input.needKey)
      .where('status', '!=', 'cancelled')
      .executeTakeFirst();
    if (taken && taken.id !== input.id) throw new AppError('CONFLICT', 'errors.planLineBooked');
  } else if (before) {
    need = before.need === null ? null : parseJson(before.need);
  }
  const rules = await callRules(ctx);
  if (input.status === 'confirmed') {
    await refuseClashes(ctx, detail, span, input.id, resources, rules);
  }

  // What came back is on record: an edit may not issue fewer than that.
  if (detail.kind === 'supply' && before) {
    const old = parseJson(before.detail);
    if (old.kind === 'supply') {
      for (const [n, i] of detail.items.entries()) {
        const back = old.items.find((o) => o.supplyId === i.supplyId)?.returned ?? 0;
        if (i.quantity < back) {
          throw fieldError(`detail.items.${n}.quantity`, 'validation.belowReturned', {
            returned: back,
          });
        }
      }
      const gone = old.items.find(
        (o) => o.returned > 0 && !detail.items.some((i) => i.supplyId === o.supplyId),
      );
      if (gone)
        throw fieldError('detail.items', 'validation.belowReturned', { returned: gone.returned });
    }
  }
  // Supplies leave the store when a booking of them is confirmed; an edit moves the difference.
  const stored: StoredDetail =
    detail.kind === 'supply'
      ? {
          ...detail,
          items: detail.items.map((i) => {
            const old =
              before && parseJson(before.detail).kind === 'supply'
                ? (
                    parseJson(before.detail) as Extract<StoredDetail, { kind: 'supply' }>
                  ).items.find((o) => o.supplyId === i.supplyId)
                : undefined;
            const returned = old?.returned ?? 0;
            return { ...i, returned };
          }),
        }
      : detail;
  await moveStock(
    ctx,
    stockDelta(
      issued(before ? parseJson(before.detail) : null, before?.status ?? null),
      issued(stored, input.status),
    ),
    resources,
  );

  const values = {
    status: input.status,
    needKey: input.needKey ?? before?.needKey ?? null,
    need: need === null ? null : toJson(need),
    resourceId: resourceRefs(detail)[0]?.id ?? null,
    startMs: span.startMs,
    endMs: Math.max(span.endMs, span.startMs),
    detail: toJson(stored),
    amountFen: bookingAmountFen(detail, hotelPrice(detail, resources)),
    updatedAtMs: ctx.nowMs,
  };
  let id: number;
  if (before === null) {
    const row = await ctx.db
      .insertInto('bookings')
      .values({
        ...values,
        requestId: request.id,
        kind: detail.kind,
        createdBy: actor.userId,
        createdAtMs: ctx.nowMs,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  } else {
    id = before.id;
    await ctx.db
      .updateTable('bookings')
      .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }
  await writeSlots(ctx, id, stored, span, input.status);
  await followPickup(ctx, request.id, stored, span.startMs, input.status);
  ctx.audit({
    entityType: 'booking',
    entityId: id,
    summary: {
      code: request.code,
      kind: detail.kind,
      status: input.status,
      ...(before ? { from: before.status } : {}),
    },
  });
  ctx.emit(
    'bookings.changed',
    { requestId: request.id },
    await listeners(ctx.db, request.hostUserId),
  );
  return loadBooking(ctx, id);
}

const NEXT: Record<BookingStatus, readonly BookingStatus[]> = {
  tentative: ['confirmed', 'cancelled'],
  confirmed: ['done', 'cancelled'],
  done: [],
  cancelled: [],
};

/** The booking life cycle: tentative → confirmed → done, or cancelled on the way. */
export function mayMoveBooking(from: BookingStatus, to: BookingStatus): boolean {
  return NEXT[from].includes(to);
}

export async function setBookingStatus(
  ctx: ServiceContext,
  input: OpParsed<'bookings.setStatus'>,
): Promise<BookingView> {
  const row = await bookingRows(ctx.db).where('b.id', '=', input.id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'errors.bookingNotFound');
  const request = requestFacts((await readableRequest(ctx, row.requestId)).row);
  if (row.version !== input.version) throw new AppError('CONFLICT', 'errors.staleBooking');
  if (row.status === input.status) return loadBooking(ctx, row.id);
  if (!mayMoveBooking(row.status, input.status)) {
    throw new AppError('CONFLICT', 'errors.bookingMove');
  }
  const detail = parseJson(row.detail);
  if (input.status === 'confirmed') {
    if (!BOOKABLE.includes(request.status)) {
      throw new AppError('CONFLICT', 'errors.bookingNeedsApproval', { code: request.code });
    }
    const resources = await resourcesById(ctx.db, idsOf(detail));
    const span = { startMs: row.startMs, endMs: row.endMs };
    checkDetail(detail as BookingDetail, resources, span, request.body.needs.companyPaysLodging);
    await refuseClashes(
      ctx,
      detail as BookingDetail,
      span,
      row.id,
      resources,
      await callRules(ctx),
    );
  }
  await moveStock(
    ctx,
    stockDelta(issued(detail, row.status), issued(detail, input.status)),
    new Map(),
  );
  await ctx.db
    .updateTable('bookings')
    .set((eb) => ({ status: input.status, version: eb('version', '+', 1), updatedAtMs: ctx.nowMs }))
    .where('id', '=', row.id)
    .execute();
  await writeSlots(ctx, row.id, detail, { startMs: row.startMs, endMs: row.endMs }, input.status);
  await followPickup(ctx, request.id, detail, row.startMs, input.status);
  ctx.audit({
    entityType: 'booking',
    entityId: row.id,
    summary: { code: request.code, kind: row.kind, from: row.status, status: input.status },
  });
  ctx.emit(
    'bookings.changed',
    { requestId: request.id },
    await listeners(ctx.db, request.hostUserId),
  );
  return loadBooking(ctx, row.id);
}

/** After the visit: what came back of the supplies issued to it goes back into stock. */
export async function returnSupplies(
  ctx: ServiceContext,
  input: OpParsed<'bookings.returnSupplies'>,
): Promise<BookingView> {
  const row = await bookingRows(ctx.db).where('b.id', '=', input.id).executeTakeFirst();
  if (!row || row.kind !== 'supply') throw new AppError('NOT_FOUND', 'errors.bookingNotFound');
  const { row: request } = await readableRequest(ctx, row.requestId);
  if (row.version !== input.version) throw new AppError('CONFLICT', 'errors.staleBooking');
  if (!blocks(row.status)) throw new AppError('CONFLICT', 'errors.suppliesNotIssued');
  const detail = parseJson(row.detail) as Extract<StoredDetail, { kind: 'supply' }>;
  const items = detail.items.map((i) => ({ ...i }));
  for (const [n, r] of input.returned.entries()) {
    const item = items.find((i) => i.supplyId === r.supplyId);
    if (!item) throw fieldError(`returned.${n}.supplyId`, 'errors.resourceNotFound');
    if (r.quantity > item.quantity) {
      throw fieldError(`returned.${n}.quantity`, 'validation.moreThanIssued', {
        issued: item.quantity,
      });
    }
    item.returned = r.quantity;
  }
  const after = { ...detail, items };
  await moveStock(
    ctx,
    stockDelta(issued(detail, row.status), issued(after, row.status)),
    new Map(),
  );
  await ctx.db
    .updateTable('bookings')
    .set((eb) => ({
      detail: toJson<StoredDetail>(after),
      version: eb('version', '+', 1),
      updatedAtMs: ctx.nowMs,
    }))
    .where('id', '=', row.id)
    .execute();
  ctx.audit({
    entityType: 'booking',
    entityId: row.id,
    summary: {
      code: request.code,
      kind: 'supply',
      returned: items.reduce((s, i) => s + i.returned, 0),
    },
  });
  ctx.emit(
    'bookings.changed',
    { requestId: request.id },
    await listeners(ctx.db, request.hostUserId),
  );
  return loadBooking(ctx, row.id);
}

/**
 * A cancelled request lets go of everything booked for it: bookings are cancelled (their slots
 * freed) and supplies still out go back into stock. Called by requests' cancel, in its
 * transaction. Returns how many bookings it released.
 */
export async function releaseBookingsOf(
  ctx: ServiceContext,
  requestId: number,
  hostUserId: number,
): Promise<number> {
  const rows = await ctx.db
    .selectFrom('bookings')
    .select(['id', 'status', 'detail'])
    .where('requestId', '=', requestId)
    .where('status', 'in', ['tentative', 'confirmed'])
    .execute();
  for (const row of rows) {
    const detail = parseJson(row.detail);
    await moveStock(ctx, stockDelta(issued(detail, row.status), new Map()), new Map());
    await ctx.db
      .updateTable('bookings')
      .set((eb) => ({
        status: 'cancelled',
        version: eb('version', '+', 1),
        updatedAtMs: ctx.nowMs,
      }))
      .where('id', '=', row.id)
      .execute();
    await ctx.db.deleteFrom('bookingSlots').where('bookingId', '=', row.id).execute();
  }
  if (rows.length > 0) {
    ctx.emit('bookings.changed', { requestId }, await listeners(ctx.db, hostUserId));
  }
  return rows.length;
}
