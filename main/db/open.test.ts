import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support';
import { schemaVersion } from './migrate';
import { LATEST_VERSION } from './migrations';
import { DatabaseDamagedError } from './backup';
import { openDatabase, type Database } from './open';

const dirs: string[] = [];
const opened: Database[] = [];

afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function openTemp(sub = 'reception.db') {
  const dir = makeTempDir('rm-open-');
  dirs.push(dir);
  const file = path.join(dir, sub);
  const db = openDatabase(file);
  opened.push(db);
  return { db, file };
}

describe('openDatabase', () => {
  it('sets the pragmas on a file database: WAL, foreign keys, synchronous FULL, busy timeout, recursive triggers, secure delete', () => {
    const { db } = openTemp();
    const p = (name: string) => db.sqlite.pragma(name, { simple: true });
    expect({
      journal_mode: p('journal_mode'),
      foreign_keys: p('foreign_keys'),
      synchronous: p('synchronous'),
      busy_timeout: p('busy_timeout'),
      recursive_triggers: p('recursive_triggers'),
      secure_delete: p('secure_delete'),
    }).toEqual({
      journal_mode: 'wal',
      foreign_keys: 1,
      synchronous: 2,
      busy_timeout: 5000,
      recursive_triggers: 1,
      secure_delete: 1,
    });
  });

  it('migrates a new file to the latest schema version', () => {
    const { db } = openTemp();
    expect(schemaVersion(db.sqlite)).toBe(LATEST_VERSION);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(10);
  });

  it('creates missing parent folders of the database file', () => {
    const { file } = openTemp(path.join('nested', 'deeper', 'reception.db'));
    expect(fs.existsSync(file)).toBe(true);
  });

  it('opens and migrates an in-memory database', async () => {
    const db = openDatabase(':memory:');
    try {
      expect(schemaVersion(db.sqlite)).toBe(LATEST_VERSION);
      expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('closes the SQLite handle when the Kysely instance is closed', async () => {
    const dir = makeTempDir('rm-open-');
    dirs.push(dir);
    const db = openDatabase(path.join(dir, 'x.db'));
    await db.close();
    expect(db.sqlite.open).toBe(false);
  });
});

describe('the check at start', () => {
  /** Writes garbage over the root page of `table` (its b-tree header), closing the file first. */
  async function damageTable(table: string) {
    const { db, file } = openTemp();
    const root = (
      db.sqlite.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(table) as {
        rootpage: number;
      }
    ).rootpage;
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = db.sqlite.pragma('page_size', { simple: true }) as number;
    await db.close();
    opened.splice(opened.indexOf(db), 1);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (root - 1) * pageSize);
    fs.closeSync(fd);
    return file;
  }

  it('a damaged table anywhere is found on a file of ordinary size', async () => {
    const file = await damageTable('requests');
    expect(() => openDatabase(file)).toThrow(DatabaseDamagedError);
  });

  it('above the size limit the tables sign-in rests on are checked, and damage the sampling of the planner statistics meets leads to recovery too', async () => {
    const people = await damageTable('users');
    expect(() => openDatabase(people, { startCheckMaxBytes: 0 })).toThrow(DatabaseDamagedError);
    const elsewhere = await damageTable('requests');
    expect(() => openDatabase(elsewhere, { startCheckMaxBytes: 0 })).toThrow(DatabaseDamagedError);
  });
});
