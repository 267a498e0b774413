import type { Kysely } from 'kysely';
import { addDays, companyDate, startOfCompanyDay } from '../../../shared/dates';
import { nameKeys } from '../../../shared/frontdesk/keys';
import { guestState, isCleared, maskPhone, phoneTail } from '../../../shared/frontdesk/rules';
import type { BoardGuest, BoardView, BoardVisit, WatchHit } from '../../../shared/frontdesk/views';
import { matchWatch, watchNameKey, type WatchEntry } from '../../../shared/frontdesk/watch';
import type { RequestBody } from '../../../shared/requests';
import type { DB } from '../../db/schema';
import type { ServiceContext } from '../../core/context';
import { parseJson } from '../../core/json';
import { visitResourcesOn } from '../bookings';
import { maxStayDays } from '../requests';
import { callSettings } from '../settings';
import { callFrontdeskSettings } from './settings';
import { activeWatch, idHash } from './watch-load';

/**
 * The requests whose stay covers `day`, submitted at least once (a draft is its host's alone):
 * one range of the arrival index, as far back as the longest stay reaches.
 */
export async function visitsOn(db: Kysely<DB>, day: string) {
  const from = addDays(day, -(await maxStayDays(db)));
  // CROSS JOIN (not INNER): SQLite then walks the arrival index first, rather than each host's
  // arrivals in turn (the query-plans test holds it to requests_arrival).
  return db
    .selectFrom('requests')
    .crossJoin('users')
    .whereRef('users.id', '=', 'requests.hostUserId')
    .select([
      'requests.id',
      'requests.code',
      'requests.status',
      'requests.tier',
      'requests.orgName',
      'requests.orgKey',
      'requests.hostUserId',
      'requests.arrivalDate',
      'requests.departureDate',
      'requests.retroactive',
      'requests.body',
      'users.displayName as hostName',
      'users.phone as hostPhone',
    ])
    .where('requests.arrivalDate', '>=', from)
    .where('requests.arrivalDate', '<=', day)
    .where('requests.departureDate', '>=', day)
    .where('requests.status', '<>', 'draft')
    .where('requests.revision', '>', 0)
    .execute();
}

/** The watchlist entries a visitor of an organisation matches, split into person and org hits. */
async function hitsFor(
  ctx: ServiceContext,
  entries: readonly WatchEntry[],
  v: { name: string; phone: string; idNumber: string },
  orgKey: string,
): Promise<WatchHit[]> {
  if (entries.length === 0) return [];
  const candidate = {
    nameKey: watchNameKey(v.name),
    orgKey,
    phone: v.phone,
    idHash: await idHash(ctx, v.idNumber),
  };
  return matchWatch(
    entries.filter((e) => e.kind === 'person'),
    candidate,
  );
}

/**
 * A day's board: every visit whose stay covers the day, with each visitor's state (what the
 * desk recorded that day, else expected or no-show), the host and his phone, the rooms and cars
 * booked for the day, watchlist matches, and the keys the search box matches (pinyin initials
 * included). Phones are masked; ID numbers never leave main.
 */
export async function board(ctx: ServiceContext, day: string): Promise<BoardView> {
  const { timeZone } = await callSettings(ctx);
  const today = companyDate(ctx.nowMs, timeZone);
  const rows = await visitsOn(ctx.db, day);
  const ids = rows.map((r) => r.id);
  const records = ids.length
    ? await ctx.db
        .selectFrom('frontdeskGuests')
        .select([
          'id',
          'requestId',
          'seq',
          'name',
          'phone',
          'version',
          'arrivedAtMs',
          'leftAtMs',
          'badgeNo',
        ])
        .where('day', '=', day)
        .where('requestId', 'in', ids)
        .execute()
    : [];
  const recordOf = new Map(records.map((r) => [`${r.requestId}:${r.seq}`, r]));
  const resources = await visitResourcesOn(
    ctx.db,
    ids,
    startOfCompanyDay(day, timeZone),
    startOfCompanyDay(addDays(day, 1), timeZone),
  );
  const watch = await activeWatch(ctx);
  const orgEntries = watch.filter((e) => e.kind === 'org');
  const { noticeEnabled } = await callFrontdeskSettings(ctx);

  const visits: BoardVisit[] = [];
  for (const r of rows) {
    const body = parseJson(r.body) as RequestBody;
    const booked = resources.get(r.id) ?? { rooms: [], cars: [] };
    const guests: BoardGuest[] = [];
    for (const [seq, v] of body.visitors.entries()) {
      const rec = recordOf.get(`${r.id}:${seq}`) ?? null;
      guests.push({
        seq,
        name: v.name,
        title: v.title,
        phoneMasked: maskPhone(v.phone),
        state: guestState(rec, day, today),
        guestId: rec?.id ?? null,
        version: rec?.version ?? null,
        arrivedAtMs: rec?.arrivedAtMs ?? null,
        leftAtMs: rec?.leftAtMs ?? null,
        badgeNo: rec?.badgeNo ?? '',
        keys: [nameKeys(v.name), phoneTail(v.phone)].filter(Boolean).join(' '),
        watch: await hitsFor(ctx, watch, v, r.orgKey),
      });
    }
    visits.push({
      requestId: r.id,
      code: r.code,
      status: r.status,
      cleared: isCleared(r.status),
      retroactive: r.retroactive === 1,
      tier: r.tier,
      orgName: r.orgName,
      hostUserId: r.hostUserId,
      hostName: r.hostName,
      hostPhone: r.hostPhone,
      arrivalDate: r.arrivalDate,
      arrivalTime: body.arrivalTime,
      departureDate: r.departureDate,
      departureTime: body.departureTime,
      rooms: booked.rooms,
      cars: booked.cars,
      keys: [r.orgName, r.code, ...booked.cars].join(' ').toLowerCase(),
      watch: matchWatch(orgEntries, { nameKey: '', orgKey: r.orgKey, phone: '', idHash: '' }),
      guests,
    });
  }
  visits.sort(byArrival(day));
  return { day, today, visits, noticeRequired: noticeEnabled };
}

/** Visits that began before the day first (they are here already), then by arrival time. */
function byArrival(day: string) {
  return (a: BoardVisit, b: BoardVisit): number => {
    const at = (v: BoardVisit) => (v.arrivalDate < day ? '' : v.arrivalTime || '99:99');
    return at(a).localeCompare(at(b)) || a.code.localeCompare(b.code);
  };
}
