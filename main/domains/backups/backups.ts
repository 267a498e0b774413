/**
 * Backups and recovery (issue 13): the backups screen's service, the scheduler's daily backup,
 * and the recovery of a database found damaged at start. The files and their names:
 * main/db/backup-folder.ts; the copy itself: main/db/backup.ts; swapping the live database while
 * the app runs: main/app.ts (`DatabaseHost.replace`).
 *
 * A restore verifies the chosen backup first (SQLite's integrity_check, a schema version this app
 * knows, the app's own tables): a refused backup changes nothing. Then the live database is set
 * aside under a listed name (kind `replaced`, or `damaged` from the recovery screen), the backup
 * is copied into its place and the app opens it (migrating an older one, after backing it up as
 * any migration does). The backup itself stays in the list.
 */
import type { Database as SqliteDatabase } from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import {
  DEFAULT_KEEP,
  MAX_KEEP,
  type BackupKind,
  type BackupView,
  type BackupsList,
  type RecoveryStatus,
  type RestoreOutcome,
} from '../../../shared/backups/contract';
import type { App } from '../../api/dispatcher';
import { AppError } from '../../core/errors';
import { parseJson, toJson } from '../../core/json';
import { writeTransaction } from '../../core/queries';
import type { Actor } from '../../core/context';
import { backupDatabaseRetrying, verifyBackup, type BackupCheck } from '../../db/backup';
import {
  backupsDirFor,
  findBackup,
  listBackupEntries,
  newBackupId,
  pruneBackups,
  type BackupEntry,
} from '../../db/backup-folder';
import type { DatabaseHost } from '../../db/host';
import { LATEST_VERSION } from '../../db/migrations';
import type { DB } from '../../db/schema';
import { syncFolder, type FileStore } from '../../core/files';
import { appendAudit } from '../audit';

const KEEP_KEY = 'backups.keep';
/** A daily backup is due when the last one is older than this (the app may start later each day). */
export const DAILY_EVERY_MS = 20 * 60 * 60 * 1000;

export function toView(e: BackupEntry): BackupView {
  return {
    id: e.id,
    kind: e.kind,
    atMs: e.atMs,
    sizeBytes: e.sizeBytes,
    schemaVersion: e.schemaVersion,
  };
}

/** The host of a database that has a file, or the refusal a `:memory:` app gets. */
export function fileHost(host: DatabaseHost | undefined): DatabaseHost & { file: string } {
  if (!host || host.file === null) throw new AppError('CONFLICT', 'backups.errors.noFile');
  return host as DatabaseHost & { file: string };
}

export async function getKeep(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', KEEP_KEY)
    .executeTakeFirst();
  const value = row ? parseJson(row.value) : null;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_KEEP
    ? value
    : DEFAULT_KEEP;
}

export async function putKeep(db: Kysely<DB>, keep: number): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: KEEP_KEY, value: toJson<unknown>(keep) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: toJson<unknown>(keep) }))
    .execute();
}

export async function listBackupsView(
  db: Kysely<DB>,
  host: DatabaseHost | undefined,
): Promise<BackupsList> {
  const { file } = fileHost(host);
  const dir = backupsDirFor(file);
  return {
    backups: listBackupEntries(dir).map(toView),
    keep: await getKeep(db),
    latestVersion: LATEST_VERSION,
    folder: dir,
  };
}

/**
 * Makes one online backup of the running database and prunes to the kept number. A failure (a
 * full disk, a folder that cannot be written) leaves no file under a backup's name.
 */
export async function makeBackup(
  app: Pick<App, 'db' | 'host'> & { sqlite: SqliteDatabase },
  kind: BackupKind,
  nowMs: number,
): Promise<BackupView> {
  const { file } = fileHost(app.host);
  const dir = backupsDirFor(file);
  const target = path.join(dir, newBackupId(kind, nowMs));
  try {
    await backupDatabaseRetrying(app.sqlite, target);
  } catch (e) {
    console.error('backup failed', e);
    throw new AppError('CONFLICT', 'backups.errors.failed');
  }
  pruneBackups(dir, await getKeep(app.db));
  const entry = findBackup(dir, path.basename(target));
  if (!entry) throw new AppError('CONFLICT', 'backups.errors.failed');
  return toView(entry);
}

