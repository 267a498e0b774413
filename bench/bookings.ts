import type { Database as SqliteDatabase } from 'better-sqlite3';
import { dispatch } from '../main/api/dispatcher';
import type { RunningApp } from '../main/app';
import { busyResources, clashesWith } from '../main/domains/bookings/conflicts';
import { MAX_SLOT_MS } from '../shared/bookings/schema';
import type { Case } from './cases';

/**
 * Issue 10's hot reads at ten years of bookings: the conflict check (`clashesWith`, one
 * resource; `busyResources`, every car at once) called through its Kysely function, and "what is
 * free" for a whole day through the dispatcher (`bookings.free`), each beside the same SQL run
 * directly on better-sqlite3 (statements prepared once). Targets of the issue: conflict check
 * p95 ≤ 1 ms, free ≤ 10 ms. Also the calendar's week of cars and the office's day, to be watched
 * (the day's floor is its one statement; the app also looks up each booking's clashes).
 *
 * The bookings are written straight into the bench's file with SQL the first time (`seedBookings`:
 * a file that already has booking slots is used as it is): 12 cars, 12 drivers and 6 meeting
 * rooms, busy every day for ten years up to two months ahead of the generator's now — car trips
 * of 30 minutes to 3 hours from 07:00, the last of a day sometimes past midnight, a car with a
 * different driver each day; meetings of 1 to 4 hours — mostly confirmed or done, some tentative
 * (they do not block), some cancelled (no slots), attached to requests of the file.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const SH_OFFSET = 8 * HOUR;
const VEHICLES = 12;
const DRIVERS = 12;
const ROOMS = 6;

/** A small deterministic generator (mulberry32): the same bookings on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shanghai wall date and time (UTC+8, no daylight saving). */
function wall(ms: number): { date: string; time: string } {
  const iso = new Date(ms + SH_OFFSET).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** Midnight in Shanghai of the day `ms` falls in. */
const dayStart = (ms: number) => Math.floor((ms + SH_OFFSET) / DAY) * DAY - SH_OFFSET;

interface Catalogue {
  vehicles: number[];
  drivers: number[];
  rooms: number[];
}

async function ok(app: RunningApp, op: string, input: unknown, token: string) {
  const out = await dispatch(app, { op, input, token });
  if (!out.result.ok) throw new Error(`${op}: ${JSON.stringify(out.result.error)}`);
  return out.result.value;
}

/** The catalogue: what the file has, topped up through the app to 12 cars, 12 drivers, 6 rooms. */
async function catalogue(app: RunningApp, token: string): Promise<Catalogue> {
  const have = (kind: string) =>
    (
      app.sqlite
        .prepare('SELECT id FROM booking_resources WHERE kind = ? AND active = 1 ORDER BY id')
        .all(kind) as { id: number }[]
    ).map((r) => r.id);
  const add = async (kind: string, want: number, make: (i: number) => unknown) => {
    for (let i = have(kind).length; i < want; i++) {
      await ok(app, 'bookings.saveResource', { id: null, version: null, resource: make(i) }, token);
    }
    return have(kind);
  };
  return {
    vehicles: await add('vehicle', VEHICLES, (i) => ({
      kind: 'vehicle',
      plate: `京B${String(80_000 + i).padStart(5, '0')}`,
      model: i % 3 === 0 ? '别克GL8' : '帕萨特',
      seats: i % 3 === 0 ? 7 : 4,
    })),
    drivers: await add('driver', DRIVERS, (i) => ({
      kind: 'driver',
      name: `基准司机${i + 1}`,
      phone: `1390000${String(1000 + i)}`,
      licenceClass: 'C1',
    })),
    rooms: await add('room', ROOMS, (i) => ({
      kind: 'room',
      name: `基准会议室${i + 1}`,
      place: `${i + 2}楼`,
      capacity: [6, 10, 12, 20, 30, 60][i] ?? 10,
      equipment: i % 2 === 0 ? ['projector'] : ['whiteboard'],
    })),
  };
}

export interface SeededBookings {
  catalogue: Catalogue;
  bookings: number;
  slots: number;
  /** The first and last day (Shanghai midnight, ms) the bookings cover. */
  fromMs: number;
  toMs: number;
  seededMs: number | null;
}

/**
 * Ten years of bookings (two months ahead of `nowMs`) written straight into the file, unless it
 * already has booking slots. `years` shorter for a quick run.
 */
export async function seedBookings(
  app: RunningApp,
  token: string,
  userId: number,
  nowMs: number,
  years: number,
): Promise<SeededBookings> {
  const cat = await catalogue(app, token);
  const sqlite = app.sqlite;
  const toMs = dayStart(nowMs) + 60 * DAY;
  const fromMs = toMs - Math.round(years * 365.25) * DAY;
  const counted = () =>
    sqlite
      .prepare(
        'SELECT (SELECT count(*) FROM bookings) AS b, (SELECT count(*) FROM booking_slots) AS s',
      )
      .get() as { b: number; s: number };
  const before = counted();
  if (before.s > 0) {
    const span = sqlite
      .prepare('SELECT min(start_ms) AS lo, max(start_ms) AS hi FROM booking_slots')
      .get() as { lo: number; hi: number };
    return {
      catalogue: cat,
      bookings: before.b,
      slots: before.s,
      fromMs: dayStart(span.lo),
      toMs: dayStart(span.hi),
      seededMs: null,
    };
  }
  const t0 = performance.now();
  const requestIds = (
    sqlite.prepare("SELECT id FROM requests WHERE status <> 'draft' ORDER BY id").all() as {
      id: number;
    }[]
  ).map((r) => r.id);
  if (requestIds.length === 0) throw new Error('the bench database has no requests to book for');
  const insertBooking = sqlite.prepare(
    `INSERT INTO bookings (request_id, kind, status, resource_id, start_ms, end_ms, detail,
       amount_fen, version, created_by, created_at_ms, updated_at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0, 1, ?, ?, ?)`,
  );
  const insertSlot = sqlite.prepare(
    `INSERT INTO booking_slots (booking_id, resource_id, start_ms, end_ms, blocking)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const random = rng(20_261_201);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const status = (startMs: number): string => {
    const x = random();
    if (x < 0.05) return 'cancelled';
    if (x < 0.15) return 'tentative';
    return startMs < nowMs ? 'done' : 'confirmed';
  };
  const span = (startMs: number, endMs: number) => {
    const s = wall(startMs);
    const e = wall(endMs);
    return { startDate: s.date, startTime: s.time, endDate: e.date, endTime: e.time };
  };
  const book = (
    kind: 'car' | 'room',
    held: number[],
    startMs: number,
    endMs: number,
    detail: Record<string, unknown>,
  ) => {
    const st = status(startMs);
    const createdAt = Math.min(startMs - 3 * DAY, nowMs);
    const id = Number(
      insertBooking.run(
        pick(requestIds),
        kind,
        st,
        held[0],
        startMs,
        endMs,
        JSON.stringify({ ...detail, ...span(startMs, endMs) }),
        userId,
        createdAt,
        createdAt,
      ).lastInsertRowid,
    );
    if (st === 'cancelled') return;
    for (const r of held) insertSlot.run(id, r, startMs, endMs, st === 'tentative' ? 0 : 1);
  };
  sqlite.transaction(() => {
    for (let day = fromMs, n = 0; day < toMs; day += DAY, n++) {
      // Cars: each with the day's driver, trips one after another at least 15 minutes apart.
      for (const [i, vehicleId] of cat.vehicles.entries()) {
        const driverId = cat.drivers[(i + n) % cat.drivers.length]!;
        let at = day + 7 * HOUR + Math.floor(random() * 8) * 15 * MIN;
        while (at < day + 23 * HOUR) {
          const endMs = at + (2 + Math.floor(random() * 11)) * 15 * MIN;
          book('car', [vehicleId, driverId], at, endMs, {
            kind: 'car',
            carKind: pick(['pickup', 'dropoff', 'transfer'] as const),
            vehicleId,
            driverId,
            from: '公司',
            to: '首都机场T3',
            passengers: 2,
            transportNo: '',
          });
          at = endMs + (1 + Math.floor(random() * 12)) * 15 * MIN;
          if (random() < 0.3) at += 3 * HOUR;
        }
      }
      // Rooms: two to four meetings a day from 08:30.
      for (const roomId of cat.rooms) {
        let at = day + 8 * HOUR + 30 * MIN;
        const meetings = 2 + Math.floor(random() * 3);
        for (let m = 0; m < meetings && at < day + 20 * HOUR; m++) {
          const endMs = at + (2 + Math.floor(random() * 7)) * 30 * MIN;
          book('room', [roomId], at, endMs, { kind: 'room', roomId, attendees: 5, setup: [] });
          at = endMs + Math.floor(random() * 4) * 30 * MIN;
        }
      }
    }
  })();
  // What the app's `PRAGMA optimize` at the next start would do for tables that grew this much.
  sqlite.exec('ANALYZE bookings; ANALYZE booking_slots; ANALYZE booking_resources;');
  const after = counted();
  return {
    catalogue: cat,
    bookings: after.b,
    slots: after.s,
    fromMs,
    toMs,
    seededMs: Math.round(performance.now() - t0),
  };
}

/** Round-robin over prepared inputs, so a case is not one cached answer called again and again. */
function cycle<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length] as T;
}

export function bookingCases(
  app: RunningApp,
  raw: SqliteDatabase,
  seeded: SeededBookings,
  token: string,
): Case[] {
  const random = rng(42);
  const { vehicles, drivers, rooms } = seeded.catalogue;
  const carBuffer = 15 * MIN;
  const days = Math.max(1, Math.round((seeded.toMs - seeded.fromMs) / DAY));
  const someDay = () => seeded.fromMs + Math.floor(random() * days) * DAY;

  // (a) One resource's clashes, as the write transaction checks them before it books.
  const holds = Array.from({ length: 997 }, () => {
    const x = random();
    const resourceId =
      x < 0.4
        ? vehicles[Math.floor(random() * vehicles.length)]!
        : x < 0.8
          ? drivers[Math.floor(random() * drivers.length)]!
          : rooms[Math.floor(random() * rooms.length)]!;
    const startMs = someDay() + (7 + Math.floor(random() * 14 * 4) / 4) * HOUR;
    return {
      resourceId,
      startMs,
      endMs: startMs + (1 + Math.floor(random() * 8)) * 15 * MIN,
      bufferMs: rooms.includes(resourceId) ? 0 : carBuffer,
    };
  });
  const appHold = cycle(holds);
  const rawHold = cycle(holds);
  const clashSql = raw.prepare(`
    SELECT s.booking_id, b.request_id, r.code, res.name, b.status, s.start_ms, s.end_ms
    FROM booking_slots s
    JOIN bookings b ON b.id = s.booking_id
    JOIN requests r ON r.id = b.request_id
    JOIN booking_resources res ON res.id = s.resource_id
    WHERE s.resource_id = ? AND s.start_ms < ? AND s.start_ms > ? AND s.end_ms > ?
      AND s.blocking = 1
    ORDER BY s.start_ms LIMIT 20`);

  // (a') Which of the twelve cars are taken for a time (the plan's and "free"'s one statement).
  const spans = holds.map((h) => ({ startMs: h.startMs, endMs: h.endMs }));
  const appSpan = cycle(spans);
  const rawSpan = cycle(spans);
  const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  const busySql = (n: number) =>
    raw.prepare(`SELECT DISTINCT resource_id FROM booking_slots
      WHERE resource_id IN (${marks(n)}) AND start_ms < ? AND start_ms > ? AND end_ms > ?
        AND blocking = 1`);
  const busyCars = busySql(vehicles.length);

  // (b) "What is free" for a whole day: every car, driver and room.
  const freeDays = Array.from({ length: 101 }, () => wall(someDay()).date);
  const appDay = cycle(freeDays);
  const rawDay = cycle(freeDays);
  const nextDay = (date: string) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
  const resourcesSql = raw.prepare(`
    SELECT id, kind, name, name_key, capacity, stock, details, active, version, created_at_ms,
           updated_at_ms
    FROM booking_resources WHERE kind IN ('vehicle', 'driver', 'room') AND active = 1
    ORDER BY capacity, name_key`);
  const busyDrivers = busySql(drivers.length);
  const busyRooms = busySql(rooms.length);
  const free = (
    startMs: number,
    endMs: number,
  ): { vehicles: number[]; drivers: number[]; rooms: number[] } => {
    const all = (resourcesSql.all() as { id: number; details: string }[]).map((r) => ({
      ...r,
      details: JSON.parse(r.details) as unknown,
    }));
    const busy = (stmt: typeof busyCars, ids: number[], buffer: number) =>
      new Set(
        (
          stmt.all(...ids, endMs + buffer, startMs - buffer - MAX_SLOT_MS, startMs - buffer) as {
            resource_id: number;
          }[]
        ).map((r) => r.resource_id),
      );
    const taken = [
      ...busy(busyCars, vehicles, carBuffer),
      ...busy(busyDrivers, drivers, carBuffer),
      ...busy(busyRooms, rooms, 0),
    ];
    const freeOf = (ids: number[]) =>
      all.filter((r) => ids.includes(r.id) && !taken.includes(r.id)).map((r) => r.id);
    return { vehicles: freeOf(vehicles), drivers: freeOf(drivers), rooms: freeOf(rooms) };
  };
  // 00:00 to 24:00 in Shanghai.
  const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`) - SH_OFFSET;

  // (c) The calendar's week of cars, and the office's day (every live booking of a day with its
  // names and clashes): not targets of the issue, here to be watched.
  const weeks = cycle(freeDays);
  const rawWeeks = cycle(freeDays);
  const calendarResources = raw.prepare(`SELECT id, name, capacity, active FROM booking_resources
    WHERE kind = 'vehicle' ORDER BY active DESC, capacity, name_key`);
  const calendarSlots = raw.prepare(`
    SELECT s.resource_id, s.booking_id, b.request_id, r.code, r.org_name, b.kind, b.status,
           s.start_ms, s.end_ms
    FROM booking_slots s JOIN bookings b ON b.id = s.booking_id JOIN requests r ON r.id = b.request_id
    WHERE s.resource_id IN (${marks(vehicles.length)}) AND s.start_ms < ? AND s.start_ms > ?
      AND s.end_ms > ?
    ORDER BY s.start_ms`);
  const days2 = cycle(freeDays);
  const rawDays2 = cycle(freeDays);
  const dayRows = raw.prepare(`
    SELECT b.*, r.code, r.org_name, r.tier, r.policy_version
    FROM bookings b JOIN requests r ON r.id = b.request_id
    WHERE b.status <> 'cancelled' AND b.start_ms < ? AND b.start_ms > ?
      AND (b.end_ms > ? OR b.start_ms >= ?)
    ORDER BY b.start_ms, b.id LIMIT 500`);

  return [
    {
      name: 'bookings.conflictCheck',
      app: () => {
        const h = appHold();
        return clashesWith(app.db, h, { exceptBookingId: null, blockingOnly: true });
      },
      raw: () => {
        const h = rawHold();
        return clashSql.all(
          h.resourceId,
          h.endMs + h.bufferMs,
          h.startMs - h.bufferMs - MAX_SLOT_MS,
          h.startMs - h.bufferMs,
        );
      },
    },
    {
      name: 'bookings.busyCars',
      app: () => busyResources(app.db, vehicles, appSpan(), carBuffer),
      raw: () => {
        const s = rawSpan();
        return busyCars.all(
          ...vehicles,
          s.endMs + carBuffer,
          s.startMs - carBuffer - MAX_SLOT_MS,
          s.startMs - carBuffer,
        );
      },
    },
    {
      name: 'bookings.free.day',
      app: () => {
        const date = appDay();
        return ok(
          app,
          'bookings.free',
          {
            startDate: date,
            startTime: '00:00',
            endDate: nextDay(date),
            endTime: '00:00',
            passengers: 3,
            attendees: 8,
            equipment: [],
          },
          token,
        );
      },
      raw: () => {
        const date = rawDay();
        return free(dayMs(date), dayMs(nextDay(date)));
      },
    },
    {
      name: 'bookings.calendar.week',
      app: () =>
        ok(app, 'bookings.calendar', { resourceKind: 'vehicle', from: weeks(), days: 7 }, token),
      raw: () => {
        const fromMs = dayMs(rawWeeks());
        calendarResources.all();
        return calendarSlots.all(...vehicles, fromMs + 7 * DAY, fromMs - MAX_SLOT_MS, fromMs);
      },
    },
    {
      name: 'bookings.day',
      app: () => ok(app, 'bookings.day', { date: days2() }, token),
      raw: () => {
        const fromMs = dayMs(rawDays2());
        const rows = dayRows.all(fromMs + DAY, fromMs - 61 * DAY, fromMs, fromMs) as {
          detail: string;
        }[];
        for (const r of rows) JSON.parse(r.detail);
        return resourcesSql.all();
      },
    },
  ];
}
