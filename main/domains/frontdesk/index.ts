export { frontdeskHandlers } from './handlers';
export { purgeExpiredVisitors, runRetentionIfDue } from './retention';
