import { defineNames } from '../contract/define';

/** Health, first-run setup, sign-in and the session. */
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
  ],
  events: [],
  permissions: [],
  grants: {},
});
