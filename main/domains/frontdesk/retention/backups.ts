import fs from 'node:fs';
import { listBackups, removePartialBackups } from '../../../db/backup';

const DAY_MS = 86_400_000;

/**
 * Deletes the backups in `dir` taken more than `retentionDays` before `nowMs` (by the file's
 * modification time: a backup is written once and never touched again), and any leftover of an
 * interrupted one. Such a backup holds visitors whose retention period has ended — the live
 * database anonymised them, a copy must not keep them (PIPL: personal data is kept no longer than
 * the purpose needs). Backups inside the period stay: they may still hold visitors whose period
 * ended since, and age out in turn. Returns the paths removed.
 */
export function removeExpiredBackups(dir: string, nowMs: number, retentionDays: number): string[] {
  removePartialBackups(dir);
  const limit = nowMs - retentionDays * DAY_MS;
  const removed: string[] = [];
  for (const file of listBackups(dir)) {
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      continue; // Removed meanwhile.
    }
    if (mtimeMs >= limit) continue;
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
      fs.rmSync(f, { force: true });
    }
    removed.push(file);
  }
  return removed;
}
