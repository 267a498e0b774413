export { approvalsHandlers } from './handlers';
