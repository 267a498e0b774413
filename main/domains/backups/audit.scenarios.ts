import { asAdmin, type Scenarios } from '../../test-scenarios';
import { makeBackup } from './backups';

/** One successful call of each write operation of this domain (see main/test-scenarios.ts). */
export const auditScenarios: Scenarios = {
  'backups.create': asAdmin(async (t, a) => () => t.call('backups.create', {}, a.token)),
  'backups.setKeep': asAdmin(async (t, a) => () => t.call('backups.setKeep', { keep: 5 }, a.token)),
  // The backup is made without a call (no entry of its own): the restored log then holds the
  // backup's entries and, after them, the restore's.
  'backups.restore': asAdmin(async (t, a) => {
    const backup = await makeBackup(t.app, 'manual', t.now());
    return () => t.call('backups.restore', { id: backup.id }, a.token);
  }),
};
