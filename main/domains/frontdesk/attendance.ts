import { addDays, companyDate, startOfCompanyDay } from '../../../shared/dates';
import type { OpParsed } from '../../../shared/contract/operations';
import { isCleared, maskPhone } from '../../../shared/frontdesk/rules';
import type { BoardView, OnSiteView, WatchHit } from '../../../shared/frontdesk/views';
import { matchWatch, watchNameKey } from '../../../shared/frontdesk/watch';
import { nextStatus, type RequestBody, type RequestStatus } from '../../../shared/requests';
import { requireActor, type ServiceContext } from '../../core/context';
import { AppError, fieldError } from '../../core/errors';
import { parseJson } from '../../core/json';
import { notify } from '../notifications';
import { addEvent, transition } from '../requests';
import { callSettings } from '../settings';
import { board } from './board';
import { rememberVisitors } from './directory';
import { boardChanged } from './listeners';
import { callFrontdeskSettings } from './settings';
import { activeWatch, idHash } from './watch-load';

/** Who is being checked in: the request's visitors by place, or the walk-in (place 0). */
interface Arrival {
  requestId: number;
  code: string;
  status: RequestStatus;
  hostUserId: number;
  orgName: string;
  orgKey: string;
  /** The visit's days; null for a walk-in (today only). */
  days: { from: string; to: string } | null;
  walkInId: number | null;
  people: { name: string; phone: string; idNumber: string }[];
}

async function arrivalOf(
  ctx: ServiceContext,
  input: OpParsed<'frontdesk.checkIn'>,
): Promise<Arrival> {
  if (input.walkInId !== null) {
    const w = await ctx.db
      .selectFrom('frontdeskWalkIns')
      .innerJoin('requests', 'requests.id', 'frontdeskWalkIns.requestId')
      .select([
        'frontdeskWalkIns.status as walkInStatus',
        'frontdeskWalkIns.name',
        'frontdeskWalkIns.phone',
        'frontdeskWalkIns.hostUserId',
        'frontdeskWalkIns.orgName',
        'frontdeskWalkIns.orgKey',
        'requests.id as requestId',
        'requests.code',
        'requests.status',
      ])
      .where('frontdeskWalkIns.id', '=', input.walkInId)
      .executeTakeFirst();
    // Only an accepted walk-in has a request; pending or declined ones do not come in.
    if (!w || w.walkInStatus !== 'accepted') {
      throw new AppError('CONFLICT', 'frontdesk.errors.walkInNotAccepted');
    }
    return {
      requestId: w.requestId,
      code: w.code,
      status: w.status,
      hostUserId: w.hostUserId,
      orgName: w.orgName,
      orgKey: w.orgKey,
      days: null,
      walkInId: input.walkInId,
      people: [{ name: w.name, phone: w.phone, idNumber: '' }],
    };
  }
  const r = await ctx.db
    .selectFrom('requests')
    .select([
      'id',
      'code',
      'status',
      'revision',
      'hostUserId',
      'orgName',
      'orgKey',
      'arrivalDate',
      'departureDate',
      'body',
    ])
    .where('id', '=', input.requestId ?? 0)
    .executeTakeFirst();
  // A draft is its host's alone: the desk does not know it exists.
  if (!r || r.status === 'draft' || r.revision === 0) {
    throw new AppError('NOT_FOUND', 'frontdesk.errors.visitNotFound');
  }
  const body = parseJson(r.body) as RequestBody;
  return {
    requestId: r.id,
    code: r.code,
    status: r.status,
    hostUserId: r.hostUserId,
    orgName: r.orgName,
    orgKey: r.orgKey,
    days: { from: r.arrivalDate, to: r.departureDate },
    walkInId: null,
    people: body.visitors.map((v) => ({ name: v.name, phone: v.phone, idNumber: v.idNumber })),
  };
}

