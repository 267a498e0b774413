import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from '.';
import { insertRow, rowsInOrder } from './test-helpers';

const upTo = (v: number) => MIGRATIONS.filter((m) => m.version <= v);

/** A database as version 150 left it: a user, a request with two approval steps and an event. */
function at150() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.pragma('recursive_triggers = ON');
  migrate(db, upTo(150));
  const user = insertRow(db, 'users', {
    login: 'host',
    display_name: '王接待',
    password_hash: 'x',
    created_at_ms: 1,
    updated_at_ms: 1,
  });
  const request = insertRow(db, 'requests', {
    code: 'R-1',
    status: 'approving',
    host_user_id: user,
    org_name: '华东精密',
    org_key: '华东精密',
    org_category: 'client',
    tier: 'C',
    arrival_date: '2026-12-01',
    departure_date: '2026-12-01',
    visitor_count: 2,
    body: '{}',
    revision: 1,
    created_at_ms: 1,
    updated_at_ms: 1,
  });
  const step = (seq: number, kind: string, status: string) =>
    insertRow(db, 'approval_steps', {
      subject_type: 'request',
      subject_id: request,
      revision: 1,
      seq,
      kind,
      reason: 'base',
      status,
      pending_since_ms: status === 'pending' ? 1 : null,
    });
  const first = step(1, 'dept_head', 'approved');
  step(2, 'admin_office', 'pending');
  insertRow(db, 'request_events', {
    request_id: request,
    at_ms: 1,
    kind: 'approved',
    step_id: first,
  });
  insertRow(db, 'step_reminders', {
    step_id: first,
    day: '2026-11-30',
    by_user_id: user,
    at_ms: 1,
  });
  return { db, user, request };
}

const objectsOf = (db: Database.Database) =>
  db
    .prepare(
      `SELECT type, name, sql FROM sqlite_schema
        WHERE tbl_name = 'approval_steps' AND type <> 'table' AND sql IS NOT NULL
        ORDER BY type, name`,
    )
    .all();

describe('migration 0160 (expenses)', () => {
  it('rebuilds approval_steps keeping rows, ids, indexes, triggers and what points at them', () => {
    const { db } = at150();
    const before = {
      steps: rowsInOrder(db, 'approval_steps'),
      events: rowsInOrder(db, 'request_events'),
      reminders: db.prepare('SELECT * FROM step_reminders').all(),
    };
    const objects = objectsOf(db);
    expect(migrate(db, upTo(160))).toBe(160);
    expect(rowsInOrder(db, 'approval_steps')).toEqual(before.steps);
    expect(rowsInOrder(db, 'request_events')).toEqual(before.events);
    expect(db.prepare('SELECT * FROM step_reminders').all()).toEqual(before.reminders);
    expect(objectsOf(db)).toEqual(objects);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('lets steps belong to advances and reconciliations and be finance’s, and nothing else', () => {
    const { db, request } = at150();
    migrate(db, upTo(160));
    const add = (subject_type: string, kind: string) =>
      insertRow(db, 'approval_steps', {
        subject_type,
        subject_id: 1,
        revision: 1,
        seq: 9,
        kind,
        reason: 'base',
        status: 'waiting',
      });
    expect(() => add('advance', 'finance')).not.toThrow();
    expect(() => add('reconciliation', 'dept_head')).not.toThrow();
    expect(() => add('loan', 'dept_head')).toThrow(/CHECK/);
    expect(() => add('advance', 'cashier')).toThrow(/CHECK/);
    // The requests' own existence trigger still guards request steps.
    expect(() =>
      insertRow(db, 'approval_steps', {
        subject_type: 'request',
        subject_id: request + 100,
        revision: 1,
        seq: 1,
        kind: 'dept_head',
        reason: 'base',
        status: 'waiting',
      }),
    ).toThrow(/FOREIGN KEY/);
  });

  it('keeps money in whole fen within bounds and people on every line', () => {
    const { db, user, request } = at150();
    migrate(db, upTo(160));
    const line = (over: Record<string, unknown>) =>
      insertRow(db, 'expense_lines', {
        request_id: request,
        category: 'meals',
        spent_on: '2026-12-01',
        amount_fen: 30000,
        invoice_type: 'electronic',
        paid_by: 'advance',
        visitors: 2,
        companions: 1,
        per_head_fen: 10000,
        company_fen: 30000,
        tier: 'C',
        host_user_id: user,
        status: 'open',
        created_by: user,
        created_at_ms: 1,
        updated_at_ms: 1,
        ...over,
      });
    expect(() => line({})).not.toThrow();
    expect(() => line({ amount_fen: 0 })).toThrow(/CHECK/);
    expect(() => line({ amount_fen: 1_000_000_001 })).toThrow(/CHECK/);
    expect(() => line({ visitors: 0, companions: 0 })).toThrow(/CHECK/);
    expect(() => line({ borne_by_host_fen: 20000, company_fen: 20000 })).toThrow(/CHECK/);
    expect(() => line({ category: 'bribes' })).toThrow(/CHECK/);
    expect(() => line({ request_id: request + 100 })).toThrow(/FOREIGN KEY/);
  });

  it('a failing migration after it leaves the database at 150, foreign keys on', () => {
    const { db } = at150();
    const before = rowsInOrder(db, 'approval_steps');
    const broken = [
      ...upTo(160),
      {
        version: 9999,
        name: 'broken',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(150);
    expect(rowsInOrder(db, 'approval_steps')).toEqual(before);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
