import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpInput } from '../../../shared/contract/operations';
import type { ApiError } from '../../../shared/result';
import { makeTestApp, type TestApp } from '../../test-support';
import { bookingCompany, filedRequest, fullNeedsBody } from './test-company';

/**
 * The conflict check in SQL (conflicts.ts, run by bookings.save and bookings.setStatus on a real
 * database) against a model written here, apart from the app: two holds of one car, driver or
 * room collide when the gap between them is shorter than the buffer of the resource's kind
 * (touching is fine); only confirmed and done bookings block; a cancelled one frees its time.
 * Random sequences of bookings, moves and status changes on a 5-minute grid from the evening of
 * 30 November across midnight and the month end, holds of 5 minutes up to a day.
 */

const MIN = 60_000;
const STEP = 5 * MIN;
/** 2026-11-30 12:00 in Shanghai. */
const BASE_MS = Date.UTC(2026, 10, 30, 4, 0);
/** The grid: two days from BASE_MS. */
const SLOTS = (2 * 24 * 60) / 5;
const MAX_LEN = (24 * 60) / 5;

/** Shanghai wall date and time of an instant (UTC+8, no daylight saving), worked out here. */
function wall(ms: number): { date: string; time: string } {
  const iso = new Date(ms + 8 * 60 * MIN).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}
const shortWall = (ms: number) => {
  const w = wall(ms);
  return `${w.date.slice(5)} ${w.time}`;
};

type Kind = 'car' | 'room';
type ResKind = 'vehicle' | 'driver' | 'room';
type Status = 'tentative' | 'confirmed' | 'done' | 'cancelled';

interface Res {
  id: number;
  kind: ResKind;
  name: string;
}

interface ModelBooking {
  id: number;
  kind: Kind;
  request: number;
  held: Res[];
  startMs: number;
  endMs: number;
  status: Status;
  version: number;
}

/** Which cars, drivers or rooms a command picks: indexes into the catalogue's two of each. */
interface Pick {
  kind: Kind;
  a: number;
  b: number;
}

type Cmd =
  | {
      op: 'new';
      pick: Pick;
      request: number;
      status: 'tentative' | 'confirmed';
      start: number;
      len: number;
    }
  | {
      op: 'near';
      target: number;
      after: boolean;
      /** -1, 0 or +1 grid steps from exactly touching the target's buffer. */
      delta: number;
      sameResources: boolean;
      pick: Pick;
      request: number;
      status: 'tentative' | 'confirmed';
      len: number;
    }
  | {
      op: 'move';
      target: number;
      pick: Pick;
      status: 'tentative' | 'confirmed';
      start: number;
      len: number;
    }
  | { op: 'status'; target: number; to: 'confirmed' | 'done' | 'cancelled' };

const pickArb = fc.record({
  kind: fc.constantFrom<Kind>('car', 'room'),
  a: fc.integer({ min: 0, max: 1 }),
  b: fc.integer({ min: 0, max: 1 }),
});
const lenArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 24 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: MAX_LEN }) },
);
const statusArb = fc.constantFrom<'tentative' | 'confirmed'>('confirmed', 'confirmed', 'tentative');
const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('new' as const),
      pick: pickArb,
      request: fc.integer({ min: 0, max: 1 }),
      status: statusArb,
      start: fc.integer({ min: 0, max: SLOTS - 1 }),
      len: lenArb,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('near' as const),
      target: fc.nat(),
      after: fc.boolean(),
      delta: fc.integer({ min: -1, max: 1 }),
      sameResources: fc.boolean(),
      pick: pickArb,
      request: fc.integer({ min: 0, max: 1 }),
      status: statusArb,
      len: lenArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('move' as const),
      target: fc.nat(),
      pick: pickArb,
      status: statusArb,
      start: fc.integer({ min: 0, max: SLOTS - 1 }),
      len: lenArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('status' as const),
      target: fc.nat(),
      to: fc.constantFrom<'confirmed' | 'done' | 'cancelled'>('confirmed', 'cancelled', 'done'),
    }),
  },
);
const runArb = fc.record({
  carBuffer: fc.integer({ min: 0, max: 12 }).map((n) => n * 5),
  roomBuffer: fc.integer({ min: 0, max: 6 }).map((n) => n * 5),
  cmds: fc.array(cmdArb, { minLength: 5, maxLength: 40, size: 'max' }),
});

