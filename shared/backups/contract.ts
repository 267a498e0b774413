import * as z from 'zod';
import { empty, op } from '../contract/spec';

export const BACKUP_KINDS = ['daily', 'migration', 'manual', 'replaced', 'damaged'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/**
 * A backup's id is its file name in the backups folder (main/db/backup-folder.ts): time, kind and
 * a random part. Nothing else passes, so no path can name a file outside the folder.
 */
export const BACKUP_ID =
  /^(\d{8})T(\d{9})Z\.(daily|migration|manual|replaced|damaged)\.[0-9a-f]{4}(?:[0-9a-f]{4})?\.db$/;

/** How many backups are kept when the sysadmin has not said (each kind set aside as many). */
export const DEFAULT_KEEP = 7;
export const MAX_KEEP = 60;

export interface BackupView {
  id: string;
  kind: BackupKind;
  atMs: number;
  sizeBytes: number;
  /** The schema version in the file's header; null when the file has none (not a database). */
  schemaVersion: number | null;
}

export interface BackupsList {
  /** Newest first: the backups, then what restores and recoveries set aside (by kind). */
  backups: BackupView[];
  keep: number;
  /** The schema version this app writes: a backup above it cannot be restored. */
  latestVersion: number;
  /** Where the backups are, for whoever copies them elsewhere. */
  folder: string;
}

export interface RestoreOutcome {
  restored: BackupView;
  /** The live database as it was, kept aside under this id (listed with the backups). */
  setAsideId: string;
  /** Attachments the restored rows name that the file store lacks (should be 0). */
  missingFiles: number;
}

export interface RecoveryStatus {
  damaged: boolean;
  /** The newest backup that passed verification, offered for the restore; null: none. */
  offer: BackupView | null;
  /** Backups tried and refused before the offer (damaged, newer, not ours). */
  refused: number;
}

const backupId = z
  .string({ message: 'backups.errors.badId' })
  .max(64, { message: 'backups.errors.badId' })
  .regex(BACKUP_ID, { message: 'backups.errors.badId' });

export const backupsOperations = {
  'backups.list': op<BackupsList>()({ input: empty, access: 'backups.manage', write: false }),
  'backups.create': op<BackupView>()({ input: empty, access: 'backups.manage', write: true }),
  'backups.setKeep': op<{ keep: number; pruned: number }>()({
    input: z.strictObject({
      keep: z
        .number({ message: 'validation.required' })
        .int({ message: 'validation.integer' })
        .min(1, { message: 'backups.errors.keepRange' })
        .max(MAX_KEEP, { message: 'backups.errors.keepRange' }),
    }),
    access: 'backups.manage',
    write: true,
  }),
  'backups.restore': op<RestoreOutcome>()({
    input: z.strictObject({ id: backupId }),
    access: 'backups.manage',
    write: true,
  }),
  /**
   * Public: the recovery screen comes before sign-in, since a damaged database's users table
   * cannot be trusted. It only answers whether the database is damaged and which backup it offers.
   */
  'backups.recoveryStatus': op<RecoveryStatus>()({
    input: empty,
    access: 'public',
    write: false,
    passive: true,
  }),
  /**
   * Public for the same reason, and refused unless the database was found damaged at start: then
   * only the backup the screen offers (the newest that passes verification) may be restored. Not
   * a write of the running database (in recovery mode an empty one in memory, which nothing
   * keeps): it replaces the file, and its audit entry goes into the restored database itself.
   */
  'backups.recover': op<RestoreOutcome>()({
    input: z.strictObject({ id: backupId }),
    access: 'public',
    write: false,
  }),
};
