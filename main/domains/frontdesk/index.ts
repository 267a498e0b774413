export { frontdeskHandlers } from './handlers';
export { watchRequestVisitors } from './watch-request';
