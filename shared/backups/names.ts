import { defineNames } from '../contract/define';

/**
 * Backups and recovery (issue 13): the sysadmin's backups screen (list, back up now, how many to
 * keep, restore), and the recovery screen a damaged database opens before anyone signs in.
 */
export const backupsNames = defineNames({
  operations: [
    'backups.list',
    'backups.create',
    'backups.setKeep',
    'backups.restore',
    'backups.recoveryStatus',
    'backups.recover',
  ],
  events: [],
  permissions: ['backups.manage'],
  grants: { sysadmin: ['backups.manage'] },
});
