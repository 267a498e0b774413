export { VisitTasks } from './VisitTasks';
