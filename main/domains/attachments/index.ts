export { attachmentsHandlers } from './handlers';
