import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { corruptDatabaseFile } from '../domains/backups/test-backups';
import { IntegrityCheckError, integrityCheckOffThread } from './integrity-check';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A database file of a few hundred pages, with an index to check against its table. */
function databaseFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-integrity-'));
  dirs.push(dir);
  const file = path.join(dir, 'backup.db');
  const db = new BetterSqlite3(file);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); CREATE INDEX t_name ON t (name)');
  const insert = db.prepare('INSERT INTO t (name) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 20_000; i++) insert.run(`名字 ${i}`);
  })();
  db.close();
  return file;
}

/** The same check on the calling thread, counting how often it was asked for. */
function onThread() {
  const calls: string[] = [];
  const fallback = (file: string) => {
    calls.push(file);
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      return (db.pragma('integrity_check(1)', { simple: true }) as string) ?? 'no answer';
    } finally {
      db.close();
    }
  };
  return { calls, fallback };
}

describe('integrity check in a worker thread', () => {
  it('answers ok for a sound file, and the main thread goes on meanwhile', async () => {
    const file = databaseFile();
    const { calls, fallback } = onThread();
    let turned = false;
    setTimeout(() => (turned = true), 0);
    const checking = integrityCheckOffThread(file, { fallback });
    // A check on this thread would run before the timer: it fires first only if the check is
    // elsewhere.
    await expect(checking).resolves.toBe('ok');
    expect(turned).toBe(true);
    expect(calls).toEqual([]);
  });

  it("gives SQLite's first complaint for a damaged file", async () => {
    const file = databaseFile();
    corruptDatabaseFile(file);
    const { calls, fallback } = onThread();
    const answer = await integrityCheckOffThread(file, { fallback }).catch((e: unknown) => e);
    // Damage SQLite meets while opening is an error; damage found by the check is its text.
    if (typeof answer === 'string') expect(answer).not.toBe('ok');
    else expect(answer).toBeInstanceOf(IntegrityCheckError);
    expect(calls).toEqual([]);
  });

  it('rejects a file that is no database, with SQLite’s code', async () => {
    const file = databaseFile();
    fs.writeFileSync(file, Buffer.alloc(8192, 0x41));
    const { fallback } = onThread();
    const error = await integrityCheckOffThread(file, { fallback }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityCheckError);
    expect((error as IntegrityCheckError).code).toBe('SQLITE_NOTADB');
  });

  it('checks on the calling thread where the worker cannot load the driver', async () => {
    const file = databaseFile();
    const { calls, fallback } = onThread();
    const answer = await integrityCheckOffThread(file, {
      fallback,
      driver: path.join(os.tmpdir(), 'no-such-driver', 'index.js'),
    });
    expect(answer).toBe('ok');
    expect(calls).toEqual([file]);
  });
});
