/** The visit's procedure tasks and their reminders. */
export { tasksHandlers } from './handlers';
export {
  completeVisitTask,
  createVisitTasks,
  handOverTasksOf,
  setTaskDue,
  voidVisitTasks,
} from './tasks';
export { sweepDueTasks, SWEEP_BATCH, type SweepHost } from './sweep';
