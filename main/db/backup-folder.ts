/**
 * The backups folder of a database file and what its names say (issue 13, backups and recovery).
 *
 * Beside the database, named after it (`reception.db` → `reception.backups/`), for the reason the
 * attachments' folder is (core/files.ts): two databases in one folder never prune each other's
 * backups, and whoever copies the folder takes them along.
 *
 * A backup's name carries what the list shows without opening it: when it was made and why —
 * `20261202T160546123Z.daily.3fa1.db`. The kinds: `daily` (the scheduler), `migration` (just
 * before a migration ran), `manual` (the sysadmin's "back up now"), and the two kept aside:
 * `replaced` (the live database a restore replaced) and `damaged` (the live database the recovery
 * screen replaced). The random part keeps two backups made in one millisecond apart. The name is
 * also the backup's id in the API: a name that does not match is no backup, so no path someone
 * typed can name a file elsewhere.
 *
 * Attachments are not copied: their store is content-addressed and append-only (core/files.ts —
 * a file is named by its SHA-256, never rewritten and never deleted), so a backup refers to its
 * files by the hashes in its rows, and every one of them is still in the store when it is
 * restored. A restore counts the referenced hashes the store lacks (a disk fault, a store copied
 * without them) and says so instead of pretending.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_ID, type BackupKind } from '../../shared/backups/contract';
import { BACKUP_EXTENSION, fileSchemaVersion, isPartialBackup } from './backup';

export { BACKUP_ID, BACKUP_KINDS, type BackupKind } from '../../shared/backups/contract';
/** The kinds a restore or a recovery sets aside; pruned on their own, never counted as backups. */
export const ASIDE_KINDS: readonly BackupKind[] = ['replaced', 'damaged'];

export interface BackupEntry {
  id: string;
  file: string;
  kind: BackupKind;
  atMs: number;
  sizeBytes: number;
  /** From the file's header; null when it has none (not a database, cut short). */
  schemaVersion: number | null;
}

export function backupsDirFor(dbFile: string): string {
  const resolved = path.resolve(dbFile);
  const stem = path.basename(resolved, path.extname(resolved));
  return path.join(path.dirname(resolved), `${stem}.backups`);
}

/** A new backup's id for `atMs`. */
export function newBackupId(kind: BackupKind, atMs: number): string {
  const iso = new Date(atMs).toISOString(); // 2026-12-02T16:05:46.123Z
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}T${iso.slice(11, 23).replace(/[:.]/g, '')}Z`;
  // 8 hex digits (4 before 2026-12): two backups of one millisecond, each made by a retry or a
  // double click, must not pick the same name (the second would be refused: names are never reused).
  return `${stamp}.${kind}.${crypto.randomBytes(4).toString('hex')}${BACKUP_EXTENSION}`;
}

/** The time and kind an id says; null when it is no backup's id. */
export function parseBackupId(id: string): { kind: BackupKind; atMs: number } | null {
  const m = BACKUP_ID.exec(id);
  if (!m) return null;
  const [, day = '', time = '', kind] = m;
  const atMs = Date.UTC(
    Number(day.slice(0, 4)),
    Number(day.slice(4, 6)) - 1,
    Number(day.slice(6, 8)),
    Number(time.slice(0, 2)),
    Number(time.slice(2, 4)),
    Number(time.slice(4, 6)),
    Number(time.slice(6, 9)),
  );
  if (!Number.isFinite(atMs)) return null;
  return { kind: kind as BackupKind, atMs };
}

/** Every backup in the folder, newest first. Partial copies and foreign files are left out. */
export function listBackupEntries(dir: string): BackupEntry[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupEntry[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (isPartialBackup(name)) continue;
    const parsed = parseBackupId(name);
    if (!parsed) continue;
    const file = path.join(dir, name);
    let sizeBytes: number;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) continue;
      sizeBytes = stat.size;
    } catch {
      continue; // pruned meanwhile
    }
    out.push({ id: name, file, ...parsed, sizeBytes, schemaVersion: fileSchemaVersion(file) });
  }
  return out.sort((a, b) => b.atMs - a.atMs || (a.id < b.id ? 1 : -1));
}

/** The entry of an id, when the id is a backup's and its file is there. */
export function findBackup(dir: string, id: string): BackupEntry | null {
  if (!parseBackupId(id)) return null;
  return listBackupEntries(dir).find((b) => b.id === id) ?? null;
}

/**
 * Keeps the newest `keep` backups and the newest `keep` files set aside, deleting the older ones
 * (their WAL leftovers too). Returns the ids deleted.
 */
export function pruneBackups(dir: string, keep: number): string[] {
  const entries = listBackupEntries(dir);
  const k = Math.max(1, Math.trunc(keep));
  const gone: string[] = [];
  for (const aside of [false, true]) {
    const group = entries.filter((e) => ASIDE_KINDS.includes(e.kind) === aside);
    for (const e of group.slice(k)) {
      for (const f of [e.file, `${e.file}-wal`, `${e.file}-shm`, `${e.file}-journal`]) {
        fs.rmSync(f, { force: true });
      }
      gone.push(e.id);
    }
  }
  return gone;
}
