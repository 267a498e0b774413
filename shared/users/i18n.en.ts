import type { usersZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';

export const usersEn: Shape<typeof usersZhCN> = {
  users: {
    title: 'Users',
    create: 'New user',
    edit: 'Edit user',
    login: 'Login name',
    displayName: 'Full name',
    phone: 'Work phone',
    department: 'Department',
    roles: 'Roles',
    status: 'Status',
    active: 'Active',
    disabled: 'Disabled',
    lockedUntil: 'Locked until {{time}}',
    password: 'Initial password',
    passwordHint: 'The user can change it after signing in.',
    resetPassword: 'Reset password',
    resetPasswordTitle: 'Reset the password of {{name}}',
    resetPasswordDone: 'Password reset. The user must choose a new one at the next sign-in.',
    unlock: 'Unlock',
    unlocked: 'Unlocked.',
    disable: 'Disable account',
    created: 'User created.',
    filter: 'Filter by name or login',
    lockedOnly: 'Locked accounts only',
    showAll: 'Show all users',
    empty: 'No users yet',
  },
  errors: {
    userNotFound: 'The user does not exist.',
    selfLockout: 'You cannot disable yourself or remove your own administrator role.',
    lastSysadmin: 'At least one active system administrator must remain.',
  },
  ops: {
    users: {
      directory: 'People directory',
      create: 'Create user',
      update: 'Update user',
      resetPassword: 'Reset password',
      unlock: 'Unlock user',
    },
  },
};
