import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { parseJson } from '../../core/json';

/** What the front desk's board shows of a visit's bookings on a day. */
export interface VisitDayResources {
  /** Meeting rooms by name. */
  rooms: string[];
  /** Cars as "plate · driver". */
  cars: string[];
}

/**
 * The meeting rooms and cars booked (tentatively or for sure) for each of `requestIds` in
 * [fromMs, toMs): one query by request, then one for the resources' names.
 */
export async function visitResourcesOn(
  db: Kysely<DB>,
  requestIds: readonly number[],
  fromMs: number,
  toMs: number,
): Promise<Map<number, VisitDayResources>> {
  const out = new Map<number, VisitDayResources>();
  if (requestIds.length === 0) return out;
  const rows = await db
    .selectFrom('bookings')
    .select(['requestId', 'detail'])
    .where('requestId', 'in', [...requestIds])
    .where('kind', 'in', ['car', 'room'])
    .where('status', 'in', ['tentative', 'confirmed', 'done'])
    .where('startMs', '<', toMs)
    .where('endMs', '>', fromMs)
    .orderBy('startMs')
    .orderBy('id')
    .execute();
  const details = rows.map((r) => ({ requestId: r.requestId, detail: parseJson(r.detail) }));
  const ids = new Set<number>();
  for (const { detail: d } of details) {
    if (d.kind === 'car') ids.add(d.vehicleId).add(d.driverId);
    if (d.kind === 'room') ids.add(d.roomId);
  }
  const names = new Map<number, string>();
  if (ids.size > 0) {
    const res = await db
      .selectFrom('bookingResources')
      .select(['id', 'name'])
      .where('id', 'in', [...ids])
      .execute();
    for (const r of res) names.set(r.id, r.name);
  }
  for (const { requestId, detail: d } of details) {
    const entry = out.get(requestId) ?? { rooms: [], cars: [] };
    out.set(requestId, entry);
    if (d.kind === 'room') entry.rooms.push(names.get(d.roomId) ?? '—');
    if (d.kind === 'car') {
      entry.cars.push(`${names.get(d.vehicleId) ?? '—'} · ${names.get(d.driverId) ?? '—'}`);
    }
  }
  for (const entry of out.values()) {
    entry.rooms = [...new Set(entry.rooms)];
    entry.cars = [...new Set(entry.cars)];
  }
  return out;
}
