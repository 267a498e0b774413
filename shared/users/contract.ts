import * as z from 'zod';
import type { DirectoryEntry, UserView } from '../contract/types';
import { empty, op } from '../contract/spec';
import { id, loginName, password, requiredText, roles } from '../validation/fields';

export const userCreateInput = z.strictObject({
  login: loginName,
  displayName: requiredText(50),
  departmentId: id.nullable(),
  roles,
  password,
});

export const userUpdateInput = z.strictObject({
  id,
  displayName: requiredText(50),
  departmentId: id.nullable(),
  roles,
  disabled: z.boolean(),
});

export const usersOperations = {
  /** Everything about every account, lock and password state included: the sysadmin's list. */
  'users.list': op<UserView[]>()({ input: empty, access: 'users.manage', write: false }),
  /** Everyone's view of the people (pickers, names): no login names, lock or password state. */
  'users.directory': op<DirectoryEntry[]>()({
    input: empty,
    access: 'directory.read',
    write: false,
  }),
  'users.create': op<UserView>()({ input: userCreateInput, access: 'users.manage', write: true }),
  'users.update': op<UserView>()({ input: userUpdateInput, access: 'users.manage', write: true }),
  'users.resetPassword': op<null>()({
    input: z.strictObject({ id, password }),
    access: 'users.manage',
    write: true,
  }),
  'users.unlock': op<null>()({
    input: z.strictObject({ id }),
    access: 'users.manage',
    write: true,
  }),
};
