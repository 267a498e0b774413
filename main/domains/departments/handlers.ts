import type { departmentsNames } from '../../../shared/departments/names';
import type { DomainHandlers } from '../../core/handler';
import * as departments from './departments';

export const departmentsHandlers: DomainHandlers<(typeof departmentsNames.operations)[number]> = {
  'departments.list': (ctx) => departments.listDepartments(ctx.db),
  'departments.create': (ctx, input) => departments.createDepartment(ctx, input),
  'departments.update': (ctx, input) => departments.updateDepartment(ctx, input),
  'departments.delete': (ctx, input) => departments.deleteDepartment(ctx, input),
};
