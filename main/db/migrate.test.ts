import path from 'node:path';
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support';
import { DatabaseTooNewError, migrate, schemaVersion } from './migrate';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { openDatabase } from './open';

const dirs: string[] = [];
const handles: Database[] = [];

function tempFile() {
  const dir = makeTempDir('rm-migrate-');
  dirs.push(dir);
  return path.join(dir, 'test.db');
}

function open(file: string) {
  const db = new BetterSqlite3(file);
  handles.push(db);
  return db;
}

afterEach(() => {
  for (const h of handles.splice(0)) if (h.open) h.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tables(db: Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

function schemaSql(db: Database): string[] {
  return (
    db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all() as {
      sql: string | null;
    }[]
  ).map((r) => JSON.stringify(r));
}

const createA: Migration = {
  version: 1,
  name: 'a',
  up: (db) => db.exec('CREATE TABLE a (id INTEGER PRIMARY KEY)'),
};
const createB: Migration = {
  version: 2,
  name: 'b',
  up: (db) => db.exec('CREATE TABLE b (id INTEGER PRIMARY KEY)'),
};
const failing: Migration = {
  version: 3,
  name: 'broken',
  up: (db) => {
    db.exec('CREATE TABLE c (id INTEGER PRIMARY KEY)');
    throw new Error('migration 3 is broken');
  },
};

describe('migrate', () => {
  it('applies all pending migrations and records the last version in user_version', () => {
    const db = open(tempFile());
    expect(migrate(db, [createA, createB])).toBe(2);
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).toEqual(['a', 'b']);
  });

  it('runs pending migrations in one transaction: a failing later migration leaves the old version and none of the earlier tables', () => {
    const file = tempFile();
    const db = open(file);
    expect(() => migrate(db, [createA, createB, failing])).toThrow('migration 3 is broken');
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);

    // Also from a database that is already part-way: version 1 stays version 1, b is not kept.
    migrate(db, [createA]);
    expect(() => migrate(db, [createA, createB, failing])).toThrow('migration 3 is broken');
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['a']);

    // And what is on disk agrees.
    db.close();
    const again = open(file);
    expect(schemaVersion(again)).toBe(1);
    expect(tables(again)).toEqual(['a']);
  });

  it('runs only the migrations newer than user_version', () => {
    const db = open(tempFile());
    migrate(db, [createA]);
    const ran: number[] = [];
    const spy = (m: Migration): Migration => ({
      ...m,
      up: (d) => {
        ran.push(m.version);
        m.up(d);
      },
    });
    expect(migrate(db, [spy(createA), spy(createB)])).toBe(2);
    expect(ran).toEqual([2]);
  });

  it('is a no-op when re-run on an up-to-date database', () => {
    const db = open(tempFile());
    migrate(db);
    const before = schemaSql(db);
    let calls = 0;
    const counting = MIGRATIONS.map((m) => ({
      ...m,
      up: (d: Database) => {
        calls++;
        m.up(d);
      },
    }));
    expect(migrate(db, counting)).toBe(LATEST_VERSION);
    expect(migrate(db)).toBe(LATEST_VERSION);
    expect(calls).toBe(0);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(schemaSql(db)).toEqual(before);
  });

  it('refuses a database from a newer version with DatabaseTooNewError and does not change it', () => {
    const file = tempFile();
    const db = open(file);
    db.exec(
      'CREATE TABLE future_thing (id INTEGER PRIMARY KEY); INSERT INTO future_thing VALUES (7)',
    );
    db.pragma(`user_version = ${LATEST_VERSION + 10}`);
    const before = schemaSql(db);

    let error: unknown;
    try {
      migrate(db);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect(error).toMatchObject({ found: LATEST_VERSION + 10, supported: LATEST_VERSION });
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 10);
    expect(schemaSql(db)).toEqual(before);
    expect(db.prepare('SELECT id FROM future_thing').all()).toEqual([{ id: 7 }]);
  });

  it('openDatabase refuses a newer database file with DatabaseTooNewError and keeps its version and schema', () => {
    const file = tempFile();
    const db = open(file);
    db.exec('CREATE TABLE future_thing (id INTEGER PRIMARY KEY)');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();

    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    const again = open(file);
    expect(schemaVersion(again)).toBe(LATEST_VERSION + 1);
    expect(tables(again)).toEqual(['future_thing']);
  });

  it('openDatabase leaves a refused newer database file byte-for-byte unchanged (not even switched to WAL)', () => {
    const file = tempFile();
    const db = open(file);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    const bytes = fs.readFileSync(file);

    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});
