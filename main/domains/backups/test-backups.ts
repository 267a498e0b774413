/**
 * Helpers shared by the backups tests and the scorecard's D2 item: a checksum of every table, and
 * the two kinds of bad file a restore must refuse.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';

/**
 * One SHA-256 per table of the database (its rows sorted by every column, so the order rows were
 * written in does not matter). Tables that change on every call (sessions' activity) can be left
 * out: `skip` names a table, or a prefix of tables (`audit` skips `audit_log`, `audit_search_…`).
 */
export function tableChecksums(
  sqlite: SqliteDatabase,
  skip: readonly string[] = [],
): Record<string, string> {
  const tables = (
    sqlite
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  )
    .map((r) => r.name)
    .filter((n) => !skip.some((s) => n === s || n.startsWith(`${s}_`)));
  const out: Record<string, string> = {};
  for (const name of tables) {
    const hash = crypto.createHash('sha256');
    const quoted = `"${name.replace(/"/g, '""')}"`;
    const columns = (sqlite.pragma(`table_info(${quoted})`) as unknown[]).length;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    for (const row of sqlite.prepare(`SELECT * FROM ${quoted} ORDER BY ${order}`).iterate()) {
      hash.update(JSON.stringify(row));
      hash.update('\n');
    }
    out[name] = hash.digest('hex');
  }
  return out;
}

/**
 * Damages a database file the way a failing disk does: garbage over the start of every page but
 * the first (the header stays readable, so the file still says it is a database and its
 * version; SQLite's checks find the b-tree pages broken).
 */
export function corruptDatabaseFile(file: string): void {
  const size = fs.statSync(file).size;
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r+');
  try {
    fs.readSync(fd, header, 0, 100, 0);
    const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
    const garbage = Buffer.alloc(64, 0xa5);
    for (let offset = pageSize; offset < size; offset += pageSize) {
      fs.writeSync(fd, garbage, 0, garbage.length, offset);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes a schema version into a database file (a backup "from a newer app"). */
export function setFileSchemaVersion(file: string, version: number): void {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    db.pragma(`user_version = ${Math.trunc(version)}`);
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}
