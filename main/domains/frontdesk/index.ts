export { frontdeskHandlers } from './handlers';
export { rememberVisitors } from './directory';
