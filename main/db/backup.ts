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
  const dir = path.dirname(path.resolve(target));
  if (path.basename(target).includes(PARTIAL_MARKER)) {
    throw new Error(`a backup's name may not contain "${PARTIAL_MARKER}": ${target}`);
  }
  if (fs.existsSync(target)) throw new Error(`backup ${target} exists already`);
  fs.mkdirSync(dir, { recursive: true });
  const partial = `${target}${PARTIAL_MARKER}${crypto.randomBytes(6).toString('hex')}`;
  const pages = Math.max(1, Math.trunc(options.pagesPerStep ?? 100));
  try {
    await sqlite.backup(partial, { progress: () => pages });
    fsyncPath(partial, false);
    publish(partial, target);
  } catch (e) {
    for (const f of [partial, `${partial}-journal`, `${partial}-wal`])
      fs.rmSync(f, { force: true });
    throw e;
  }
  fsyncPath(dir, true);
  return target;
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

/** Deletes what interrupted backups left in `dir`; returns how many files went. */
export function removePartialBackups(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    if (!isPartialBackup(name)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed += 1;
  }
  return removed;
}
