import type { departmentsZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';

export const departmentsEn: Shape<typeof departmentsZhCN> = {
  departments: {
    title: 'Departments',
    create: 'New department',
    edit: 'Edit department',
    name: 'Name',
    head: 'Head',
    members: 'Members',
    deleteConfirm: 'Delete the department “{{name}}”? This cannot be undone.',
    deleted: 'Department deleted.',
    empty: 'No departments yet: create the first one',
  },
  errors: {
    departmentNotFound: 'The department does not exist.',
    departmentHasMembers_one:
      'This department still has {{count}} member. Move them to another department first.',
    departmentHasMembers_other:
      'This department still has {{count}} members. Move them to another department first.',
    headInvalid: 'The head must be an active user.',
  },
  ops: {
    departments: {
      create: 'Create department',
      update: 'Update department',
      delete: 'Delete department',
    },
  },
};