type Detail = OpInput<'bookings.save'>['detail'];

interface World {
  t: TestApp;
  token: string;
  requests: { id: number; code: string }[];
  vehicles: Res[];
  drivers: Res[];
  rooms: Res[];
}

async function world(): Promise<World> {
  const t = makeTestApp();
  const c = await bookingCompany(t);
  const first = await filedRequest(t, c.r);
  const second = await filedRequest(t, c.r, fullNeedsBody({ orgName: '苏州远航电子有限公司' }));
  expect(first.code).not.toBe(second.code);
  const res = (r: { id: number; name: string }, kind: ResKind): Res => ({
    id: r.id,
    kind,
    name: r.name,
  });
  return {
    t,
    token: c.r.office.token,
    requests: [first, second].map((d) => ({ id: d.id, code: d.code })),
    vehicles: [res(c.sedan, 'vehicle'), res(c.van, 'vehicle')],
    drivers: [res(c.driverA, 'driver'), res(c.driverB, 'driver')],
    rooms: [res(c.small, 'room'), res(c.big, 'room')],
  };
}

function heldBy(w: World, pick: Pick): Res[] {
  if (pick.kind === 'room') return [w.rooms[pick.a]!];
  return [w.vehicles[pick.a]!, w.drivers[pick.b]!];
}

function detailOf(kind: Kind, held: Res[], startMs: number, endMs: number): Detail {
  const s = wall(startMs);
  const e = wall(endMs);
  const span = { startDate: s.date, startTime: s.time, endDate: e.date, endTime: e.time };
  if (kind === 'room') {
    return { kind: 'room', roomId: held[0]!.id, attendees: 3, setup: [], ...span };
  }
  return {
    kind: 'car',
    carKind: 'transfer',
    vehicleId: held[0]!.id,
    driverId: held[1]!.id,
    from: '公司',
    to: '工厂',
    passengers: 2,
    transportNo: '',
    ...span,
  };
}

/** The model's whole rule: the gap between two holds is shorter than the buffer. */
function collide(
  a: { startMs: number; endMs: number },
  b: { startMs: number; endMs: number },
  bufferMs: number,
): boolean {
  const gap = Math.max(a.startMs, b.startMs) - Math.min(a.endMs, b.endMs);
  return gap < bufferMs;
}

const blocking = (s: Status) => s === 'confirmed' || s === 'done';

/**
 * What the app must answer when `hold` is confirmed: null (accepted), or each refusal it may
 * give — the first held resource (vehicle before driver) that has a clash, and the clash that
 * starts first on it (any of them on a tie): resource name, request code, times.
 */
function expectedClashes(
  w: World,
  model: ModelBooking[],
  held: Res[],
  span: { startMs: number; endMs: number },
  self: number | null,
  buffer: (k: ResKind) => number,
): string[] | null {
  for (const r of held) {
    const clashes = model.filter(
      (b) =>
        b.id !== self &&
        blocking(b.status) &&
        b.held.some((h) => h.id === r.id) &&
        collide(b, span, buffer(r.kind)),
    );
    if (clashes.length === 0) continue;
    const first = Math.min(...clashes.map((b) => b.startMs));
    return clashes
      .filter((b) => b.startMs === first)
      .map((b) =>
        JSON.stringify({
          resource: r.name,
          code: w.requests[b.request]!.code,
          from: shortWall(b.startMs),
          to: shortWall(b.endMs),
        }),
      );
  }
  return null;
}

const refusal = (e: ApiError) =>
  JSON.stringify({
    resource: e.params?.resource,
    code: e.params?.code,
    from: e.params?.from,
    to: e.params?.to,
  });

