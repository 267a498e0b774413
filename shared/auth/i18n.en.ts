import type { authZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';

export const authEn: Shape<typeof authZhCN> = {
  setup: {
    title: 'First start: create the system administrator',
    intro:
      'The database has no users yet. Create the first system administrator, then use it to add the other users and departments.',
    companyName: 'Company name',
    login: 'Login name',
    displayName: 'Full name',
    password: 'Password',
    passwordConfirm: 'Confirm password',
    submit: 'Create and sign in',
  },
  login: {
    title: 'Sign in',
    login: 'Login name',
    password: 'Password',
    submit: 'Sign in',
    browserMode: 'Browser mode',
  },
  lock: {
    title: 'Screen locked',
    intro:
      'The screen is locked (idle or locked by hand). {{name}}, enter your password to continue; anyone else, choose Switch user.',
    unlock: 'Unlock',
    switchUser: 'Switch user',
  },
  account: {
    title: 'My account',
    currentPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'Confirm new password',
    changed: 'Password changed. Sessions in other windows were signed out.',
    mustChange: 'An administrator reset your password. Choose a new one only you know.',
    roles: 'Roles',
    department: 'Department',
  },
  sessions: {
    nav: 'Sessions',
    title: 'Sign-in sessions',
    intro:
      'Every sign-in is a session: who is using the app, from which device (address) they signed in, and when they last did something. Ending a session sends that person back to the sign-in screen within two seconds; their other sessions stay signed in.',
    col: {
      person: 'Person',
      client: 'Signed in from',
      created: 'Signed in',
      lastActive: 'Last active',
      status: 'Status',
      actions: 'Actions',
    },
    status: {
      active: 'Active',
      locked: 'Screen locked',
      expired: 'Expired',
      ended: 'Signed out',
      revoked: 'Ended by admin',
    },
    current: 'This session',
    localApp: 'Desktop app on this computer',
    unknownClient: 'Not recorded',
    endedAt: 'Ended {{time}}',
    revoke: 'End',
    revokeLabel: 'End the session of {{name}} ({{client}})',
    revokeConfirm: 'End the session of {{name}} on {{client}}? They are signed out at once.',
    revoked: 'Session ended; that person is signed out.',
    revokeUser: 'End all of theirs',
    revokeUserLabel: 'End every session of {{name}}',
    revokeUserConfirm:
      'End every active session of {{name}}? They are signed out on every device at once.',
    revokedUser_one: '{{count}} session ended.',
    revokedUser_other: '{{count}} sessions ended.',
    empty: 'No sign-in sessions yet.',
    errors: {
      badId: 'This is not the number of a session.',
      notFound: 'There is no such session. Nothing was changed.',
      own: 'This is your own current session. Use Sign out to end it.',
      expired: 'This session has expired already; there is nothing to end.',
      alreadyEnded: 'This session has already ended. Nothing was changed.',
      noUser: 'There is no such user. Nothing was changed.',
      noneLive: '{{name}} has no active session to end. Nothing was changed.',
    },
  },
  errors: {
    currentPasswordWrong: 'The current password is not correct.',
    mustChangePassword: 'An administrator reset your password. Please choose a new one first.',
    sessionRevoked: 'An administrator ended your session. Please sign in again.',
  },
  audit: {
    field: {
      signedInFrom: 'Session signed in from',
    },
  },
  ops: {
    setup: { createAdmin: 'Initial setup' },
    auth: {
      login: 'Sign in',
      loginFailed: 'Failed sign-in',
      logout: 'Sign out',
      lock: 'Lock screen',
      unlock: 'Unlock',
      changePassword: 'Change password',
      setLanguage: 'Change language',
    },
    sessions: {
      revoke: 'End a session',
      revokeUser: 'End all sessions of a user',
    },
  },
};
