import type { Shape } from '../i18n/shape';
import type { backupsZhCN } from './i18n.zh-CN';

export const backupsEn: Shape<typeof backupsZhCN> = {
  backups: {
    nav: 'Backups',
    title: 'Backups and recovery',
    intro:
      'A backup is made every day, and before every change of the database structure. Backups are kept in a folder beside the database; attachments are stored by content hash and never rewritten, so a backup refers to them by hash.',
    folder: 'Backup folder: {{folder}}',
    backupNow: 'Back up now',
    backingUp: 'Backing up…',
    created: 'Backed up: {{time}}',
    keep: 'Backups kept',
    keepHint:
      'The latest this many backups are kept; as many of the databases set aside by restores too.',
    keepSave: 'Save',
    keepSaved: 'Saved: {{keep}} kept ({{pruned}} older backups deleted)',
    empty: 'No backups yet.',
    col: {
      time: 'Time',
      kind: 'Kind',
      size: 'Size',
      version: 'Schema version',
      actions: 'Actions',
    },
    kind: {
      daily: 'Daily',
      migration: 'Before upgrade',
      manual: 'Manual',
      replaced: 'Set aside by a restore',
      damaged: 'Damaged, set aside',
    },
    versionUnknown: 'Unknown',
    versionNewer: '{{version}} (newer than this app)',
    restore: 'Restore',
    confirm: {
      title: 'Replace the current database with this backup?',
      body: 'The current database will be replaced by the {{kind}} backup of {{time}}. The backup is verified first (integrity check, schema version). The current database is not deleted: it is kept in the list as "Set aside by a restore" and can be restored again. Every change made after the backup will no longer show. The app then reloads the database; you may have to sign in again.',
      ok: 'Verify and restore',
      cancel: 'Cancel',
    },
    restored: 'The backup of {{time}} is restored; the previous database is set aside.',
    restoredMissing: 'Restored, but {{count}} attachment files are missing from the file store.',
    errors: {
      badId: 'This is not the name of a backup.',
      notFound: 'There is no such backup (it may have been pruned). Nothing was changed.',
      damaged: 'This backup is damaged (the integrity check failed). Nothing was changed.',
      newer:
        'This backup comes from a newer version of the app (schema {{found}}; this app knows up to {{supported}}). Nothing was changed.',
      notOurs: 'This file is not a Reception Manager database. Nothing was changed.',
      failed:
        'The backup did not complete (is the disk full, or the backup folder read-only?). Please check and try again.',
      restoreFailed:
        'The restore did not complete; the database is as it was before. Check the disk and try again.',
      noFile: 'An in-memory database has no backups.',
      postgres:
        'This server keeps its data in PostgreSQL: back it up with pg_dump (see the README, "Office server").',
      keepRange: 'Enter 1 to 60.',
      notDamaged:
        'The database is not damaged: there is nothing to recover here. Sign in and use Backups.',
      notOffered: 'Only the backup the recovery screen offers can be restored here.',
      damagedDatabase:
        'The database is damaged and the app runs in recovery mode. Restore a backup first.',
    },
    recovery: {
      title: 'The database is damaged',
      body: 'The check at start (quick_check) found the database file damaged. The app did not open it, so that no wrong data is shown.',
      offer: 'The newest good backup can be restored: {{time}} ({{kind}}).',
      refused: '{{count}} newer backups failed verification and were skipped.',
      keepAside:
        'The damaged database file is not deleted: it is kept in the backup folder as "Damaged, set aside".',
      restore: 'Restore this backup',
      none: 'No usable backup was found. Ask the administrator to copy a database file from elsewhere.',
      done: 'Restored. Please sign in again.',
      reload: 'Reload',
    },
  },
  entities: {
    backup: 'Backup',
  },
  audit: {
    field: {
      backup: 'Backup',
      setAside: 'Previous database kept as',
      missingFiles: 'Missing attachment files',
      sessionsEnded: 'Sign-ins ended',
      keep: 'Backups kept',
    },
  },
  ops: {
    backups: {
      create: 'Back up now',
      setKeep: 'Change the number of backups kept',
      restore: 'Restore a backup',
      recover: 'Recover a damaged database',
    },
  },
};
