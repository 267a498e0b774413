/**
 * Online backups of the live database (issue 13: the crash test kills the app during one; the
 * sysadmin's backups reuse it). SQLite's backup API copies the pages while the app keeps working
 * (better-sqlite3 `backup()`, a few pages per turn of the event loop; a write made meanwhile on the
 * same connection is carried into the copy).
 *
 * A copy interrupted halfway (the process killed, the disk full, the power cut) must never pass
 * for a backup: it is written under a temporary name (`<name>.partial-<random>`) and renamed to
 * its own name only once it is complete and on disk. A rename within one folder is atomic, so a
 * file under a backup's name is whole; anything with `.partial-` in its name is a leftover that
 * `removePartialBackups` clears. Checking a backup's content (integrity, schema version) is the
 * restore's job, which reads it anyway.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database as SqliteDatabase } from 'better-sqlite3';

/** Complete backups end so; a partial one never does (its name goes on after the marker). */
export const BACKUP_EXTENSION = '.db';
const PARTIAL_MARKER = '.partial-';

export interface BackupOptions {
  /**
   * Pages copied per turn of the event loop (better-sqlite3's default is 100): fewer keeps the app
   * more responsive during a large copy.
   */
  pagesPerStep?: number;
}

/** Whether `file` (a path or a name) is a leftover of an interrupted backup, or its journal. */
export function isPartialBackup(file: string): boolean {
  return path.basename(file).includes(PARTIAL_MARKER);
}

