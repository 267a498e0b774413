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
  errors: {
    currentPasswordWrong: 'The current password is not correct.',
    mustChangePassword: 'An administrator reset your password. Please choose a new one first.',
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
  },
};