/** The scheduler's round: a backup when the last daily one is older than DAILY_EVERY_MS. */
export async function runBackupIfDue(app: App, nowMs: number): Promise<BackupView | null> {
  // No file (PostgreSQL, or in memory): nothing of ours to copy.
  if (!app.host || app.host.file === null || app.host.damaged || app.sqlite === null) return null;
  const dir = backupsDirFor(app.host.file);
  const last = listBackupEntries(dir).find((e) => e.kind === 'daily');
  if (last && nowMs - last.atMs < DAILY_EVERY_MS && last.atMs <= nowMs) return null;
  return makeBackup({ sqlite: app.sqlite, db: app.db, host: app.host }, 'daily', nowMs);
}

const REFUSAL: Record<Exclude<BackupCheck, { ok: true }>['reason'], string> = {
  missing: 'backups.errors.notFound',
  damaged: 'backups.errors.damaged',
  newer: 'backups.errors.newer',
  notOurs: 'backups.errors.notOurs',
};

/**
 * What verification found, by file: a backup never changes once written, and a check reads the
 * whole file (minutes at ten years), so the recovery screen asking again, or a restore right after
 * it, does not read it twice. The key holds the file's size and change time: a file rewritten
 * under the same name is checked again. A file found damaged is not remembered: the failure may
 * have been the moment's (a file handle short, the disk busy), and it is checked again next time.
 */
const checked = new Map<string, BackupCheck>();
const CHECKED_MAX = 256;

export async function checkBackup(host: DatabaseHost, file: string): Promise<BackupCheck> {
  const stat = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  const key = stat ? `${file}\0${stat.size}\0${stat.mtimeNs}\0${stat.ino}` : null;
  const known = key ? checked.get(key) : undefined;
  if (known) return known;
  const check = await verifyBackup(file, LATEST_VERSION, host.openReadOnly, host.checkIntegrity);
  if (key && (check.ok || check.reason !== 'damaged')) {
    if (checked.size >= CHECKED_MAX) checked.clear();
    checked.set(key, check);
  }
  return check;
}

/** The backup of this id, verified; refused (nothing changed) with a translated reason. */
export async function verifiedBackup(
  host: DatabaseHost & { file: string },
  id: string,
): Promise<BackupEntry> {
  const entry = findBackup(backupsDirFor(host.file), id);
  if (!entry) throw new AppError('NOT_FOUND', 'backups.errors.notFound');
  const check = await checkBackup(host, entry.file);
  if (!check.ok) {
    throw new AppError('CONFLICT', REFUSAL[check.reason], {
      found: check.version ?? 0,
      supported: LATEST_VERSION,
    });
  }
  return entry;
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Replaces the live database by a verified backup: a copy of the backup is written beside the
 * live file first (the long part, while the app still works), then, holding the connection (the
 * handle closed, its log checkpointed into the file), the live file is kept in the backups folder
 * under `asideKind` — a second name for the same file, or a copy where links are not allowed —
 * and the copy takes the live file's name in one rename, and the app opens it. At no moment is
 * there no database at the live name: killed before the rename, the app starts on the database it
 * had; after it, on the restored one. Returns the id the replaced file was kept under.
 */
export async function replaceWithBackup(
  host: DatabaseHost & { file: string },
  entry: BackupEntry,
  asideKind: 'replaced' | 'damaged',
  nowMs: number,
): Promise<{ asideId: string; db: Kysely<DB> }> {
  const live = host.file;
  const dir = backupsDirFor(live);
  const asideId = newBackupId(asideKind, nowMs);
  const aside = path.join(dir, asideId);
  const staging = `${live}.restoring-${crypto.randomBytes(6).toString('hex')}`;
  fs.copyFileSync(entry.file, staging, fs.constants.COPYFILE_EXCL);
  try {
    fsyncFile(staging);
    const db = await host.replace(
      () => {
        // A log left beside the restored file would be replayed into it. A clean close leaves
        // none with content; one that does (another connection still open) stops the restore.
        const wal = `${live}-wal`;
        if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
          throw new Error('the database kept a write-ahead log after closing');
        }
        fs.mkdirSync(dir, { recursive: true });
        keepAside(live, aside);
        syncFolder(dir);
        for (const s of ['-wal', '-shm']) fs.rmSync(live + s, { force: true });
        fs.renameSync(staging, live);
        syncFolder(path.dirname(live));
      },
      () => {
        // The restored file could not be opened (or the swap stopped halfway): the replaced
        // database goes back to the live name, without the logs the failed open left.
        if (!fs.existsSync(aside)) return;
        for (const s of ['-wal', '-shm']) fs.rmSync(live + s, { force: true });
        fs.renameSync(aside, live);
        syncFolder(path.dirname(live));
      },
    );
    return { asideId, db };
  } finally {
    fs.rmSync(staging, { force: true });
  }
}

