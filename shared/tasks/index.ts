/** What other domains may use of the visit's procedure tasks. */
export type { TaskCursor, TaskView } from './views';
export { tasksOperations, tasksMineInput, DONE_SHOWN_DAYS, type TasksEvents } from './contract';
export {
  DEFAULT_REIMBURSEMENT_DAYS,
  TASK_KINDS,
  isTaskKind,
  visitTasks,
  wallInstant,
  TASK_OWNER_ROLES,
  type PlannedTask,
  type TaskKind,
  type TaskOwner,
} from './plan';
export { isOverdue, mayActOnTask } from './rights';
