import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/policy/policy';
import { applyPragmas } from '../open';
import { migrate, schemaVersion } from '../migrate';
import { migration0010 } from './0010-foundation';
import { migration0020 } from './0020-requests';

const NEW_TABLES = [
  'approval_steps',
  'delegations',
  'policy_versions',
  'request_events',
  'request_revisions',
  'requests',
];

let db: Database;

const tables = (d: Database) =>
  (
    d
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);

const policyRows = () => db.prepare('SELECT * FROM policy_versions ORDER BY version').all();

function insertUser(login: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO users (login, display_name, password_hash, created_at_ms, updated_at_ms)
         VALUES (?, ?, 'h', 1, 1)`,
      )
      .run(login, login).lastInsertRowid,
  );
}

function insertRequest(values: Record<string, unknown> = {}): number {
  const row = {
    code: `JD20261127-${Math.random().toString(36).slice(2, 8)}`,
    status: 'draft',
    host_user_id: hostId,
    org_category: 'client',
    tier: 'C',
    body: '{}',
    created_at_ms: 1,
    updated_at_ms: 1,
    ...values,
  };
  const cols = Object.keys(row);
  return Number(
    db
      .prepare(
        `INSERT INTO requests (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`,
      )
      .run(row).lastInsertRowid,
  );
}

function insertStep(requestId: number, values: Record<string, unknown> = {}) {
  const row = {
    request_id: requestId,
    revision: 1,
    seq: 1,
    kind: 'dept_head',
    reason: 'base',
    status: 'waiting',
    ...values,
  };
  const cols = Object.keys(row);
  return db
    .prepare(
      `INSERT INTO approval_steps (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`,
    )
    .run(row);
}

let hostId = 0;

beforeEach(() => {
  db = new BetterSqlite3(':memory:');
  applyPragmas(db);
  migrate(db, [migration0010, migration0020]);
  hostId = insertUser('host');
});

afterEach(() => db.close());

describe('migration 0020 (requests)', () => {
  it('creates the request tables and sets user_version to 20', () => {
    expect(schemaVersion(db)).toBe(20);
    const names = tables(db);
    for (const t of NEW_TABLES) expect(names).toContain(t);
  });

  it('upgrades a foundation database (version 10) keeping its rows', () => {
    const old = new BetterSqlite3(':memory:');
    applyPragmas(old);
    migrate(old, [migration0010]);
    old
      .prepare(
        `INSERT INTO users (login, display_name, password_hash, created_at_ms, updated_at_ms)
         VALUES ('keep', 'Keep', 'h', 1, 1)`,
      )
      .run();
    expect(tables(old)).not.toContain('requests');
    migrate(old, [migration0010, migration0020]);
    expect(schemaVersion(old)).toBe(20);
    expect(tables(old)).toEqual(expect.arrayContaining(NEW_TABLES));
    expect(old.prepare('SELECT login FROM users').all()).toEqual([{ login: 'keep' }]);
    old.close();
  });

  it('policy version 1 is DEFAULT_POLICY, and the only version', () => {
    const rows = policyRows() as {
      version: number;
      policy: string;
      created_by: number | null;
      note: string;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.version).toBe(1);
    expect(rows[0]?.created_by).toBeNull();
    expect(rows[0]?.note).toBe('默认标准（《公务接待流程及标准》）');
    expect(JSON.parse(rows[0]?.policy ?? 'null')).toEqual(DEFAULT_POLICY);
  });

  describe('policy versions are immutable', () => {
    it('rejects UPDATE', () => {
      const before = policyRows();
      expect(() =>
        db.prepare("UPDATE policy_versions SET note = 'forged' WHERE version = 1").run(),
      ).toThrow(/immutable/);
      expect(() =>
        db.prepare("UPDATE policy_versions SET policy = '{}' WHERE version = 1").run(),
      ).toThrow(/immutable/);
      expect(policyRows()).toEqual(before);
    });

    it('rejects DELETE', () => {
      const before = policyRows();
      expect(() => db.prepare('DELETE FROM policy_versions WHERE version = 1').run()).toThrow(
        /immutable/,
      );
      expect(() => db.prepare('DELETE FROM policy_versions').run()).toThrow(/immutable/);
      expect(policyRows()).toEqual(before);
    });

    it('rejects an upsert and INSERT OR REPLACE on an existing version', () => {
      const before = policyRows();
      expect(() =>
        db
          .prepare(
            `INSERT INTO policy_versions (version, policy, created_at_ms) VALUES (1, '{}', 2)
             ON CONFLICT(version) DO UPDATE SET policy = excluded.policy`,
          )
          .run(),
      ).toThrow(/immutable/);
      expect(() =>
        db
          .prepare(
            "INSERT OR REPLACE INTO policy_versions (version, policy, created_at_ms) VALUES (1, '{}', 2)",
          )
          .run(),
      ).toThrow(/immutable/);
      expect(policyRows()).toEqual(before);
    });

    it('rejects INSERT OR REPLACE on an existing version even with recursive_triggers off', () => {
      // Like audit_log (migration 0010): a connection without the app's pragmas must not be
      // able to swap version 1 for another policy through REPLACE's implicit delete.
      db.pragma('recursive_triggers = OFF');
      const before = policyRows();
      expect(() =>
        db
          .prepare(
            "REPLACE INTO policy_versions (version, policy, created_at_ms) VALUES (1, '{}', 2)",
          )
          .run(),
      ).toThrow(/immutable/);
      expect(policyRows()).toEqual(before);
    });

    it('accepts a new version, which is then immutable too', () => {
      db.prepare(
        "INSERT INTO policy_versions (version, policy, created_at_ms, note) VALUES (2, '{}', 2, 'n')",
      ).run();
      expect(() => db.prepare('DELETE FROM policy_versions WHERE version = 2').run()).toThrow(
        /immutable/,
      );
      expect(policyRows()).toHaveLength(2);
    });

    it('rejects a policy that is not JSON', () => {
      expect(() =>
        db
          .prepare(
            "INSERT INTO policy_versions (version, policy, created_at_ms) VALUES (2, 'nope', 2)",
          )
          .run(),
      ).toThrow(/CHECK constraint/);
    });
  });

  describe('requests', () => {
    it.each([
      'draft',
      'submitted',
      'approving',
      'approved',
      'filed',
      'returned',
      'rejected',
      'cancelled',
    ])('accepts the status %s', (status) => {
      insertRequest({ status });
    });

    it.each(['archived', 'Draft', '', 'deleted'])('rejects the status %j', (status) => {
      expect(() => insertRequest({ status })).toThrow(/CHECK constraint/);
    });

    it('rejects a status changed to something unknown', () => {
      const id = insertRequest();
      expect(() => db.prepare("UPDATE requests SET status = 'bogus' WHERE id = ?").run(id)).toThrow(
        /CHECK constraint/,
      );
    });

    it.each(['E', 'a', ''])('rejects the tier %j', (tier) => {
      expect(() => insertRequest({ tier })).toThrow(/CHECK constraint/);
    });

    it('rejects a body that is not JSON, a negative budget and a retroactive flag other than 0/1', () => {
      expect(() => insertRequest({ body: '{' })).toThrow(/CHECK constraint/);
      expect(() => insertRequest({ budget_total_fen: -1 })).toThrow(/CHECK constraint/);
      expect(() => insertRequest({ retroactive: 2 })).toThrow(/CHECK constraint/);
    });

    it('codes are unique', () => {
      insertRequest({ code: 'JD20261127-001' });
      expect(() => insertRequest({ code: 'JD20261127-001' })).toThrow(/UNIQUE constraint/);
    });

    it('refers to an existing policy version and host', () => {
      insertRequest({ policy_version: 1 });
      expect(() => insertRequest({ policy_version: 99 })).toThrow(/FOREIGN KEY constraint/);
      expect(() => insertRequest({ host_user_id: 9999 })).toThrow(/FOREIGN KEY constraint/);
    });
  });

  describe('approval steps', () => {
    it.each(['dept_head', 'executive', 'admin_office'])('accepts the kind %s', (kind) => {
      insertStep(insertRequest(), { kind });
    });

    it.each(['ceo', 'finance', 'host', ''])('rejects the kind %j', (kind) => {
      expect(() => insertStep(insertRequest(), { kind })).toThrow(/CHECK constraint/);
    });

    it.each(['waiting', 'pending', 'approved', 'rejected', 'returned', 'skipped', 'cancelled'])(
      'accepts the status %s',
      (status) => {
        insertStep(insertRequest(), { status });
      },
    );

    it.each(['done', 'filed', 'APPROVED'])('rejects the status %j', (status) => {
      expect(() => insertStep(insertRequest(), { status })).toThrow(/CHECK constraint/);
    });

    it('one step per (request, revision, seq)', () => {
      const id = insertRequest();
      insertStep(id, { seq: 1 });
      insertStep(id, { seq: 2 });
      insertStep(id, { seq: 1, revision: 2 });
      expect(() => insertStep(id, { seq: 1 })).toThrow(/UNIQUE constraint/);
    });
  });

  describe('delegations', () => {
    const delegate = (user: number, to: number, from: string, until: string) =>
      db
        .prepare(
          `INSERT INTO delegations (user_id, delegate_user_id, from_date, to_date, created_at_ms)
           VALUES (?, ?, ?, ?, 1)`,
        )
        .run(user, to, from, until);

    it('rejects delegating to oneself and a range that ends before it starts', () => {
      const other = insertUser('deputy');
      delegate(hostId, other, '2026-12-01', '2026-12-01');
      expect(() => delegate(hostId, hostId, '2026-12-01', '2026-12-02')).toThrow(
        /CHECK constraint/,
      );
      expect(() => delegate(hostId, other, '2026-12-02', '2026-12-01')).toThrow(/CHECK constraint/);
    });
  });

  it('deleting a request removes its revisions, steps and events (cascade)', () => {
    const id = insertRequest({ policy_version: 1 });
    insertStep(id);
    db.prepare(
      `INSERT INTO request_revisions (request_id, revision, body, checks, budget, policy_version, submitted_at_ms, submitted_by)
       VALUES (?, 1, '{}', '[]', '{}', 1, 1, ?)`,
    ).run(id, hostId);
    db.prepare("INSERT INTO request_events (request_id, at_ms, kind) VALUES (?, 1, 'created')").run(
      id,
    );
    db.prepare('DELETE FROM requests WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM request_events').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM approval_steps').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM request_revisions').get()).toEqual({ n: 0 });
  });
});