/** Runs one sequence against the app and the model; returns how the answers went. */
async function run(w: World, input: RunInput) {
  const { t, token } = w;
  // A fresh start for every sequence: no bookings, the sequence's buffers.
  t.exec('DELETE FROM booking_slots');
  t.exec('DELETE FROM bookings');
  await t.ok(
    'bookings.saveRules',
    { carBufferMinutes: input.carBuffer, roomBufferMinutes: input.roomBuffer },
    token,
  );
  const buffer = (k: ResKind) => (k === 'room' ? input.roomBuffer : input.carBuffer) * MIN;
  const model: ModelBooking[] = [];
  const tally = { accepted: 0, conflicts: 0, touching: 0 };

  const expectOutcome = (
    label: string,
    out: Awaited<ReturnType<TestApp['call']>>,
    expected: { ok: true } | { ok: false; key: string; clashes?: string[] },
  ) => {
    const what = `${label}: ${JSON.stringify(out.result)}`;
    if (!out.result.ok) {
      // Never an internal error, whatever the sequence.
      expect(out.result.error.code, what).not.toBe('INTERNAL');
    }
    expect(out.result.ok, what).toBe(expected.ok);
    if (!out.result.ok && !expected.ok) {
      expect(out.result.error.code, what).toBe('CONFLICT');
      expect(out.result.error.key, what).toBe(expected.key);
      if (expected.clashes) expect(expected.clashes, what).toContain(refusal(out.result.error));
    }
  };

  const save = async (
    label: string,
    before: ModelBooking | null,
    kind: Kind,
    held: Res[],
    request: number,
    status: 'tentative' | 'confirmed',
    startMs: number,
    endMs: number,
  ) => {
    const out = await t.call(
      'bookings.save',
      {
        id: before?.id ?? null,
        version: before?.version ?? null,
        requestId: w.requests[request]!.id,
        needKey: null,
        status,
        detail: detailOf(kind, held, startMs, endMs),
      },
      token,
    );
    const span = { startMs, endMs };
    if (before && !['tentative', 'confirmed'].includes(before.status)) {
      expectOutcome(label, out, { ok: false, key: 'errors.bookingClosed' });
      return;
    }
    const clashes =
      status === 'confirmed'
        ? expectedClashes(w, model, held, span, before?.id ?? null, buffer)
        : null;
    if (clashes) {
      expectOutcome(label, out, { ok: false, key: 'errors.bookingConflict', clashes });
      tally.conflicts++;
      return;
    }
    expectOutcome(label, out, { ok: true });
    if (!out.result.ok) return;
    const view = out.result.value as {
      id: number;
      version: number;
      startMs: number;
      endMs: number;
    };
    expect([view.startMs, view.endMs], label).toEqual([startMs, endMs]);
    tally.accepted++;
    // Accepted exactly at the edge: another blocking hold of a shared resource one buffer away.
    if (
      status === 'confirmed' &&
      model.some(
        (b) =>
          b.id !== before?.id &&
          blocking(b.status) &&
          held.some(
            (r) =>
              b.held.some((h) => h.id === r.id) &&
              Math.max(b.startMs, startMs) - Math.min(b.endMs, endMs) === buffer(r.kind),
          ),
      )
    ) {
      tally.touching++;
    }
    if (before) {
      expect(view.version, label).toBe(before.version + 1);
      Object.assign(before, { held, startMs, endMs, status, version: view.version });
    } else {
      expect(view.version, label).toBe(1);
      model.push({ id: view.id, kind, request, held, startMs, endMs, status, version: 1 });
    }
  };

  for (const [i, cmd] of input.cmds.entries()) {
    const label = `#${i} ${JSON.stringify(cmd)}`;
    const target =
      model.length > 0 ? model[('target' in cmd ? cmd.target : 0) % model.length] : null;
    switch (cmd.op) {
      case 'new': {
        const startMs = BASE_MS + cmd.start * STEP;
        await save(
          label,
          null,
          cmd.pick.kind,
          heldBy(w, cmd.pick),
          cmd.request,
          cmd.status,
          startMs,
          startMs + cmd.len * STEP,
        );
        break;
      }
      case 'near': {
        // Right at the edge of another booking's buffer: one step inside, touching, one outside.
        const base = target ?? {
          kind: cmd.pick.kind,
          held: heldBy(w, cmd.pick),
          startMs: BASE_MS + 12 * 12 * STEP,
          endMs: BASE_MS + 13 * 12 * STEP,
        };
        const kind = cmd.sameResources ? base.kind : cmd.pick.kind;
        const held = cmd.sameResources ? base.held : heldBy(w, cmd.pick);
        const gap = buffer(held[0]!.kind) + cmd.delta * STEP;
        const startMs = cmd.after ? base.endMs + gap : base.startMs - gap - cmd.len * STEP;
        await save(
          label,
          null,
          kind,
          held,
          cmd.request,
          cmd.status,
          startMs,
          startMs + cmd.len * STEP,
        );
        break;
      }
      case 'move': {
        if (!target) break;
        const pick = { ...cmd.pick, kind: target.kind };
        const startMs = BASE_MS + cmd.start * STEP;
        await save(
          label,
          target,
          target.kind,
          heldBy(w, pick),
          target.request,
          cmd.status,
          startMs,
          startMs + cmd.len * STEP,
        );
        break;
      }
      case 'status': {
        if (!target) break;
        const out = await t.call(
          'bookings.setStatus',
          { id: target.id, version: target.version, status: cmd.to },
          token,
        );
        if (target.status === cmd.to) {
          expectOutcome(label, out, { ok: true });
          break;
        }
        const legal: Record<Status, Status[]> = {
          tentative: ['confirmed', 'cancelled'],
          confirmed: ['done', 'cancelled'],
          done: [],
          cancelled: [],
        };
        if (!legal[target.status].includes(cmd.to)) {
          expectOutcome(label, out, { ok: false, key: 'errors.bookingMove' });
          break;
        }
        const clashes =
          cmd.to === 'confirmed'
            ? expectedClashes(w, model, target.held, target, target.id, buffer)
            : null;
        if (clashes) {
          expectOutcome(label, out, { ok: false, key: 'errors.bookingConflict', clashes });
          tally.conflicts++;
          break;
        }
        expectOutcome(label, out, { ok: true });
        if (!out.result.ok) break;
        target.status = cmd.to;
        target.version++;
        expect((out.result.value as { version: number }).version, label).toBe(target.version);
        tally.accepted++;
        break;
      }
    }
  }

  // The database agrees with the model: every booking's status, time and version, and the
  // slots it holds (none once cancelled; blocking while confirmed or done).
  const rows = t.rows<{
    id: number;
    status: string;
    start_ms: number;
    end_ms: number;
    version: number;
  }>('SELECT id, status, start_ms, end_ms, version FROM bookings ORDER BY id');
  expect(rows).toEqual(
    [...model]
      .sort((a, b) => a.id - b.id)
      .map((b) => ({
        id: b.id,
        status: b.status,
        start_ms: b.startMs,
        end_ms: b.endMs,
        version: b.version,
      })),
  );
  const slots = t.rows<{
    booking_id: number;
    resource_id: number;
    start_ms: number;
    end_ms: number;
    blocking: number;
  }>('SELECT * FROM booking_slots ORDER BY booking_id, resource_id');
  expect(slots).toEqual(
    model
      .filter((b) => b.status !== 'cancelled')
      .flatMap((b) =>
        b.held.map((r) => ({
          booking_id: b.id,
          resource_id: r.id,
          start_ms: b.startMs,
          end_ms: b.endMs,
          blocking: blocking(b.status) ? 1 : 0,
        })),
      )
      .sort((a, b) => a.booking_id - b.booking_id || a.resource_id - b.resource_id),
  );
  // And what it all is for: no two blocking holds of one resource closer than its buffer.
  const kindOf = new Map(
    [...w.vehicles, ...w.drivers, ...w.rooms].map((r) => [r.id, r.kind] as const),
  );
  const held = slots.filter((s) => s.blocking === 1);
  for (const [i, a] of held.entries()) {
    for (const b of held.slice(i + 1)) {
      if (a.resource_id !== b.resource_id) continue;
      const buf = buffer(kindOf.get(a.resource_id) ?? 'room');
      expect(
        collide(
          { startMs: a.start_ms, endMs: a.end_ms },
          { startMs: b.start_ms, endMs: b.end_ms },
          buf,
        ),
        `bookings ${a.booking_id} and ${b.booking_id} both hold ${a.resource_id}`,
      ).toBe(false);
    }
  }
  return tally;
}

