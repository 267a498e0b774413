import type { Kysely } from 'kysely';
import { MAX_SLOT_MS } from '../../../shared/bookings/schema';
import type { Clash } from '../../../shared/bookings/views';
import type { DB } from '../../db/schema';

/** One resource's hold to check: its time and the buffer its kind keeps free around bookings. */
export interface Hold {
  resourceId: number;
  startMs: number;
  endMs: number;
  bufferMs: number;
}

/**
 * Bookings holding `hold.resourceId` closer than the buffer to its time: the SQL form of
 * `overlaps` (shared/bookings/rules.ts), `s.start < end + buffer AND s.end + buffer > start`.
 * The lower bound on `s.start_ms` (no slot is longer than MAX_SLOT_MS) turns the index
 * `booking_slots_resource (resource_id, start_ms, end_ms)` into a short range however many years
 * of bookings the resource has. Cancelled bookings have no slots.
 */
export async function clashesWith(
  db: Kysely<DB>,
  hold: Hold,
  options: { exceptBookingId: number | null; blockingOnly: boolean },
): Promise<Clash[]> {
  let q = db
    .selectFrom('bookingSlots as s')
    .innerJoin('bookings as b', 'b.id', 's.bookingId')
    .innerJoin('requests as r', 'r.id', 'b.requestId')
    .innerJoin('bookingResources as res', 'res.id', 's.resourceId')
    .select([
      's.bookingId',
      'b.requestId',
      'r.code as requestCode',
      'res.name as resourceName',
      'b.status',
      's.startMs',
      's.endMs',
    ])
    .where('s.resourceId', '=', hold.resourceId)
    .where('s.startMs', '<', hold.endMs + hold.bufferMs)
    .where('s.startMs', '>', hold.startMs - hold.bufferMs - MAX_SLOT_MS)
    .where('s.endMs', '>', hold.startMs - hold.bufferMs);
  if (options.exceptBookingId !== null) q = q.where('s.bookingId', '!=', options.exceptBookingId);
  if (options.blockingOnly) q = q.where('s.blocking', '=', 1);
  return (await q.orderBy('s.startMs').orderBy('s.bookingId').limit(20).execute()).map((r) => ({
    bookingId: r.bookingId,
    requestId: r.requestId,
    requestCode: r.requestCode,
    resourceName: r.resourceName,
    status: r.status,
    startMs: r.startMs,
    endMs: r.endMs,
  }));
}

/**
 * Takes the resources' rows for this transaction before the check. On SQLite every write
 * transaction already holds the database's one write lock (BEGIN IMMEDIATE), so this only bumps
 * a counter; on PostgreSQL the UPDATE's row locks make a second clerk booking the same car wait
 * until the first commits, and then see her booking — the same guarantee, in plain builder SQL.
 */
export async function lockResources(db: Kysely<DB>, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('bookingResources')
    .set((eb) => ({ lockVersion: eb('lockVersion', '+', 1) }))
    .where(
      'id',
      'in',
      [...new Set(ids)].sort((a, b) => a - b),
    )
    .execute();
}

/**
 * Which of `resourceIds` are held by a confirmed booking closer than `bufferMs` to the time: one
 * statement, a short range of `booking_slots_resource` per resource.
 */
export async function busyResources(
  db: Kysely<DB>,
  resourceIds: readonly number[],
  span: { startMs: number; endMs: number },
  bufferMs: number,
): Promise<Set<number>> {
  if (resourceIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('bookingSlots')
    .select('resourceId')
    .distinct()
    .where('resourceId', 'in', [...resourceIds])
    .where('startMs', '<', span.endMs + bufferMs)
    .where('startMs', '>', span.startMs - bufferMs - MAX_SLOT_MS)
    .where('endMs', '>', span.startMs - bufferMs)
    .where('blocking', '=', 1)
    .execute();
  return new Set(rows.map((r) => r.resourceId));
}
