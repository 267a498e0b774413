import type { tasksNames } from '../../../shared/tasks/names';
import type { DomainHandlers } from '../../core/handler';
import { completeTask, myTasks, reopenTask, tasksOfRequest } from './tasks';

export const tasksHandlers: DomainHandlers<(typeof tasksNames.operations)[number]> = {
  'tasks.mine': (ctx, input) => myTasks(ctx, input),
  'tasks.ofRequest': (ctx, input) => tasksOfRequest(ctx, input.requestId),
  'tasks.complete': (ctx, input) => completeTask(ctx, input.id),
  'tasks.reopen': (ctx, input) => reopenTask(ctx, input.id),
};