type RunInput = { carBuffer: number; roomBuffer: number; cmds: Cmd[] };

describe('the SQL conflict check against a model', () => {
  it('answers every random sequence as the model does, never with an internal error', async () => {
    const w = await world();
    const totals = { runs: 0, accepted: 0, conflicts: 0, touching: 0 };
    await fc.assert(
      fc.asyncProperty(runArb, async (input) => {
        const tally = await run(w, input);
        totals.runs++;
        totals.accepted += tally.accepted;
        totals.conflicts += tally.conflicts;
        totals.touching += tally.touching;
      }),
      { numRuns: 60 },
    );
    // The sequences did exercise both answers, and the edges (a run makes about 1,000
    // acceptances, 150 refusals and 30 holds accepted exactly one buffer from another).
    expect(totals.accepted).toBeGreaterThan(450);
    expect(totals.conflicts).toBeGreaterThan(60);
    expect(totals.touching).toBeGreaterThan(10);
  }, 120_000);

  it('the edges, spelled out: touching, the buffer, midnight, the month end, cancelling', async () => {
    const w = await world();
    const at = (date: string, time: string) =>
      Date.UTC(
        Number(date.slice(0, 4)),
        Number(date.slice(5, 7)) - 1,
        Number(date.slice(8, 10)),
        Number(time.slice(0, 2)) - 8,
        Number(time.slice(3, 5)),
      );
    // A car from 22:00 on 30 November to 01:00 on 1 December; a 15-minute buffer.
    const start = (at('2026-11-30', '22:00') - BASE_MS) / STEP;
    const cmds: Cmd[] = [
      {
        op: 'new',
        pick: { kind: 'car', a: 0, b: 0 },
        request: 0,
        status: 'confirmed',
        start,
        len: 36,
      },
      // Same car at 01:10 on 1 December: inside the buffer, refused naming the first request.
      {
        op: 'near',
        target: 0,
        after: true,
        delta: -1,
        sameResources: true,
        pick: { kind: 'car', a: 0, b: 0 },
        request: 1,
        status: 'confirmed',
        len: 6,
      },
      // At 01:15: touching the buffer, accepted.
      {
        op: 'near',
        target: 0,
        after: true,
        delta: 0,
        sameResources: true,
        pick: { kind: 'car', a: 0, b: 0 },
        request: 1,
        status: 'confirmed',
        len: 6,
      },
      // Before 21:45 on 30 November is fine, after 21:45 is not.
      {
        op: 'near',
        target: 0,
        after: false,
        delta: 0,
        sameResources: true,
        pick: { kind: 'car', a: 0, b: 0 },
        request: 1,
        status: 'confirmed',
        len: 6,
      },
      {
        op: 'near',
        target: 0,
        after: false,
        delta: -1,
        sameResources: true,
        pick: { kind: 'car', a: 0, b: 0 },
        request: 1,
        status: 'confirmed',
        len: 6,
      },
      // The other car with the same driver across midnight: the driver is taken.
      {
        op: 'new',
        pick: { kind: 'car', a: 1, b: 0 },
        request: 1,
        status: 'confirmed',
        start: start + 6,
        len: 6,
      },
      // Tentative: accepted, it only warns; confirming it is refused.
      {
        op: 'new',
        pick: { kind: 'car', a: 0, b: 1 },
        request: 1,
        status: 'tentative',
        start: start + 6,
        len: 6,
      },
      { op: 'status', target: 3, to: 'confirmed' },
      // Cancelling the first frees the car: now the tentative one confirms.
      { op: 'status', target: 0, to: 'cancelled' },
      { op: 'status', target: 3, to: 'confirmed' },
      // Rooms touch without a buffer.
      {
        op: 'new',
        pick: { kind: 'room', a: 1, b: 0 },
        request: 0,
        status: 'confirmed',
        start,
        len: 24,
      },
      {
        op: 'near',
        target: 4,
        after: true,
        delta: 0,
        sameResources: true,
        pick: { kind: 'room', a: 1, b: 0 },
        request: 1,
        status: 'confirmed',
        len: 12,
      },
      {
        op: 'near',
        target: 4,
        after: true,
        delta: -1,
        sameResources: true,
        pick: { kind: 'room', a: 1, b: 0 },
        request: 1,
        status: 'confirmed',
        len: 12,
      },
    ];
    const tally = await run(w, { carBuffer: 15, roomBuffer: 0, cmds });
    expect(tally).toMatchObject({ accepted: 8, conflicts: 5 });
    expect(
      w.t.rows<{ status: string }>('SELECT status FROM bookings ORDER BY id').map((r) => r.status),
    ).toEqual(['cancelled', 'confirmed', 'confirmed', 'confirmed', 'confirmed', 'confirmed']);
  });
});
