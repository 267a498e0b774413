import type { Database } from 'better-sqlite3';
import type { Migration } from './types';

const STATUSES_BEFORE =
  "('draft', 'submitted', 'approving', 'approved', 'filed', 'returned', 'rejected', 'cancelled')";
/**
 * The whole life cycle of DESIGN.md §2, so that the visit (in_progress, completed, this issue) and
 * the money after it (reconciling, settled, archived, the next) need no second rebuild.
 */
const STATUSES_AFTER =
  "('draft', 'submitted', 'approving', 'approved', 'filed', 'in_progress', 'completed', " +
  "'reconciling', 'settled', 'archived', 'returned', 'rejected', 'cancelled')";

/**
 * requests.status may hold the whole life cycle: SQLite changes a CHECK only by rebuilding the
 * table. Its DDL is taken from the schema as it stands (with every column later migrations
 * added), the rows are copied with their ids, and its indexes and triggers are made again from
 * their own text. Foreign keys are off meanwhile (`rebuildsTables`) and checked before commit.
 */
function widenRequestStatuses(db: Database): void {
  const ddl = db
    .prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'requests'")
    .pluck()
    .get() as string;
  if (!ddl.includes(STATUSES_BEFORE)) throw new Error('requests.status has an unexpected CHECK');
  const rebuilt = ddl
    .replace(STATUSES_BEFORE, STATUSES_AFTER)
    .replace(/^CREATE TABLE "?requests"?/, 'CREATE TABLE requests_new');
  const dependents = db
    .prepare(
      `SELECT sql FROM sqlite_schema
        WHERE tbl_name = 'requests' AND type IN ('index', 'trigger') AND sql IS NOT NULL
        ORDER BY type, name`,
    )
    .pluck()
    .all() as string[];
  db.exec(rebuilt);
  db.exec('INSERT INTO requests_new SELECT * FROM requests ORDER BY id');
  db.exec('DROP TABLE requests');
  // Other tables' triggers name `requests`: leave their text as it is rather than have the
  // rename re-parse them while the table is briefly missing (only for this rename: earlier
  // migrations in the same run rely on renames rewriting references).
  db.pragma('legacy_alter_table = ON');
  db.exec('ALTER TABLE requests_new RENAME TO requests');
  db.pragma('legacy_alter_table = OFF');
  for (const sql of dependents) db.exec(sql);
}

/**
 * The front desk (issue 11).
 *
 * - `frontdesk_guests`: a visitor's attendance on one day — one row per (request, visitor, day),
 *   made at check-in (a visit of several days has a row per day he came). The name is a copy for
 *   the on-site list, which must print even for a walk-in's private draft; ID: type and last four
 *   characters only. A badge number is worn by one person inside at a time per day (a partial
 *   unique index: it is free again at check-out). The on-site list walks the partial index of those
 *   inside; the board reads a day's rows by the (day) index.
 * - `frontdesk_walk_ins`: unannounced visitors the host accepts (a retroactive request is made) or
 *   declines; the desk reads them by day, the host his pending ones.
 * - `frontdesk_watchlist`: blocked people and organisations; matched on phone, ID hash (never the
 *   number), name and organisation key.
 * - `frontdesk_directory`: the people who visited, for suggestions as a form is typed; found by a
 *   prefix of name, pinyin initials, full pinyin, phone or organisation (one index each), dropped
 *   by the retention job by last visit day.
 *
 * The privacy notice's acknowledgement is kept on the attendance row (when, which version).
 * `anonymised`: the retention job replaced the personal fields.
 */
export const migration0150: Migration = {
  version: 150,
  name: 'frontdesk',
  rebuildsTables: true,
  up: (db) => {
    widenRequestStatuses(db);
    db.exec(`
      -- The host's phone, on the board beside each visit (the desk calls him down).
      ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT '';

      CREATE TABLE frontdesk_guests (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id),
        seq INTEGER NOT NULL CHECK (seq >= 0),
        day TEXT NOT NULL,
        name TEXT NOT NULL,
        org_name TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        walk_in_id INTEGER,
        arrived_at_ms INTEGER NOT NULL,
        left_at_ms INTEGER,
        badge_no TEXT NOT NULL,
        id_type TEXT CHECK (id_type IN ('resident_id', 'passport', 'other')),
        id_last4 TEXT NOT NULL DEFAULT '',
        consent_at_ms INTEGER,
        notice_version INTEGER,
        override_reason TEXT NOT NULL DEFAULT '',
        watch_override_reason TEXT NOT NULL DEFAULT '',
        checked_in_by INTEGER NOT NULL REFERENCES users(id),
        checked_out_by INTEGER REFERENCES users(id),
        anonymised INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (left_at_ms IS NULL OR left_at_ms >= arrived_at_ms),
        UNIQUE (request_id, seq, day)
      );
      CREATE INDEX frontdesk_guests_day ON frontdesk_guests(day);
      CREATE INDEX frontdesk_guests_inside ON frontdesk_guests(arrived_at_ms) WHERE left_at_ms IS NULL;
      CREATE UNIQUE INDEX frontdesk_guests_badge ON frontdesk_guests(day, badge_no)
        WHERE left_at_ms IS NULL;
      -- A walk-in's attendance, joined to the walk-ins lists.
      CREATE INDEX frontdesk_guests_walk_in ON frontdesk_guests(walk_in_id)
        WHERE walk_in_id IS NOT NULL;

      CREATE TABLE frontdesk_walk_ins (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        name TEXT NOT NULL,
        org_name TEXT NOT NULL DEFAULT '',
        org_key TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        purpose TEXT NOT NULL DEFAULT '',
        host_user_id INTEGER NOT NULL REFERENCES users(id),
        status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'declined')),
        registered_by INTEGER NOT NULL REFERENCES users(id),
        registered_at_ms INTEGER NOT NULL,
        answered_at_ms INTEGER,
        answer_comment TEXT NOT NULL DEFAULT '',
        request_id INTEGER REFERENCES requests(id),
        anonymised INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX frontdesk_walk_ins_day ON frontdesk_walk_ins(day);
      CREATE INDEX frontdesk_walk_ins_host ON frontdesk_walk_ins(host_user_id, status);

      CREATE TABLE frontdesk_watchlist (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'org')),
        name TEXT NOT NULL DEFAULT '',
        name_key TEXT NOT NULL DEFAULT '',
        org_name TEXT NOT NULL DEFAULT '',
        org_key TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        id_hash TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX frontdesk_watchlist_active ON frontdesk_watchlist(active);

      CREATE TABLE frontdesk_directory (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        initials TEXT NOT NULL,
        pinyin TEXT NOT NULL,
        org_name TEXT NOT NULL DEFAULT '',
        org_key TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        last_day TEXT NOT NULL,
        visits INTEGER NOT NULL DEFAULT 1,
        updated_at_ms INTEGER NOT NULL,
        -- One person: the same name with the same phone, or without a phone at the same organisation.
        UNIQUE (name_key, phone, org_key)
      );
      CREATE INDEX frontdesk_directory_initials ON frontdesk_directory(initials);
      CREATE INDEX frontdesk_directory_pinyin ON frontdesk_directory(pinyin);
      CREATE INDEX frontdesk_directory_phone ON frontdesk_directory(phone);
      CREATE INDEX frontdesk_directory_org ON frontdesk_directory(org_key);
      CREATE INDEX frontdesk_directory_last_day ON frontdesk_directory(last_day);
    `);
  },
};
