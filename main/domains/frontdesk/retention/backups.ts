import fs from 'node:fs';
import path from 'node:path';
import { listBackups, removePartialBackups } from '../../../db/backup';
import { parseBackupId } from '../../../db/backup-folder';

const DAY_MS = 86_400_000;
/** A partial backup file untouched this long is a leftover, not a backup being written. */
const PARTIAL_STALE_MS = 3_600_000;

/**
 * Deletes the backups in `dir` taken more than `retentionDays` before `nowMs` (by the time their
 * name records, which a copied or touched file keeps; by the file's modification time for a name
 * of another form), and leftovers of interrupted ones. Such a
 * backup holds visitors whose retention period has ended — the live database anonymised them, a
 * copy must not keep them (PIPL: personal data is kept no longer than the purpose needs). Backups
 * inside the period stay: they may still hold visitors whose period ended since, and age out in
 * turn. Returns the paths removed.
 */
export function removeExpiredBackups(dir: string, nowMs: number, retentionDays: number): string[] {
  removePartialBackups(dir, PARTIAL_STALE_MS, nowMs);
  const limit = nowMs - retentionDays * DAY_MS;
  const removed: string[] = [];
  for (const file of listBackups(dir)) {
    const takenMs =
      parseBackupId(path.basename(file))?.atMs ??
      fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (takenMs === undefined || takenMs >= limit) continue; // removed meanwhile, or kept
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
      fs.rmSync(f, { force: true });
    }
    removed.push(file);
  }
  return removed;
}
