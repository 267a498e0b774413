export { exportsHandlers } from './handlers';
