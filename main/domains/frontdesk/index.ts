export { frontdeskHandlers } from './handlers';
export { watchRequestVisitors } from './watch-request';
export { purgeExpiredVisitors, runRetentionIfDue } from './retention';
export { rememberVisitors } from './directory';
export { recordsWalkIn, releaseWalkInsOf } from './walk-in-records';
// Exports write a day's board as the desk sees it (phones masked).
export { board } from './board';
