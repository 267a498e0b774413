import * as z from 'zod';
import type { DepartmentView } from '../contract/types';
import { empty, op } from '../contract/spec';
import { id, requiredText } from '../validation/fields';

export const departmentInput = z.strictObject({
  name: requiredText(50),
  headUserId: id.nullable(),
});

export const departmentsOperations = {
  'departments.list': op<DepartmentView[]>()({
    input: empty,
    access: 'directory.read',
    write: false,
  }),
  'departments.create': op<DepartmentView>()({
    input: departmentInput,
    access: 'departments.manage',
    write: true,
  }),
  'departments.update': op<DepartmentView>()({
    input: departmentInput.extend({ id }),
    access: 'departments.manage',
    write: true,
  }),
  'departments.delete': op<null>()({
    input: z.strictObject({ id }),
    access: 'departments.manage',
    write: true,
  }),
};
