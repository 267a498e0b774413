import * as z from 'zod';
import type { UserView } from '../contract/types';
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
  'users.list': op<UserView[]>()({ input: empty, access: 'directory.read', write: false }),
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
