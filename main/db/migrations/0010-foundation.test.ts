import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { migration0010 } from './0010-foundation';

const TABLES = [
  'audit_log',
  'departments',
  'notifications',
  'sessions',
  'settings',
  'user_roles',
  'users',
];

let db: Database;

function insertAudit(id?: number, operation = 'test.op') {
  const cols = id === undefined ? '' : 'id, ';
  const vals = id === undefined ? '' : `${id}, `;
  db.prepare(
    `INSERT INTO audit_log (${cols}at_ms, operation, entity_type, summary) VALUES (${vals}1, ?, 'x', '{}')`,
  ).run(operation);
}

function auditRows() {
  return db.prepare('SELECT * FROM audit_log ORDER BY id').all();
}

function insertUser(login: string) {
  return db
    .prepare(
      `INSERT INTO users (login, display_name, password_hash, created_at_ms, updated_at_ms)
       VALUES (?, ?, 'h', 1, 1)`,
    )
    .run(login, login).lastInsertRowid;
}

beforeEach(() => {
  db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  db.pragma('recursive_triggers = ON');
  migrate(db, [migration0010]);
});

afterEach(() => db.close());

describe('migration 0010 (foundation)', () => {
  it('creates every foundation table on an empty database', () => {
    const fresh = new BetterSqlite3(':memory:');
    expect(schemaVersion(fresh)).toBe(0);
    migrate(fresh, [migration0010]);
    const names = (
      fresh
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all() as { name: string }[]
    ).map((r) => r.name);
    fresh.close();
    expect(names).toEqual(TABLES);
  });

  it('sets user_version to 10', () => {
    expect(schemaVersion(db)).toBe(10);
  });

  it('creates the append-only triggers on audit_log', () => {
    const triggers = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
        .all() as { name: string }[]
    ).map((r) => r.name);
    expect(triggers.sort()).toEqual([
      'audit_log_no_delete',
      'audit_log_no_reuse',
      'audit_log_no_update',
    ]);
  });

  describe('audit_log is append-only', () => {
    beforeEach(() => {
      insertAudit(undefined, 'first');
      insertAudit(undefined, 'second');
    });

    it('accepts new rows', () => {
      expect(auditRows()).toHaveLength(2);
    });

    it('rejects UPDATE', () => {
      const before = auditRows();
      expect(() =>
        db.prepare("UPDATE audit_log SET operation = 'forged' WHERE id = 1").run(),
      ).toThrow(/append-only/);
      expect(auditRows()).toEqual(before);
    });

    it('rejects UPDATE OR REPLACE', () => {
      const before = auditRows();
      expect(() => db.prepare('UPDATE OR REPLACE audit_log SET id = 2 WHERE id = 1').run()).toThrow(
        /append-only/,
      );
      expect(auditRows()).toEqual(before);
    });

    it('rejects DELETE', () => {
      const before = auditRows();
      expect(() => db.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(auditRows()).toEqual(before);
    });

    it('rejects INSERT OR REPLACE with an existing id and leaves the original row unchanged (recursive_triggers on)', () => {
      expect(db.pragma('recursive_triggers', { simple: true })).toBe(1);
      const before = auditRows();
      expect(() =>
        db
          .prepare(
            "INSERT OR REPLACE INTO audit_log (id, at_ms, operation, entity_type) VALUES (1, 2, 'forged', 'x')",
          )
          .run(),
      ).toThrow(/append-only/);
      expect(auditRows()).toEqual(before);
    });

    it('rejects INSERT OR REPLACE with an existing id even with recursive_triggers off', () => {
      db.pragma('recursive_triggers = OFF');
      const before = auditRows();
      expect(() =>
        db
          .prepare(
            "REPLACE INTO audit_log (id, at_ms, operation, entity_type) VALUES (2, 2, 'forged', 'x')",
          )
          .run(),
      ).toThrow(/append-only/);
      expect(auditRows()).toEqual(before);
    });

    it('rejects an upsert (ON CONFLICT DO UPDATE) on an existing id', () => {
      const before = auditRows();
      expect(() =>
        db
          .prepare(
            `INSERT INTO audit_log (id, at_ms, operation, entity_type) VALUES (1, 2, 'forged', 'x')
             ON CONFLICT(id) DO UPDATE SET operation = excluded.operation`,
          )
          .run(),
      ).toThrow(/append-only/);
      expect(auditRows()).toEqual(before);
    });

    it('never reuses the id of the newest row (AUTOINCREMENT)', () => {
      const ids = (auditRows() as { id: number }[]).map((r) => r.id);
      insertAudit(undefined, 'third');
      const third = (auditRows() as { id: number; operation: string }[]).at(-1);
      expect(third?.operation).toBe('third');
      expect(third?.id).toBeGreaterThan(Math.max(...ids));
    });
  });

  it('rejects a role outside the seven roles', () => {
    const userId = insertUser('alice');
    const add = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
    expect(() => add.run(userId, 'superuser')).toThrow(/CHECK constraint/);
    expect(() => add.run(userId, 'Sysadmin')).toThrow(/CHECK constraint/);
    for (const role of [
      'host',
      'dept_head',
      'executive',
      'admin_office',
      'front_desk',
      'finance',
      'sysadmin',
    ]) {
      add.run(userId, role);
    }
    expect(db.prepare('SELECT count(*) AS n FROM user_roles').get()).toEqual({ n: 7 });
  });

  it('rejects invalid JSON in settings.value, notifications.params and audit_log.summary', () => {
    const userId = insertUser('alice');
    expect(() =>
      db.prepare("INSERT INTO settings (key, value) VALUES ('companyName', 'not json')").run(),
    ).toThrow(/CHECK constraint/);
    db.prepare("INSERT INTO settings (key, value) VALUES ('companyName', '\"ok\"')").run();

    const notify = db.prepare(
      "INSERT INTO notifications (user_id, kind, title_key, params, created_at_ms) VALUES (?, 'k', 't', ?, 1)",
    );
    expect(() => notify.run(userId, '{broken')).toThrow(/CHECK constraint/);
    notify.run(userId, '{"a":1}');

    expect(() =>
      db
        .prepare(
          "INSERT INTO audit_log (at_ms, operation, entity_type, summary) VALUES (1, 'x', 'y', '{')",
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
  });

  it('treats login names as case-insensitive and unique', () => {
    insertUser('alice');
    expect(() => insertUser('ALICE')).toThrow(/UNIQUE constraint/);
  });

  it('refuses to delete a department that still has members (foreign key RESTRICT)', () => {
    const deptId = db
      .prepare(
        "INSERT INTO departments (name, created_at_ms, updated_at_ms) VALUES ('销售部', 1, 1)",
      )
      .run().lastInsertRowid;
    const userId = insertUser('bob');
    db.prepare('UPDATE users SET department_id = ? WHERE id = ?').run(deptId, userId);
    expect(() => db.prepare('DELETE FROM departments WHERE id = ?').run(deptId)).toThrow(
      /FOREIGN KEY constraint/,
    );
  });

  it('rejects blank department names and names over 50 characters', () => {
    const add = db.prepare(
      'INSERT INTO departments (name, created_at_ms, updated_at_ms) VALUES (?, 1, 1)',
    );
    expect(() => add.run('   ')).toThrow(/CHECK constraint/);
    expect(() => add.run('部'.repeat(51))).toThrow(/CHECK constraint/);
    add.run('部'.repeat(50));
  });
});
