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
   *
   * `system.connection` and `system.resync`: the desktop app in client mode (issue 14) tells its
   * window how its connection to the office server stands, and that the server's event stream
   * came back without what was missed (refetch everything). Made by the Electron main process
   * itself (main/electron/remote-ipc.ts), never by the dispatcher: local mode and the office
   * server never send them. Contract names rather than a channel of their own so the preload
   * keeps exposing exactly `invoke` and `subscribe` (DESIGN.md §4) and the renderer receives them
   * the way it receives every event.
   */
  events: ['sessions.ended', 'system.connection', 'system.resync'],
  permissions: [
    /** See who is signed in where, and end a session or all of a person's (issue 14). */
    'sessions.manage',
  ],
  grants: { sysadmin: ['sessions.manage'] },
});
