import type { Migration } from './types';

/**
 * Bookings (issue 10): the admin office's catalogue of what can be booked, and each visit's
 * bookings.
 *
 * - `booking_resources`: one table for every kind (vehicle, driver, meeting room, agreement
 *   hotel, designated restaurant, supply or gift). What differs by kind lives in `details`
 *   (JSON, checked by shared/bookings/schema.ts); what the lists and checks need is a column:
 *   `capacity` (seats, room capacity, restaurant seats), `stock` (supplies). Nothing is deleted:
 *   a resource something refers to is deactivated. `lock_version` is bumped by every booking
 *   of the resource inside the write transaction: on PostgreSQL that UPDATE is the row lock
 *   that serialises two clerks booking the same car (SQLite already serialises writers with
 *   BEGIN IMMEDIATE).
 * - `bookings`: one per booked thing, attached to a request. `need_key` names the plan line it
 *   books (null: booked by hand) and `need` keeps what that line asked for, so a request changed
 *   and approved again shows which bookings no longer match.
 * - `booking_slots`: the time a confirmed or tentative car, driver or room booking holds its
 *   resource. The conflict check reads `booking_slots_resource` as a range: slots of one
 *   resource starting before the new end and after the new start minus the longest slot
 *   (MAX_SLOT_MS, enforced on write), so ten years of bookings cost a few index steps.
 * - `bookings_day (kind, start_ms)`: a day's bookings, each kind looked back only as far as its
 *   longest booking (a car or room 14 days, a hotel stay 60 nights).
 */
export const migration0130: Migration = {
  version: 130,
  name: 'bookings',
  up: (db) => {
    db.exec(`
      CREATE TABLE booking_resources (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL
          CHECK (kind IN ('vehicle', 'driver', 'room', 'hotel', 'restaurant', 'supply')),
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        capacity INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),
        stock INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
        details TEXT NOT NULL DEFAULT '{}',
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        lock_version INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1,
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX booking_resources_name ON booking_resources(kind, name_key);

      CREATE TABLE bookings (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id),
        kind TEXT NOT NULL
          CHECK (kind IN ('car', 'room', 'hotel', 'restaurant', 'ticket', 'supply')),
        status TEXT NOT NULL CHECK (status IN ('tentative', 'confirmed', 'done', 'cancelled')),
        need_key TEXT,
        need TEXT,
        resource_id INTEGER REFERENCES booking_resources(id),
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL CHECK (end_ms >= start_ms),
        detail TEXT NOT NULL,
        amount_fen INTEGER NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
        version INTEGER NOT NULL DEFAULT 1,
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL
      );
      CREATE INDEX bookings_request ON bookings(request_id, start_ms);
      CREATE INDEX bookings_day ON bookings(kind, start_ms) WHERE status <> 'cancelled';
      -- One live booking per plan line: confirming a line twice (a double click, two clerks)
      -- books it once.
      CREATE UNIQUE INDEX bookings_need ON bookings(request_id, need_key)
        WHERE need_key IS NOT NULL AND status <> 'cancelled';

      CREATE TABLE booking_slots (
        booking_id INTEGER NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
        resource_id INTEGER NOT NULL REFERENCES booking_resources(id),
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL CHECK (end_ms > start_ms),
        blocking INTEGER NOT NULL CHECK (blocking IN (0, 1)),
        PRIMARY KEY (booking_id, resource_id)
      ) WITHOUT ROWID;
      CREATE INDEX booking_slots_resource ON booking_slots(resource_id, start_ms, end_ms);
    `);
  },
};
