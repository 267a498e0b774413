import { defineNames } from '../contract/define';

/** Health, first-run setup, sign-in and the session; the sysadmin's list of sessions. */
export const authNames = defineNames({
  operations: [
    'system.health',
    'setup.status',
    'setup.createAdmin',
    'auth.login',
    'auth.logout',
    'auth.session',
    'auth.lock',
    'auth.unlock',
    'auth.touch',
    'auth.changePassword',
    'auth.setLanguage',
    'sessions.list',
    'sessions.revoke',
    'sessions.revokeUser',
  ],
  /**
   * `sessions.ended`: sent to the sessions an administrator ended (issue 14), which are no longer
   * live — the transports deliver it by the session it names, not by user (main/api/events.ts).
   */
  events: ['sessions.ended'],
  permissions: [
    /** See who is signed in where, and end a session or all of a person's (issue 14). */
    'sessions.manage',
  ],
  grants: { sysadmin: ['sessions.manage'] },
});
