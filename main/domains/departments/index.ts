export { departmentsHandlers } from './handlers';
