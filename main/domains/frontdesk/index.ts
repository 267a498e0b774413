export { frontdeskHandlers } from './handlers';