/** A second name for `file` at `to` (a hard link); a copy where the file system refuses links. */
function keepAside(file: string, to: string): void {
  try {
    fs.linkSync(file, to);
  } catch {
    fs.copyFileSync(file, to, fs.constants.COPYFILE_EXCL);
    fsyncFile(to);
  }
}

/** Attachments the database names that the file store does not have. */
export async function missingFiles(db: Kysely<DB>, files: FileStore): Promise<number> {
  const rows = await db.selectFrom('attachments').select('sha256').distinct().execute();
  return rows.filter((r) => !fs.existsSync(files.pathOf(r.sha256))).length;
}

/**
 * After a restore, its entry in the restored database's own audit log (the entry the call left
 * before the swap went aside with the replaced file). The actor is named; his id only where the
 * restored users table has him.
 */
export async function auditRestore(
  db: Kysely<DB>,
  operation: 'backups.restore' | 'backups.recover',
  actor: Actor | null,
  nowMs: number,
  client: string | null,
  summary: Record<string, unknown>,
): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const known = actor
      ? await trx.selectFrom('users').select('id').where('id', '=', actor.userId).executeTakeFirst()
      : undefined;
    await appendAudit(trx, {
      atMs: nowMs,
      actorUserId: known ? known.id : null,
      actorName: actor?.displayName ?? null,
      operation,
      entityType: 'backup',
      entityId: null,
      summary,
      client,
    });
  });
}

/**
 * After a restore, every session the restored file holds ends but the restorer's own: a sign-out
 * or a revocation made after the backup must not be undone by it (a token that was ended would
 * work again). Everyone else signs in afresh.
 */
export async function endRestoredSessions(
  db: Kysely<DB>,
  keepTokenHash: string | null,
  nowMs: number,
): Promise<number> {
  return writeTransaction(db, async (trx) => {
    let q = trx.updateTable('sessions').set({ endedAtMs: nowMs }).where('endedAtMs', 'is', null);
    if (keepTokenHash !== null) q = q.where('tokenHash', '!=', keepTokenHash);
    const out = await q.executeTakeFirst();
    return Number(out.numUpdatedRows);
  });
}

/** The newest backup that passes verification, and how many newer ones were refused. */
export async function recoveryOffer(host: DatabaseHost & { file: string }): Promise<{
  offer: BackupEntry | null;
  refused: number;
}> {
  let refused = 0;
  for (const entry of listBackupEntries(backupsDirFor(host.file))) {
    // What recovery sets aside is the damage itself: never offered.
    if (entry.kind === 'damaged') continue;
    if ((await checkBackup(host, entry.file)).ok) return { offer: entry, refused };
    refused += 1;
  }
  return { offer: null, refused };
}

export async function recoveryStatus(host: DatabaseHost | undefined): Promise<RecoveryStatus> {
  if (!host?.damaged || host.file === null) return { damaged: false, offer: null, refused: 0 };
  const { offer, refused } = await recoveryOffer(host as DatabaseHost & { file: string });
  return { damaged: true, offer: offer ? toView(offer) : null, refused };
}

export type { RestoreOutcome };
