import * as z from 'zod';
import type { DirectoryEntry, UserView } from '../contract/types';
import { empty, op } from '../contract/spec';
import { isValidPhone, normalizePhone } from '../validation/contact';
import { id, loginName, password, requiredText, roles } from '../validation/fields';

/** A work phone as pasted ("138 0013 8000"): digits, or '' for none (as frontdesk's phoneField). */
const workPhone = z
  .string({ message: 'validation.required' })
  .max(40, { message: 'validation.tooLong' })
  .transform(normalizePhone)
  .refine(isValidPhone, { message: 'validation.phone' });

export const userCreateInput = z.strictObject({
  login: loginName,
  displayName: requiredText(50),
  departmentId: id.nullable(),
  roles,
  password,
  /** Shown to the front desk beside the visits he hosts; older callers send none. */
  phone: workPhone.default(''),
});

export const userUpdateInput = z.strictObject({
  id,
  displayName: requiredText(50),
  departmentId: id.nullable(),
  roles,
  disabled: z.boolean(),
  /** Absent: kept as it is (older callers send none). */
  phone: workPhone.optional(),
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
