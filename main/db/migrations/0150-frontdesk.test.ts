import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from '.';
import { insertRow, rowsInOrder } from './test-helpers';

/** A database as version 140 left it: a user, two requests, an event and a task of each. */
function at140() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.pragma('recursive_triggers = ON');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 140),
  );
  const user = insertRow(db, 'users', {
    login: 'host',
    display_name: '王接待',
    password_hash: 'x',
    created_at_ms: 1,
    updated_at_ms: 1,
  });
  for (const [code, status] of [
    ['R-1', 'filed'],
    ['R-2', 'approving'],
  ] as const) {
    const id = insertRow(db, 'requests', {
      code,
      status,
      host_user_id: user,
      org_name: '华东精密',
      org_key: '华东精密',
      org_category: 'client',
      tier: 'C',
      arrival_date: '2026-12-01',
      departure_date: '2026-12-03',
      visitor_count: 2,
      body: '{}',
      revision: 1,
      created_at_ms: 1,
      updated_at_ms: 1,
    });
    insertRow(db, 'request_events', { request_id: id, at_ms: 1, kind: 'submitted' });
    insertRow(db, 'tasks', {
      request_id: id,
      kind: 'confirm_arrival',
      owner_user_id: user,
      due_at_ms: 5,
      created_at_ms: 1,
    });
  }
  return db;
}

const objectsOf = (db: Database.Database) =>
  db
    .prepare(
      `SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = 'requests' AND sql IS NOT NULL
        ORDER BY type, name`,
    )
    .all();

describe('migration 0150 (front desk)', () => {
  it('rebuilds requests for the whole life cycle, keeping rows, ids, indexes and triggers', () => {
    const db = at140();
    const before = {
      requests: rowsInOrder(db, 'requests'),
      events: rowsInOrder(db, 'request_events'),
      tasks: rowsInOrder(db, 'tasks'),
      counts: db.prepare('SELECT * FROM request_counts ORDER BY status').all(),
    };
    const objects = objectsOf(db).filter((o) => (o as { type: string }).type !== 'table');
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 150),
      ),
    ).toBe(150);
    expect(rowsInOrder(db, 'requests')).toEqual(before.requests);
    expect(rowsInOrder(db, 'request_events')).toEqual(before.events);
    expect(rowsInOrder(db, 'tasks')).toEqual(before.tasks);
    expect(db.prepare('SELECT * FROM request_counts ORDER BY status').all()).toEqual(before.counts);
    expect(objectsOf(db).filter((o) => (o as { type: string }).type !== 'table')).toEqual(objects);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('accepts the visit’s statuses, still refuses others, and its triggers still count', () => {
    const db = at140();
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 150),
    );
    const set = db.prepare("UPDATE requests SET status = ? WHERE code = 'R-1'");
    for (const s of ['in_progress', 'completed', 'reconciling', 'settled', 'archived']) {
      expect(() => set.run(s)).not.toThrow();
    }
    expect(() => set.run('lost')).toThrow(/CHECK/);
    set.run('in_progress');
    const counted = db
      .prepare("SELECT n FROM request_counts WHERE status = 'in_progress'")
      .pluck()
      .get();
    expect(counted).toBe(1);
  });

  it('leaves foreign keys on and enforced, and other tables still point at requests', () => {
    const db = at140();
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 150),
    );
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      insertRow(db, 'tasks', {
        request_id: 999,
        kind: 'confirm_arrival',
        owner_role: 'admin_office',
        due_at_ms: 5,
        created_at_ms: 1,
      }),
    ).toThrow(/FOREIGN KEY/);
    // ON DELETE CASCADE of request_events still follows the rebuilt table.
    db.prepare(
      "DELETE FROM tasks WHERE request_id = (SELECT id FROM requests WHERE code = 'R-2')",
    ).run();
    db.prepare("DELETE FROM requests WHERE code = 'R-2'").run();
    expect(db.prepare('SELECT count(*) FROM request_events').pluck().get()).toBe(1);
  });

  it('a failing migration after the rebuild leaves the database at 140, foreign keys on', () => {
    const db = at140();
    const before = rowsInOrder(db, 'requests');
    const broken = [
      ...MIGRATIONS,
      {
        version: 9999,
        name: 'broken',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(140);
    expect(rowsInOrder(db, 'requests')).toEqual(before);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare("UPDATE requests SET status = 'in_progress'").run()).toThrow(/CHECK/);
  });
});