/**
 * Checks visitors in for today: each gets a badge (free among those inside today), the ID the desk
 * looked at (type and last four only), the notice's acknowledgement. A visit not approved, or not
 * due today, needs the desk's reason; a watchlist match needs its own reason — both audited.
 * The first check-in puts the visit under way; the host is told at once.
 */
export async function checkIn(
  ctx: ServiceContext,
  input: OpParsed<'frontdesk.checkIn'>,
): Promise<BoardView> {
  const actor = requireActor(ctx);
  const { timeZone } = await callSettings(ctx);
  const today = companyDate(ctx.nowMs, timeZone);
  const a = await arrivalOf(ctx, input);
  const notice = await callFrontdeskSettings(ctx);

  for (const g of input.guests) {
    if (g.seq >= a.people.length) throw new AppError('NOT_FOUND', 'frontdesk.errors.noSuchVisitor');
    if (g.idLast4 !== '' && g.idType === null) {
      throw fieldError(`guests.${g.seq}.idType`, 'validation.idTypeRequired');
    }
    if (notice.noticeEnabled && !g.consent) {
      throw new AppError('INVALID_INPUT', 'frontdesk.errors.consentRequired');
    }
  }
  const offDay = a.days !== null && (today < a.days.from || today > a.days.to);
  // An accepted walk-in is let in by its host's word: his request is a draft he completes later.
  const cleared = a.walkInId !== null || isCleared(a.status);
  if ((!cleared || offDay) && input.overrideReason === '') {
    throw new AppError(
      'CONFLICT',
      offDay ? 'frontdesk.errors.notToday' : 'frontdesk.errors.notApproved',
      { code: a.code, status: a.status },
    );
  }

  const entries = await activeWatch(ctx);
  const hits: WatchHit[] = [];
  for (const g of input.guests) {
    const p = a.people[g.seq];
    if (!p) continue;
    hits.push(
      ...matchWatch(entries, {
        nameKey: watchNameKey(p.name),
        orgKey: a.orgKey,
        phone: p.phone,
        idHash: await idHash(ctx, p.idNumber),
      }),
    );
  }
  if (hits.length > 0 && input.watchOverrideReason === '') {
    throw new AppError('CONFLICT', 'frontdesk.errors.watchMatch', { count: hits.length });
  }

  const seqs = input.guests.map((g) => g.seq);
  const existing = await ctx.db
    .selectFrom('frontdeskGuests')
    .select(['id', 'seq', 'leftAtMs', 'version'])
    .where('requestId', '=', a.requestId)
    .where('day', '=', today)
    .where('seq', 'in', seqs)
    .execute();
  // Inside is inside whatever the day: someone of a visit of several days not checked out
  // yesterday must be checked out first (the end-of-day sweep), not counted twice.
  const openRow = await ctx.db
    .selectFrom('frontdeskGuests')
    .select('seq')
    .where('requestId', '=', a.requestId)
    .where('seq', 'in', seqs)
    .where('leftAtMs', 'is', null)
    .executeTakeFirst();
  const inside = openRow ?? existing.find((e) => e.leftAtMs === null);
  if (inside) {
    throw new AppError('CONFLICT', 'frontdesk.errors.alreadyIn', {
      name: a.people[inside.seq]?.name ?? '—',
    });
  }
  const badges = input.guests.map((g) => g.badgeNo);
  const worn = await ctx.db
    .selectFrom('frontdeskGuests')
    .select('badgeNo')
    .where('day', '=', today)
    .where('leftAtMs', 'is', null)
    .where('badgeNo', 'in', badges)
    .executeTakeFirst();
  if (worn) throw new AppError('CONFLICT', 'frontdesk.errors.badgeInUse', { badge: worn.badgeNo });

  const back = new Map(existing.map((e) => [e.seq, e]));
  for (const g of input.guests) {
    const p = a.people[g.seq];
    if (!p) continue;
    const fields = {
      badgeNo: g.badgeNo,
      idType: g.idType,
      idLast4: g.idLast4,
      consentAtMs: notice.noticeEnabled ? ctx.nowMs : null,
      noticeVersion: notice.noticeEnabled ? notice.noticeVersion : null,
      overrideReason: input.overrideReason,
      watchOverrideReason: hits.length > 0 ? input.watchOverrideReason : '',
      checkedInBy: actor.userId,
    };
    const again = back.get(g.seq);
    if (again) {
      // Back after leaving earlier today (lunch outside): the day's record is his again; the
      // audit keeps both passes.
      await ctx.db
        .updateTable('frontdeskGuests')
        .set((eb) => ({
          ...fields,
          leftAtMs: null,
          checkedOutBy: null,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', again.id)
        .execute();
    } else {
      await ctx.db
        .insertInto('frontdeskGuests')
        .values({
          ...fields,
          requestId: a.requestId,
          seq: g.seq,
          day: today,
          name: p.name,
          orgName: a.orgName,
          phone: p.phone,
          walkInId: a.walkInId,
          arrivedAtMs: ctx.nowMs,
        })
        .execute();
    }
  }

  // The people who came are remembered for the next visit's form (the directory).
  const came = input.guests.flatMap((g) => a.people.slice(g.seq, g.seq + 1));
  await rememberVisitors(
    ctx,
    came.map((p) => ({ ...p, orgName: a.orgName })),
    today,
  );
  // The first arrival puts the visit under way (and a visit of several days again each morning).
  if (nextStatus(a.status, 'check_in') && a.walkInId === null) {
    await transition(ctx.db, a.requestId, a.status, 'check_in', ctx.nowMs);
  }
  if (a.walkInId === null) {
    await addEvent(ctx.db, {
      requestId: a.requestId,
      atMs: ctx.nowMs,
      actorUserId: actor.userId,
      kind: 'checked_in',
      data: { count: input.guests.length },
    });
  }
  // Names stay out of the notification and the audit: both outlive the retention period.
  await notify(
    ctx,
    [a.hostUserId],
    'frontdesk.arrived',
    'frontdesk.notice.guestsArrived',
    { code: a.code, org: a.orgName, count: input.guests.length },
    a.walkInId === null ? { type: 'request', id: a.requestId } : null,
  );
  ctx.audit({
    entityType: 'frontdesk_visit',
    entityId: a.requestId,
    summary: {
      code: a.code,
      day: today,
      seqs,
      badges,
      ...(input.overrideReason ? { overrideReason: input.overrideReason } : {}),
      ...(hits.length > 0
        ? {
            watchIds: [...new Set(hits.map((h) => h.watchId))],
            watchOverrideReason: input.watchOverrideReason,
          }
        : {}),
    },
  });
  await boardChanged(ctx, today, [a.hostUserId], [a.requestId]);
  return board(ctx, today);
}

/**
 * Checks people out now, or at a time the desk picks (the end-of-day sweep). A visit whose every
 * arrival has left is completed.
 */
export async function checkOut(
  ctx: ServiceContext,
  input: OpParsed<'frontdesk.checkOut'>,
): Promise<OnSiteView> {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .selectFrom('frontdeskGuests')
    .innerJoin('requests', 'requests.id', 'frontdeskGuests.requestId')
    .select([
      'frontdeskGuests.id',
      'frontdeskGuests.requestId',
      'frontdeskGuests.name',
      'frontdeskGuests.day',
      'frontdeskGuests.arrivedAtMs',
      'frontdeskGuests.leftAtMs',
      'requests.code',
      'requests.status',
      'requests.hostUserId',
    ])
    .where('frontdeskGuests.id', 'in', input.guestIds)
    .execute();
  if (rows.length !== input.guestIds.length) {
    throw new AppError('NOT_FOUND', 'frontdesk.errors.neverCheckedIn');
  }
  const gone = rows.find((r) => r.leftAtMs !== null);
  if (gone) throw new AppError('CONFLICT', 'frontdesk.errors.alreadyLeft', { name: gone.name });
  const at = input.atMs ?? ctx.nowMs;
  if (at > ctx.nowMs) throw fieldError('atMs', 'frontdesk.errors.leftInFuture');
  const early = rows.find((r) => r.arrivedAtMs > at);
  if (early) {
    throw fieldError('atMs', 'frontdesk.errors.leftBeforeArrival', { name: early.name });
  }
  await ctx.db
    .updateTable('frontdeskGuests')
    .set((eb) => ({ leftAtMs: at, checkedOutBy: actor.userId, version: eb('version', '+', 1) }))
    .where('id', 'in', input.guestIds)
    .where('leftAtMs', 'is', null)
    .execute();

  const requests = new Map(rows.map((r) => [r.requestId, r]));
  for (const r of requests.values()) {
    const still = await ctx.db
      .selectFrom('frontdeskGuests')
      .select('id')
      .where('requestId', '=', r.requestId)
      .where('leftAtMs', 'is', null)
      .executeTakeFirst();
    if (still || r.status !== 'in_progress') continue;
    await transition(ctx.db, r.requestId, 'in_progress', 'complete', ctx.nowMs);
    await addEvent(ctx.db, {
      requestId: r.requestId,
      atMs: ctx.nowMs,
      actorUserId: actor.userId,
      kind: 'completed',
    });
  }
  ctx.audit({
    entityType: 'frontdesk_visit',
    entityId: rows.length === 1 ? (rows[0]?.requestId ?? null) : null,
    summary: {
      codes: [...new Set(rows.map((r) => r.code))],
      guestIds: input.guestIds,
      ...(input.atMs !== null ? { leftAtMs: input.atMs } : {}),
    },
  });
  const hosts = [...new Set(rows.map((r) => r.hostUserId))];
  for (const day of new Set(rows.map((r) => r.day))) {
    await boardChanged(ctx, day, hosts, [...requests.keys()]);
  }
  return onSite(ctx, null);
}

/**
 * Everyone checked in and not out, by arrival (the evacuation list: host and his phone beside
 * each); with `arrivedBefore`, only those who came on or before that day (the end-of-day sweep).
 */
export async function onSite(
  ctx: ServiceContext,
  arrivedBefore: string | null,
): Promise<OnSiteView> {
  const { timeZone } = await callSettings(ctx);
  let q = ctx.db
    .selectFrom('frontdeskGuests')
    .innerJoin('requests', 'requests.id', 'frontdeskGuests.requestId')
    .innerJoin('users', 'users.id', 'requests.hostUserId')
    .select([
      'frontdeskGuests.id as guestId',
      'frontdeskGuests.version',
      'frontdeskGuests.requestId',
      'frontdeskGuests.day',
      'frontdeskGuests.name',
      'frontdeskGuests.orgName',
      'frontdeskGuests.phone',
      'frontdeskGuests.badgeNo',
      'frontdeskGuests.arrivedAtMs',
      'frontdeskGuests.walkInId',
      'requests.code',
      'users.displayName as hostName',
      'users.phone as hostPhone',
    ])
    .where('frontdeskGuests.leftAtMs', 'is', null);
  if (arrivedBefore !== null) {
    q = q.where(
      'frontdeskGuests.arrivedAtMs',
      '<',
      startOfCompanyDay(addDays(arrivedBefore, 1), timeZone),
    );
  }
  const rows = await q
    .orderBy('frontdeskGuests.arrivedAtMs')
    .orderBy('frontdeskGuests.id')
    .execute();
  return {
    atMs: ctx.nowMs,
    guests: rows.map((r) => ({
      guestId: r.guestId,
      version: r.version,
      requestId: r.requestId,
      code: r.code,
      day: r.day,
      name: r.name,
      orgName: r.orgName,
      phoneMasked: maskPhone(r.phone),
      badgeNo: r.badgeNo,
      arrivedAtMs: r.arrivedAtMs,
      hostName: r.hostName,
      hostPhone: r.hostPhone,
      walkIn: r.walkInId !== null,
    })),
  };
}
