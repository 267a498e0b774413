export { requestsHandlers } from './handlers';
