export { backupsHandlers } from './handlers';
export { runBackupIfDue, makeBackup, getKeep } from './backups';