/** Flushes a file (or, where the platform allows, a folder's entries) to the disk. */
function fsyncPath(p: string, folder: boolean): void {
  let fd: number;
  try {
    fd = fs.openSync(p, folder ? 'r' : 'r+');
  } catch (e) {
    if (folder) return; // Windows opens no folder: its renames are journalled by NTFS.
    throw e;
  }
  try {
    fs.fsyncSync(fd);
  } catch (e) {
    if (!folder) throw e;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Gives the finished copy its name without ever replacing a file of that name: a link fails
 * atomically when the name is taken (two backups of the same name started at once), where a
 * rename would silently replace the other. Where the disk has no hard links (FAT, exFAT: a USB
 * stick) it is the check then the rename. A kill between link and unlink leaves the partial
 * copy, which removePartialBackups clears.
 */
function publish(partial: string, target: string): void {
  try {
    fs.linkSync(partial, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new Error(`backup ${target} exists already`);
    if (fs.existsSync(target)) throw new Error(`backup ${target} exists already`);
    fs.renameSync(partial, target);
    return;
  }
  fs.rmSync(partial, { force: true });
}

/**
 * Copies the open database into `target` (a new file; an existing one is never overwritten) and
 * returns `target`. Until it resolves, the copy exists only under a partial name beside it.
 */
export async function backupDatabase(
  sqlite: SqliteDatabase,
  target: string,
  options: BackupOptions = {},
): Promise<string> {
  const pages = Math.max(1, Math.trunc(options.pagesPerStep ?? 100));
  return copyInto(target, async (partial) => {
    await sqlite.backup(partial, { progress: () => pages });
  });
}

/**
 * The same, in one synchronous step (`VACUUM INTO`: a consistent, compact copy): for the moment
 * before a migration, when the app serves nobody yet and an asynchronous copy has no point.
 */
export function backupDatabaseSync(sqlite: SqliteDatabase, target: string): string {
  const partial = partialFor(target);
  try {
    sqlite.prepare('VACUUM INTO ?').run(partial);
    finish(partial, target);
  } catch (e) {
    dropPartial(partial);
    throw e;
  }
  return target;
}

/** Whether `e` is SQLite's "busy" or "locked" (another statement or connection holds it). */
function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/**
 * Like backupDatabase, but a copy that meets the app's own write transaction (a step of the copy
 * fails with SQLITE_BUSY/LOCKED while the same connection is inside one) starts again, a little
 * later, up to `attempts` times: a scheduled backup runs beside the app's writes.
 */
export async function backupDatabaseRetrying(
  sqlite: SqliteDatabase,
  target: string,
  options: BackupOptions & { attempts?: number; waitMs?: number } = {},
): Promise<string> {
  const attempts = Math.max(1, options.attempts ?? 8);
  for (let attempt = 1; ; attempt++) {
    try {
      return await backupDatabase(sqlite, target, options);
    } catch (e) {
      if (!isBusy(e) || attempt >= attempts) throw e;
      await new Promise((resolve) => setTimeout(resolve, (options.waitMs ?? 50) * attempt));
    }
  }
}

/** Checks the name, makes the folder; the temporary name the copy is written under. */
function partialFor(target: string): string {
  if (path.basename(target).includes(PARTIAL_MARKER)) {
    throw new Error(`a backup's name may not contain "${PARTIAL_MARKER}": ${target}`);
  }
  if (fs.existsSync(target)) throw new Error(`backup ${target} exists already`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  return `${target}${PARTIAL_MARKER}${crypto.randomBytes(6).toString('hex')}`;
}

function finish(partial: string, target: string): void {
  fsyncPath(partial, false);
  publish(partial, target);
  fsyncPath(path.dirname(path.resolve(target)), true);
}

function dropPartial(partial: string): void {
  for (const f of [partial, `${partial}-journal`, `${partial}-wal`]) fs.rmSync(f, { force: true });
}

async function copyInto(target: string, copy: (partial: string) => Promise<void>) {
  const partial = partialFor(target);
  try {
    await copy(partial);
    finish(partial, target);
  } catch (e) {
    dropPartial(partial);
    throw e;
  }
  return target;
}

/**
 * The schema version written in a database file's header (`user_version`, 4 bytes big-endian at
 * offset 60), read without opening it; null when the file is missing or too short to be one.
 */
export function fileSchemaVersion(file: string): number | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const header = Buffer.alloc(100);
    if (fs.readSync(fd, header, 0, 100, 0) < 100) return null;
    if (header.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0') return null;
    return header.readUInt32BE(60);
  } finally {
    fs.closeSync(fd);
  }
}

export type BackupCheck =
  | { ok: true; version: number }
  | { ok: false; reason: 'missing' | 'damaged' | 'newer' | 'notOurs'; version?: number };

/**
 * Whether a backup may replace the live database: it opens (read-only), is one of ours (it has
 * the users and settings tables), its schema is not newer than this app knows (`latest`) and it
 * passes SQLite's full `integrity_check`, which `integrity` runs (off the main thread in the app:
 * it reads the whole file). An older schema is fine: opening it migrates it.
 */
export async function verifyBackup(
  file: string,
  latest: number,
  open: (file: string) => SqliteDatabase,
  integrity: (file: string) => Promise<string>,
): Promise<BackupCheck> {
  if (!fs.existsSync(file)) return { ok: false, reason: 'missing' };
  let version: number;
  let ours: boolean;
  let db: SqliteDatabase | null = null;
  try {
    db = open(file);
    version = db.pragma('user_version', { simple: true }) as number;
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('users', 'settings')",
      )
      .all();
    ours = version !== 0 && tables.length === 2;
  } catch {
    // Not a database at all (SQLITE_NOTADB), or damaged where opening reads (SQLITE_CORRUPT).
    return { ok: false, reason: 'damaged' };
  } finally {
    db?.close();
  }
  if (version > latest) return { ok: false, reason: 'newer', version };
  try {
    if ((await integrity(file)) !== 'ok') return { ok: false, reason: 'damaged', version };
  } catch {
    return { ok: false, reason: 'damaged', version };
  }
  if (!ours) return { ok: false, reason: 'notOurs', version };
  return { ok: true, version };
}

/** The complete backups in `dir` (paths, sorted by name); none when the folder does not exist. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(BACKUP_EXTENSION) && !isPartialBackup(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Deletes what interrupted backups left in `dir`; returns how many files went. With `olderThanMs`
 * only leftovers not written to for that long: a backup running meanwhile (a manual one beside
 * the nightly purge) is writing its partial file right now.
 */
export function removePartialBackups(dir: string, olderThanMs = 0, nowMs = Date.now()): number {
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    if (!isPartialBackup(name)) continue;
    const file = path.join(dir, name);
    if (olderThanMs > 0) {
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat || nowMs - stat.mtimeMs < olderThanMs) continue;
    }
    fs.rmSync(file, { force: true });
    removed += 1;
  }
  return removed;
}

/**
 * The database file failed `PRAGMA quick_check` at start (or is no database at all): the app
 * opens its recovery screen instead of working on it (main/app.ts).
 */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`The database ${file} is damaged (${detail}); nothing was changed.`);
    this.name = 'DatabaseDamagedError';
  }
}

/** SQLite's answer for a damaged or foreign file. */
export function isDamageError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}
