import type { Kysely } from 'kysely';
import { needChanged, planLines, type PlanLine } from '../../../shared/bookings/plan';
import { bookingSpan, bufferMs, type BookingRules } from '../../../shared/bookings/rules';
import type { BookingDetail, ResourceKind } from '../../../shared/bookings/schema';
import type {
  BookingView,
  Candidate,
  FreeView,
  PlanLineView,
  PlanView,
  ResourceView,
  ToPlanPage,
} from '../../../shared/bookings/views';
import type { OpParsed } from '../../../shared/contract/operations';
import { translate } from '../../../shared/i18n/translate';
import type { Tier } from '../../../shared/policy';
import {
  emptyRequestBody,
  requestBodySchema,
  type RequestBody,
  type RequestStatus,
} from '../../../shared/requests';
import type { DB } from '../../db/schema';
import { requireActor, type ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { parseJson, type Json } from '../../core/json';
import { callPolicy } from '../policy';
import { readableRequest } from '../requests';
import { callSettings, companyToday } from '../settings';
import { BOOKABLE, bookingRows, bookingViews } from './bookings';
import { busyResources } from './conflicts';
import { activeResources } from './resources';
import { callRules } from './rules';

/** The request facts a plan is made from (a row of `readableRequest`). */
export interface PlanRequestRow {
  id: number;
  code: string;
  orgName: string;
  tier: Tier;
  status: RequestStatus;
  arrivalDate: string;
  departureDate: string;
  visitorCount: number;
  policyVersion: number | null;
  body: RequestBody;
}

/**
 * A stored body as today's schema reads it: one saved before a field existed gets its default
 * (the pickup place and flight number came with bookings), so proposals are always complete.
 */
function bodyOf(stored: Json<RequestBody>): RequestBody {
  const raw = parseJson(stored);
  const parsed = requestBodySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  return { ...raw, needs: { ...emptyRequestBody().needs, ...raw.needs } };
}

/** A request row as `readableRequest` gives it, with its body read. */
export function requestFacts<
  R extends Omit<PlanRequestRow, 'body'> & { body: Json<RequestBody>; hostUserId: number },
>(row: R): Omit<R, 'body'> & { body: RequestBody } {
  return { ...row, body: bodyOf(row.body) };
}

/** The request's plan lines, worded in the caller's language. */
export async function linesOf(ctx: ServiceContext, request: PlanRequestRow): Promise<PlanLine[]> {
  const language = requireActor(ctx).language;
  const t = (key: string) => translate(language, key);
  const policy = await callPolicy(ctx, request.policyVersion ?? undefined);
  return planLines({
    body: request.body,
    timeZone: (await callSettings(ctx)).timeZone,
    mealCapFen: policy.policy.tiers[request.tier].mealCapFen,
    labels: {
      arrivalPoint: t('bookings.plan.arrivalPoint'),
      company: t('bookings.plan.company'),
      departurePoint: t('bookings.plan.departurePoint'),
      home: t('bookings.plan.home'),
    },
  });
}

/** The star level a tier is received at, for ranking hotels (A: five stars … C/D: three). */
const TIER_STARS: Record<Tier, number> = { A: 5, B: 4, C: 3, D: 3 };

const byFit = (a: Candidate, b: Candidate) => Number(b.fits) - Number(a.fits);

function candidate(r: ResourceView, misfit: string | null): Candidate {
  const c: Candidate = {
    id: r.id,
    name: r.name,
    capacity: r.capacity,
    fits: misfit === null,
    misfit,
    priceFen: null,
  };
  if (r.details.kind === 'hotel') {
    c.roomTypes = r.details.roomTypes;
    c.priceFen = Math.min(...r.details.roomTypes.map((t) => t.priceFen));
  }
  if (r.details.kind === 'restaurant') {
    c.privateRooms = r.details.privateRooms;
    c.priceFen = r.details.perHeadFen;
  }
  if (r.details.kind === 'supply') c.stock = r.stock;
  return c;
}

/**
 * Cars, drivers and rooms for a time, best first: those that are free and big enough, smallest
 * sufficient first (a 5-seater for three, not the bus); the others after them, each with why.
 */
export async function rankTimed(
  db: Kysely<DB>,
  resources: readonly ResourceView[],
  span: { startMs: number; endMs: number },
  rules: BookingRules,
  want: { count: number; equipment: readonly string[] },
): Promise<Candidate[]> {
  const byKind = new Map<ResourceKind, ResourceView[]>();
  for (const r of resources) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  const busy = new Set<number>();
  for (const [kind, rs] of byKind) {
    for (const id of await busyResources(
      db,
      rs.map((r) => r.id),
      span,
      bufferMs(kind, rules),
    )) {
      busy.add(id);
    }
  }
  const out = resources.map((r) => {
    if (busy.has(r.id)) return candidate(r, 'bookings.misfit.busy');
    if (r.kind === 'vehicle' && r.capacity < want.count) {
      return candidate(r, 'bookings.misfit.seats');
    }
    if (r.kind === 'room' && r.capacity < want.count) {
      return candidate(r, 'bookings.misfit.capacity');
    }
    if (r.details.kind === 'room') {
      const has = r.details.equipment as readonly string[];
      if (want.equipment.some((e) => !has.includes(e))) {
        return candidate(r, 'bookings.misfit.equipment');
      }
    }
    return candidate(r, null);
  });
  return out.sort((a, b) => byFit(a, b) || a.capacity - b.capacity || a.name.localeCompare(b.name));
}

async function lineCandidates(
  ctx: ServiceContext,
  line: PlanLine,
  catalogue: Map<ResourceKind, ResourceView[]>,
  rules: BookingRules,
  tier: Tier,
  timeZone: string,
): Promise<{ candidates: Candidate[]; drivers: Candidate[] }> {
  const of = (kind: ResourceKind) => catalogue.get(kind) ?? [];
  const p = line.proposal;
  switch (p.kind) {
    case 'car': {
      const span = bookingSpan(p, timeZone);
      const want = { count: p.passengers, equipment: [] };
      return {
        candidates: await rankTimed(ctx.db, of('vehicle'), span, rules, want),
        drivers: await rankTimed(ctx.db, of('driver'), span, rules, want),
      };
    }
    case 'room': {
      const span = bookingSpan(p, timeZone);
      const want = { count: p.attendees, equipment: line.need.equipment ?? [] };
      return { candidates: await rankTimed(ctx.db, of('room'), span, rules, want), drivers: [] };
    }
    case 'hotel': {
      const ideal = TIER_STARS[tier];
      const list = of('hotel').map((h) => candidate(h, null));
      const star = (c: Candidate) => {
        const h = of('hotel').find((r) => r.id === c.id);
        return h?.details.kind === 'hotel' ? (h.details.star ?? ideal) : ideal;
      };
      list.sort(
        (a, b) =>
          Math.abs(star(a) - ideal) - Math.abs(star(b) - ideal) ||
          (a.priceFen ?? 0) - (b.priceFen ?? 0),
      );
      return { candidates: list, drivers: [] };
    }
    case 'restaurant': {
      const list = of('restaurant').map((r) => {
        const rooms = r.details.kind === 'restaurant' ? r.details.privateRooms : [];
        const roomFits = rooms.length === 0 || rooms.some((x) => x.capacity >= p.covers);
        return candidate(r, roomFits ? null : 'bookings.misfit.capacity');
      });
      const over = (c: Candidate) => Number((c.priceFen ?? 0) > p.perHeadFen);
      list.sort(
        (a, b) => byFit(a, b) || over(a) - over(b) || (a.priceFen ?? 0) - (b.priceFen ?? 0),
      );
      return { candidates: list, drivers: [] };
    }
    case 'supply': {
      const quantity = p.items[0]?.quantity ?? 0;
      const list = of('supply').map((r) =>
        candidate(r, r.stock >= quantity ? null : 'bookings.misfit.stock'),
      );
      list.sort((a, b) => byFit(a, b) || (b.stock ?? 0) - (a.stock ?? 0));
      return { candidates: list, drivers: [] };
    }
    default:
      return { candidates: [], drivers: [] };
  }
}

/** Why a line cannot be satisfied from the catalogue, or null. */
function unmetReason(line: PlanLine, candidates: Candidate[], drivers: Candidate[]): string | null {
  if (line.kind === 'ticket') return null;
  if (!candidates.some((c) => c.fits)) return `bookings.unmet.${line.kind}`;
  if (line.kind === 'car' && !drivers.some((c) => c.fits)) return 'bookings.unmet.driver';
  return null;
}

/**
 * The visit's booking plan (★): one line per need of the approved request, each with the live
 * booking made for it (and whether it still matches), or the free resources that fit, best
 * first, and why nothing fits where nothing does. Bookings whose line is gone are listed too.
 */
export async function planOf(ctx: ServiceContext, requestId: number): Promise<PlanView> {
  const request = requestFacts((await readableRequest(ctx, requestId)).row);
  const lines = await linesOf(ctx, request);
  const rules = await callRules(ctx);
  const timeZone = (await callSettings(ctx)).timeZone;
  const rows = await bookingRows(ctx.db)
    .where('b.requestId', '=', requestId)
    .where('b.status', '!=', 'cancelled')
    .orderBy('b.startMs')
    .orderBy('b.id')
    .execute();
  const bookings = await bookingViews(ctx, rows);
  const byKey = new Map<string, BookingView>();
  for (const b of bookings) if (b.needKey !== null) byKey.set(b.needKey, b);
  const catalogue = new Map<ResourceKind, ResourceView[]>();
  for (const r of await activeResources(ctx.db, [
    'vehicle',
    'driver',
    'room',
    'hotel',
    'restaurant',
    'supply',
  ])) {
    catalogue.set(r.kind, [...(catalogue.get(r.kind) ?? []), r]);
  }
  const views: PlanLineView[] = [];
  for (const line of lines) {
    const booking = byKey.get(line.key) ?? null;
    const { candidates, drivers } = booking
      ? { candidates: [], drivers: [] }
      : await lineCandidates(ctx, line, catalogue, rules, request.tier, timeZone);
    views.push({
      ...line,
      booking,
      stale: booking ? needChanged(line, booking.need) : false,
      candidates,
      drivers,
      unmet: booking ? null : unmetReason(line, candidates, drivers),
    });
  }
  const keys = new Set(lines.map((l) => l.key));
  return {
    request: {
      id: request.id,
      code: request.code,
      orgName: request.orgName,
      tier: request.tier,
      status: request.status,
      arrivalDate: request.arrivalDate,
      departureDate: request.departureDate,
      visitorCount: request.visitorCount,
      bookable: BOOKABLE.includes(request.status),
    },
    lines: views,
    others: bookings.filter((b) => b.needKey === null || !keys.has(b.needKey)),
  };
}

const PAGE = 50;
const PLANNED: readonly RequestStatus[] = ['approved', 'filed', 'in_progress', 'completed'];

/**
 * The admin office's work list: approved and filed requests arriving from today on, soonest
 * first, with how many live bookings each has. Keyset pages on (arrival date, id): SQLite walks
 * `requests_arrival` from today in page order and stops at a page of them (query-plans test).
 */
export async function toPlan(
  ctx: ServiceContext,
  input: OpParsed<'bookings.toPlan'>,
): Promise<ToPlanPage> {
  const today = await companyToday(ctx);
  let after: { date: string; id: number } | null = null;
  if (input.cursor !== null) {
    const m = /^(\d{4}-\d{2}-\d{2}):(\d+)$/.exec(input.cursor);
    if (!m || !m[1] || !m[2]) throw new AppError('INVALID_INPUT', 'errors.INVALID_INPUT');
    after = { date: m[1], id: Number(m[2]) };
  }
  let q = ctx.db
    .selectFrom('requests as r')
    .select((eb) => [
      'r.id as requestId',
      'r.code',
      'r.orgName',
      'r.tier',
      'r.status',
      'r.arrivalDate',
      'r.departureDate',
      eb
        .selectFrom('bookings as b')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('b.requestId', '=', 'r.id')
        .where('b.status', '!=', 'cancelled')
        .$asScalar()
        .$castTo<number>()
        .as('booked'),
    ])
    .where('r.status', 'in', [...PLANNED])
    .where('r.arrivalDate', '>=', today);
  if (after) {
    const a = after;
    q = q.where((eb) =>
      eb.or([
        eb('r.arrivalDate', '>', a.date),
        eb.and([eb('r.arrivalDate', '=', a.date), eb('r.id', '>', a.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('r.arrivalDate')
    .orderBy('r.id')
    .limit(PAGE + 1)
    .execute();
  const page = rows.slice(0, PAGE).map((r) => ({ ...r, booked: Number(r.booked) }));
  const last = page[page.length - 1];
  return {
    rows: page,
    next: rows.length > PAGE && last ? `${last.arrivalDate}:${last.requestId}` : null,
  };
}

/** "Pick the time, see what is free": cars, drivers and rooms for a time, best first. */
export async function freeAt(
  ctx: ServiceContext,
  input: OpParsed<'bookings.free'>,
): Promise<FreeView> {
  const timeZone = (await callSettings(ctx)).timeZone;
  const span = bookingSpan(
    {
      kind: 'room',
      roomId: 1,
      attendees: 1,
      setup: [],
      startDate: input.startDate,
      startTime: input.startTime,
      endDate: input.endDate,
      endTime: input.endTime,
    } satisfies BookingDetail,
    timeZone,
  );
  if (span.endMs <= span.startMs) {
    throw new AppError('INVALID_INPUT', 'errors.INVALID_INPUT', undefined, {
      endTime: { key: 'validation.endAfterStart' },
    });
  }
  const rules = await callRules(ctx);
  const all = await activeResources(ctx.db, ['vehicle', 'driver', 'room']);
  const of = (k: ResourceKind) => all.filter((r) => r.kind === k);
  return {
    vehicles: await rankTimed(ctx.db, of('vehicle'), span, rules, {
      count: input.passengers,
      equipment: [],
    }),
    drivers: await rankTimed(ctx.db, of('driver'), span, rules, { count: 0, equipment: [] }),
    rooms: await rankTimed(ctx.db, of('room'), span, rules, {
      count: input.attendees,
      equipment: input.equipment,
    }),
  };
}
